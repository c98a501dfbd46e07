#include "engine/signals/spread/spread.hpp"

#include "tests/signals/fixture.hpp"

#include <gmock/gmock.h>

namespace unct::signals {
namespace {

using SpreadSignal = test::SignalTest;

const char* const k_three_sections =
    "# Common Country Analysis\n\n"
    "## 1. Country context\n\nRoma live in the north.\n\n"
    "## 2. Who is left behind\n\n### 2.1 Roma\n\nRoma face discrimination. Indigenous peoples too.\n\n"
    "## 3. Results\n\nNothing on groups here.\n";

TEST_F(SpreadSignal, CountsDistinctTopLevelSectionsBelowTheTitle) {
  read(k_three_sections);
  EXPECT_TRUE(holds(Spread{.term_set = "groups", .min_sections = 2}));
  EXPECT_FALSE(holds(Spread{.term_set = "groups", .min_sections = 3}));
  EXPECT_FALSE(holds(Spread{.term_set = "indigenous", .min_sections = 2}));
}

TEST_F(SpreadSignal, EvidenceIsTheFirstHitOfEachSection) {
  read(k_three_sections);
  const rules::Outcome o = outcome(Spread{.term_set = "groups"});
  ASSERT_EQ(o.evidence.size(), 2u);
  EXPECT_EQ(m_document.blocks[o.evidence[0].block].text, "Roma live in the north.");
  EXPECT_EQ(m_document.blocks[o.evidence[1].block].text, "2.1 Roma");  // a heading is a block like any other
}

TEST_F(SpreadSignal, SubsectionsCountWithTheirSection) {
  read(
      "# CCA\n\n## 2. Who is left behind\n\nRoma.\n\n### 2.1 Roma\n\nRoma again.\n\n### 2.2 Others\n\nIndigenous "
      "peoples.\n");
  EXPECT_FALSE(holds(Spread{.term_set = "groups"}));
}

TEST_F(SpreadSignal, WithoutATitleTheFirstHeadingsAreTheSections) {
  read("Roma in the opening text.\n\n## A\n\nRoma.\n\n## B\n\n| Group |\n|---|\n| Roma |\n");
  EXPECT_TRUE(holds(Spread{.term_set = "roma"}));
  EXPECT_EQ(outcome(Spread{.term_set = "roma"}).evidence.size(), 2u);  // the opening text is in no section
}

TEST_F(SpreadSignal, TraceNamesTheSections) {
  read(k_three_sections);
  EXPECT_EQ(trace(Spread{.term_set = "groups", .min_sections = 3}).detail,
            "2 sections (needs 3): 1. Country context, 2. Who is left behind");
  read("No heading, Roma.\n");
  EXPECT_EQ(trace(Spread{.term_set = "groups"}).detail, "no term of \"groups\" found in a section");
}

TEST(SpreadDescribe, SaysHowManySections) {
  EXPECT_EQ((Spread{.term_set = "groups", .min_sections = 3}.describe()), "spread(groups, 3 sections)");
}

// The signal checklist with its pattern criterion replaced by `signal`.
std::string with_signal(const std::string& signal) {
  std::string xml = test::read_bytes(test::fixture("checklist/signals.xml"));
  const std::string pattern = R"(<pattern regex="cerd/c/[a-z]+/co/[0-9-]+"/>)";
  return xml.replace(xml.find(pattern), pattern.size(), signal);
}

TEST(SpreadRead, ReadsItsElement) {
  const checklist::Checklist c =
      checklist::load_checklist_text(with_signal(R"(<spread set="groups" min="3"/>)"), "spread.xml");
  const checklist::Criterion* criterion = checklist::find_criterion(c.sections[0].items[0], "symbol");
  ASSERT_NE(criterion, nullptr);
  EXPECT_EQ(criterion->signal, Signal(Spread{.term_set = "groups", .min_sections = 3}));
  EXPECT_THAT([] { checklist::load_checklist_text(with_signal(R"(<spread set="groupz"/>)"), "spread.xml"); },
              ::testing::ThrowsMessage<InputError>(::testing::HasSubstr("unknown term set \"groupz\"")));
}

}  // namespace
}  // namespace unct::signals
