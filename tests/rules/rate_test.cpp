#include "engine/rules/rate.hpp"

#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/document_index.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::rules {
namespace {

using ::testing::ElementsAre;

// The minimal checklist's item T-01: approaches = a group named; meets = two groups;
// exceeds = a group near discrimination.
class Rate : public ::testing::Test {
protected:
  ItemResult rate_text(const std::string& markdown, DocumentKind kind = DocumentKind::cca) {
    m_document = ingest::read_markdown(markdown, "test.md");
    m_index = index_document(m_compiled, m_document);
    return rate(m_checklist.sections[0].items[0], "cca", {.kind = kind}, m_compiled, m_document, m_index);
  }
  checklist::Checklist m_checklist = checklist::load_checklist(test::fixture("checklist/minimal.xml"));
  CompiledChecklist m_compiled = compile(m_checklist);
  ingest::Document m_document;
  DocumentIndex m_index;
};

// The document's words are counted from its text unless the caller knows them (a rescore has the
// count stored with the document when it was first read).
TEST(Prepare, CountsTheWordsUnlessTheyAreKnown) {
  const ingest::Document document =
      ingest::read_markdown("# Roma\n\nRoma and Sinti, 2 groups: d\u00e9j\u00e0 vu.\n", "t.md");
  EXPECT_EQ(prepare(document).words, 8u);
  EXPECT_EQ(prepare(document, nullptr, 40).words, 40u);
  EXPECT_EQ(prepare(document, nullptr, 40).blocks.size(), document.blocks.size());
}

TEST_F(Rate, ItemsBoundToAYearDoNotApplyToEarlierDocuments) {
  checklist::Item item = m_checklist.sections[0].items[0];
  item.from_year = 2020;
  m_document = ingest::read_markdown("Roma and indigenous peoples.\n", "test.md");
  m_index = index_document(m_compiled, m_document);
  const ItemResult before =
      rate(item, "cca", {.kind = DocumentKind::cca, .year = 2018}, m_compiled, m_document, m_index);
  EXPECT_FALSE(before.applicable);
  EXPECT_EQ(before.not_applicable_reason, "applies to documents from 2020; this one is dated 2018");
  EXPECT_EQ(rate(item, "cca", {.kind = DocumentKind::cca, .year = 2021}, m_compiled, m_document, m_index).level,
            Level::meets);
  // Year unknown: the item applies.
  EXPECT_TRUE(rate(item, "cca", {.kind = DocumentKind::cca}, m_compiled, m_document, m_index).applicable);
}

TEST_F(Rate, ItemsNeedingExternalEvidenceAreNotAssessableNotMissing) {
  checklist::Item item = m_checklist.sections[0].items[0];
  item.external = true;
  m_document = ingest::read_markdown("Nothing relevant here.\n", "test.md");
  m_index = index_document(m_compiled, m_document);
  const ItemResult r = rate(item, "cca", {.kind = DocumentKind::cca}, m_compiled, m_document, m_index);
  EXPECT_FALSE(r.applicable);
  EXPECT_TRUE(r.external);
  EXPECT_THAT(r.not_applicable_reason, ::testing::HasSubstr("not assessable from the document"));
  EXPECT_TRUE(r.gap.empty());
}

TEST_F(Rate, NothingFoundIsMissingWithTheGap) {
  const ItemResult r = rate_text("Nothing relevant here.\n");
  EXPECT_EQ(r.level, Level::missing);
  EXPECT_THAT(r.unmet, ElementsAre("named", "two"));
  EXPECT_EQ(r.gap, "Name the groups.");
}

TEST_F(Rate, EachLevelNeedsTheOnesBelow) {
  EXPECT_EQ(rate_text("Roma.\n").level, Level::approaches);
  EXPECT_EQ(rate_text("Roma and indigenous peoples.\n").level, Level::meets);
  EXPECT_EQ(rate_text("Roma and indigenous peoples face racism.\n").level, Level::exceeds);
  // Exceeds' own criterion holds, but Meets does not: levels are cumulative.
  EXPECT_EQ(rate_text("Roma face racism.\n").level, Level::approaches);
}

TEST_F(Rate, AtMeetsTheUnmetCriteriaPointToExceeds) {
  const ItemResult r = rate_text("Roma and indigenous peoples.\n");
  EXPECT_THAT(r.unmet, ElementsAre("discrimination"));
  EXPECT_TRUE(r.gap.empty());
  EXPECT_TRUE(rate_text("Roma and indigenous peoples face racism.\n").unmet.empty());
}

TEST_F(Rate, CriteriaCarryTheirLevelAndQuotes) {
  const ItemResult r = rate_text("## 2. Who is left behind\n\nThe Roma of the north face racism every day.\n");
  ASSERT_EQ(r.criteria.size(), 3u);
  EXPECT_EQ(r.criteria[0].level, Level::approaches);
  EXPECT_EQ(r.criteria[1].level, Level::meets);
  EXPECT_TRUE(r.criteria[0].met);
  ASSERT_EQ(r.criteria[2].evidence.size(), 1u);
  const Evidence& e = r.criteria[2].evidence[0];
  EXPECT_EQ(e.quote, "The Roma of the north face racism every day.");
  EXPECT_EQ(e.section, "2. Who is left behind");
  EXPECT_EQ(e.line, 3);
  ASSERT_EQ(e.highlights.size(), 2u);
  EXPECT_EQ(e.quote.substr(e.highlights[0].first, e.highlights[0].second - e.highlights[0].first), "Roma");
  EXPECT_EQ(e.quote.substr(e.highlights[1].first, e.highlights[1].second - e.highlights[1].first), "racism");
}

// A block's own line breaks (a table cell's lines, say) read as spaces in its quote.
TEST_F(Rate, LineBreaksInABlockAreQuotedAsSpaces) {
  m_document = ingest::read_markdown("## 2. Who is left behind\n\nThe Roma of the north.\n", "test.md");
  m_document.blocks.back().text = "The Roma\nof the north\n\nface racism.";
  m_index = index_document(m_compiled, m_document);
  const ItemResult r =
      rate(m_checklist.sections[0].items[0], "cca", {.kind = DocumentKind::cca}, m_compiled, m_document, m_index);
  ASSERT_EQ(r.criteria.size(), 3u);
  ASSERT_EQ(r.criteria[2].evidence.size(), 1u);
  const Evidence& e = r.criteria[2].evidence[0];
  EXPECT_EQ(e.quote, "The Roma of the north  face racism.");
  ASSERT_EQ(e.highlights.size(), 2u);
  EXPECT_EQ(e.quote.substr(e.highlights[1].first, e.highlights[1].second - e.highlights[1].first), "racism");
}

TEST_F(Rate, LongParagraphsAreQuotedAroundTheHit) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "word" + std::to_string(i) + " and more words without end ";
  text += "where Roma live, and still more words that go on and on and on for a long while yet to come, ";
  for (int i = 0; i < 30; ++i) text += "tail" + std::to_string(i) + " ";
  const ItemResult r = rate_text(text + "\n");
  const Evidence& e = r.criteria[0].evidence.at(0);
  EXPECT_LE(e.quote.size(), 250u);
  EXPECT_EQ(e.quote.substr(0, 3), "...");
  EXPECT_EQ(e.quote.substr(e.quote.size() - 3), "...");
  EXPECT_NE(e.quote.find("Roma"), std::string::npos);
}

TEST_F(Rate, QuotesAtMostThreePassagesPreferringDifferentBlocks) {
  const ItemResult r = rate_text("Roma. Roma. Roma.\n\nRoma.\n\nRoma.\n\nRoma.\n");
  ASSERT_EQ(r.criteria[0].evidence.size(), k_max_quotes);
  EXPECT_NE(r.criteria[0].evidence[0].block, r.criteria[0].evidence[1].block);
}

TEST_F(Rate, ItemsForAnotherKindAreNotApplicable) {
  const ItemResult r = rate_text("Roma and indigenous peoples.\n", DocumentKind::cf);
  EXPECT_FALSE(r.applicable);
  EXPECT_EQ(r.not_applicable_reason, "applies to cca, not cf");
  EXPECT_TRUE(r.criteria.empty());
}

}  // namespace
}  // namespace unct::rules
