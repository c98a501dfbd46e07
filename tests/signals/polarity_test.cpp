#include "engine/signals/polarity.hpp"

#include "tests/signals/fixture.hpp"

namespace unct::signals {
namespace {

using PolarityOfHits = test::SignalTest;

// Positive claims ask for affirmed hits, data gaps for negated ones.
TEST_F(PolarityOfHits, TellsAClaimFromAnAbsence) {
  read("Administrative data are not disaggregated by ethnicity.\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "disaggregation", .polarity = Polarity::affirmed}));
  EXPECT_TRUE(holds(Mentions{.term_set = "disaggregation", .polarity = Polarity::negated}));
  EXPECT_TRUE(holds(Mentions{.term_set = "disaggregation"}));
  EXPECT_FALSE(holds(Near{.term_set_a = "disaggregation", .term_set_b = "ethnicity", .polarity = Polarity::affirmed}));
  EXPECT_TRUE(holds(Near{.term_set_a = "disaggregation", .term_set_b = "ethnicity", .polarity = Polarity::negated}));
  read("Survey data are disaggregated by ethnicity, but administrative data are not.\n");
  EXPECT_TRUE(holds(Mentions{.term_set = "disaggregation", .polarity = Polarity::affirmed}));
  read("Data disaggregated by ethnicity are not available.\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "disaggregation", .polarity = Polarity::affirmed}));
  read("Les données ne sont pas ventilées par origine ethnique.\n", "fr");
  EXPECT_TRUE(holds(Mentions{.term_set = "disaggregation", .polarity = Polarity::negated}));
}

// Negation is worked out only for the hits of sets some signal reads with a polarity.
TEST(PolarityNeeds, NameTheSetsReadWithAPolarity) {
  Needs needs;
  Mentions{.term_set = "a"}.collect(needs);
  Near{.term_set_a = "a", .term_set_b = "b", .polarity = Polarity::negated}.collect(needs);
  EXPECT_EQ(needs.sets, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(needs.polarity_sets, (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace unct::signals
