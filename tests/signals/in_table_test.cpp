#include "engine/signals/in_table/in_table.hpp"

#include "tests/signals/fixture.hpp"

namespace unct::signals {
namespace {

using InTableSignal = test::SignalTest;

TEST_F(InTableSignal, SeesTableCellsOnly) {
  const InTable in_table{.term_set = "ethnicity"};
  for (const char* text : {"# By ethnicity\n", "Data by ethnicity.\n", "- by ethnicity\n"}) {
    read(text);
    EXPECT_FALSE(holds(in_table)) << text;
  }
  read("| Indicator | Disaggregation |\n|---|---|\n| Literacy | by ethnicity |\n| Enrolment | ethnic origin |\n");
  EXPECT_TRUE(holds(in_table));
  EXPECT_TRUE(holds(InTable{.term_set = "ethnicity", .min_count = 2}));
  EXPECT_FALSE(holds(InTable{.term_set = "ethnicity", .min_count = 3}));
  EXPECT_FALSE(holds(InTable{.term_set = "ethnicity", .part = "results"}));
  read("## Results framework\n\n| Indicator | Disaggregation |\n|---|---|\n| Literacy | by ethnicity |\n");
  EXPECT_TRUE(holds(InTable{.term_set = "ethnicity", .part = "results"}));
}

TEST(InTableDescribe, SaysCountPartAndPolarity) {
  EXPECT_EQ(
      (InTable{.term_set = "grounds", .min_count = 2, .part = "results", .polarity = Polarity::negated}.describe()),
      "in-table(grounds, at least 2, in part results, negated)");
}

}  // namespace
}  // namespace unct::signals
