#include "engine/signals/coverage/coverage.hpp"

#include "tests/signals/fixture.hpp"

namespace unct::signals {
namespace {

using CoverageSignal = test::SignalTest;

TEST_F(CoverageSignal, CountsDistinctTermsOrSets) {
  read("Roma, Roma and Roma.\n");
  EXPECT_FALSE(holds(Coverage{.term_set = "groups", .min_distinct = 2}));
  EXPECT_FALSE(holds(Coverage{.term_set = "groups", .min_distinct = 2, .by = CoverageUnit::set}));
  read("Roma and indigenous peoples.\n");
  EXPECT_TRUE(holds(Coverage{.term_set = "groups", .min_distinct = 2}));
  EXPECT_TRUE(holds(Coverage{.term_set = "groups", .min_distinct = 2, .by = CoverageUnit::set}));
  EXPECT_EQ(outcome(Coverage{.term_set = "groups", .min_distinct = 2}).evidence.size(), 2u);
}

TEST_F(CoverageSignal, TraceNamesTheDistinctSets) {
  read("Roma and indigenous peoples.\n");
  EXPECT_EQ(trace(Coverage{.term_set = "groups", .min_distinct = 3, .by = CoverageUnit::set}).detail,
            "2 distinct (needs 3): roma, indigenous");
}

TEST(CoverageDescribe, SaysWhatItCounts) {
  EXPECT_EQ((Coverage{.term_set = "groups", .min_distinct = 3, .by = CoverageUnit::set}.describe()),
            "coverage(groups, 3 distinct sets)");
}

struct TwoTerms : LintContext {
  std::size_t distinct_terms(const std::string&) const override { return 2; }
};

TEST(CoverageNeverHolds, WhenTheSetHasTooFewTerms) {
  EXPECT_EQ((Coverage{.term_set = "s", .min_distinct = 2}.never_holds(TwoTerms{})), std::nullopt);
  EXPECT_EQ((Coverage{.term_set = "s", .min_distinct = 3}.never_holds(TwoTerms{})),
            "it needs 3 distinct terms of \"s\", which has 2");
  // Included sets are counted when the checklist loads.
  EXPECT_EQ((Coverage{.term_set = "s", .min_distinct = 3, .by = CoverageUnit::set}.never_holds(TwoTerms{})),
            std::nullopt);
}

}  // namespace
}  // namespace unct::signals
