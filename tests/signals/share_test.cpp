#include "engine/signals/share/share.hpp"

#include "tests/signals/fixture.hpp"

#include <gmock/gmock.h>

namespace unct::signals {
namespace {

using ShareSignal = test::SignalTest;

const char* const k_results_matrix =
    "## Results framework\n\n"
    "| Indicator | Baseline | Target |\n|---|---|---|\n"
    "| Outcome 1: people are included | | |\n"
    "| 1.1 Net enrolment, by sex and ethnicity | 71% | 90% |\n"
    "| 1.2 Births registered | 80% | 95% |\n"
    "| 1.3 Households with water | 60% | 75% |\n"
    "| 1.4 Unemployment rate | 12% | 9% |\n";

TEST_F(ShareSignal, CountsDataRowsOfHeadedTables) {
  read(k_results_matrix);
  // Four data rows (the outcome title row has one filled cell), one by ethnicity: 25%.
  EXPECT_TRUE(holds(Share{.header_set = "indicator", .having_set = "ethnicity", .min_share = 0.2}));
  EXPECT_TRUE(holds(Share{.header_set = "indicator", .having_set = "ethnicity", .min_share = 0.25}));
  EXPECT_FALSE(holds(Share{.header_set = "indicator", .having_set = "ethnicity", .min_share = 0.34}));
  EXPECT_FALSE(holds(Share{.header_set = "indicator", .having_set = "ethnicity", .min_rows = 2}));
  EXPECT_TRUE(holds(Share{.header_set = "indicator", .having_set = "ethnicity", .part = "results"}));
  EXPECT_FALSE(holds(Share{.header_set = "indicator", .having_set = "ethnicity", .part = "lnob"}));
  EXPECT_EQ(trace(Share{.header_set = "indicator", .having_set = "ethnicity", .min_share = 0.34}).detail,
            "1 of 4 rows in 1 table carry \"ethnicity\" (25%; needs 34% and 1 row)");
}

TEST_F(ShareSignal, NeedsAHeaderRow) {
  read("| Literacy | by ethnicity |\n|---|---|\n| Enrolment | by ethnicity |\n");
  EXPECT_FALSE(holds(Share{.header_set = "indicator", .having_set = "ethnicity"}));
  EXPECT_THAT(trace(Share{.header_set = "indicator", .having_set = "ethnicity"}).detail,
              ::testing::HasSubstr("no table"));
  read("Indicators are disaggregated by ethnicity.\n");
  EXPECT_FALSE(holds(Share{.header_set = "indicator", .having_set = "ethnicity"}));
}

struct NoTerms : LintContext {
  std::size_t distinct_terms(const std::string&) const override { return 0; }
};

TEST(ShareNeverHolds, AboveAllRows) {
  EXPECT_EQ((Share{.header_set = "h", .having_set = "x", .min_share = 1.0}.never_holds(NoTerms{})), std::nullopt);
  EXPECT_EQ((Share{.header_set = "h", .having_set = "x", .min_share = 1.5}.never_holds(NoTerms{})),
            "a share of 1.500000 is more than all rows");
}

TEST(ShareDescribe, SaysThePercent) {
  EXPECT_EQ((Share{.header_set = "h", .having_set = "x", .min_share = 0.2, .min_rows = 3}.describe()),
            "share(rows of tables headed by h carrying x >= 20%, at least 3 rows)");
}

}  // namespace
}  // namespace unct::signals
