#include "engine/signals/combine/combine.hpp"

#include "tests/signals/fixture.hpp"

namespace unct::signals {
namespace {

using CombineSignals = test::SignalTest;

TEST_F(CombineSignals, FollowLogic) {
  read("Roma face discrimination.\n");
  const Signal roma = Mentions{.term_set = "roma"};
  const Signal indigenous = Mentions{.term_set = "indigenous"};
  EXPECT_TRUE(holds(AllOf{{roma, Mentions{.term_set = "discrimination"}}}));
  EXPECT_FALSE(holds(AllOf{{roma, indigenous}}));
  EXPECT_TRUE(holds(AnyOf{{roma, indigenous}}));
  EXPECT_FALSE(holds(AnyOf{{indigenous}}));
  EXPECT_TRUE(holds(Not{{indigenous}}));
  EXPECT_FALSE(holds(Not{{roma}}));
  EXPECT_TRUE(outcome(Not{{indigenous}}).evidence.empty());
  EXPECT_TRUE(holds(AtLeast{.count = 1, .signals = {roma, indigenous}}));
  EXPECT_FALSE(holds(AtLeast{.count = 2, .signals = {roma, indigenous}}));
}

TEST_F(CombineSignals, TraceIsHeadedByTheCombination) {
  read("Roma.\n");
  const rules::Trace t = trace(AllOf{{Mentions{.term_set = "roma"}, Not{{Mentions{.term_set = "indigenous"}}}}});
  EXPECT_EQ(t.signal, "all of");
  EXPECT_EQ(t.detail, "2 of 2 hold");
  ASSERT_EQ(t.children.size(), 2u);
  EXPECT_EQ(t.children[0].signal, "mentions(roma)");
  EXPECT_EQ(t.children[1].signal, "not");
  EXPECT_EQ(t.children[1].detail, "0 of 1 hold");
}

TEST(CombineDescribe, ListsTheSignalsInside) {
  EXPECT_EQ(describe(AtLeast{.count = 2, .signals = {Mentions{.term_set = "a"}, Not{{Mentions{.term_set = "b"}}}}}),
            "at least 2 of: mentions(a); not: mentions(b)");
}

struct FewTerms : LintContext {
  std::size_t distinct_terms(const std::string& id) const override { return id == "one" ? 1 : 5; }
};

TEST(CombineNeverHolds, WhenTheSignalsItNeedsCannot) {
  const Signal never = Coverage{.term_set = "one", .min_distinct = 2};
  const Signal maybe = Coverage{.term_set = "five", .min_distinct = 2};
  const std::string why = "it needs 2 distinct terms of \"one\", which has 1";
  EXPECT_EQ(never_holds(AllOf{{maybe, never}}, FewTerms{}), why);
  EXPECT_EQ(never_holds(AnyOf{{maybe, never}}, FewTerms{}), std::nullopt);
  EXPECT_EQ(never_holds(AnyOf{{never, never}}, FewTerms{}), why);
  EXPECT_EQ(never_holds(AtLeast{.count = 2, .signals = {maybe, never}}, FewTerms{}), why);
  EXPECT_EQ(never_holds(AtLeast{.count = 1, .signals = {maybe, never}}, FewTerms{}), std::nullopt);
  EXPECT_EQ(never_holds(Not{{never}}, FewTerms{}), std::nullopt);
}

}  // namespace
}  // namespace unct::signals
