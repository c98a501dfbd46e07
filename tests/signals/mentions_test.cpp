#include "engine/signals/mentions/mentions.hpp"

#include "tests/signals/fixture.hpp"

namespace unct::signals {
namespace {

using MentionsSignal = test::SignalTest;

TEST_F(MentionsSignal, SeesEveryBlockKind) {
  for (const char* text : test::k_block_kinds) {
    read(text);
    EXPECT_TRUE(holds(Mentions{.term_set = "roma"})) << text;
    EXPECT_FALSE(holds(Mentions{.term_set = "indigenous"})) << text;
  }
}

TEST_F(MentionsSignal, CountsOccurrencesThroughIncludes) {
  read("Roma and indigenous peoples. Roma again.\n");
  EXPECT_TRUE(holds(Mentions{.term_set = "groups", .min_count = 3}));
  EXPECT_FALSE(holds(Mentions{.term_set = "groups", .min_count = 4}));
  EXPECT_EQ(outcome(Mentions{.term_set = "groups"}).evidence.size(), 3u);
}

TEST_F(MentionsSignal, CanBeScopedToAPart) {
  read("# Country\n\nRoma live here.\n\n## Who is left behind\n\nIndigenous peoples.\n\n### Detail\n\nMore.\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "roma", .part = "lnob"}));
  EXPECT_TRUE(holds(Mentions{.term_set = "indigenous", .part = "lnob"}));
  EXPECT_EQ(rules::part_ids(m_compiled, m_index).back(), "lnob");  // a sub-heading inherits its parent's part
  EXPECT_EQ(rules::part_ids(m_compiled, m_index)[1], "");
}

TEST_F(MentionsSignal, GenericLanguageNamesNoGroup) {
  read("## Leave no one behind\n\nVulnerable and marginalised groups are left behind; an aroma of change.\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "groups"}));
}

TEST_F(MentionsSignal, TraceNamesWhatWasLookedFor) {
  read("Roma.\n");
  EXPECT_EQ(trace(Mentions{.term_set = "indigenous", .part = "lnob"}).detail,
            "no term of \"indigenous\" in part lnob found");
  EXPECT_EQ(trace(Mentions{.term_set = "roma", .min_count = 2}).detail, "1 hit (needs 2)");
}

TEST(MentionsDescribe, SaysCountPartAndPolarity) {
  EXPECT_EQ(Mentions{.term_set = "groups"}.describe(), "mentions(groups)");
  EXPECT_EQ((Mentions{.term_set = "groups", .min_count = 2, .part = "lnob", .polarity = Polarity::affirmed}.describe()),
            "mentions(groups, at least 2, in part lnob, affirmed)");
}

}  // namespace
}  // namespace unct::signals
