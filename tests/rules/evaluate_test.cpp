#include "engine/rules/evaluate.hpp"

#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <gtest/gtest.h>

namespace unct::rules {
namespace {

using namespace unct::checklist;

// The minimal checklist's sets: roma, indigenous, groups (includes both), discrimination,
// heading-lnob (part "lnob").
class Signals : public ::testing::Test {
protected:
  void read(const std::string& markdown) {
    m_document = ingest::read_markdown(markdown, "test.md");
    m_index = index_document(m_compiled, m_document);
  }
  bool holds(const Signal& signal) const { return evaluate(signal, m_compiled, m_document, m_index).holds; }
  Outcome outcome(const Signal& signal) const { return evaluate(signal, m_compiled, m_document, m_index); }

  Checklist m_checklist = load_checklist(test::fixture("checklist/minimal.xml"));
  CompiledChecklist m_compiled = compile(m_checklist);
  ingest::Document m_document;
  DocumentIndex m_index;
};

// Each block kind a document has; a signal must see terms in all of them.
const char* const k_block_kinds[] = {
    "# Roma\n\nText.\n",                     // heading
    "Text about Roma here.\n",               // paragraph
    "- Roma\n- others\n",                    // list item
    "| a | b |\n|---|---|\n| x | Roma |\n",  // table cell
};

TEST_F(Signals, MentionsSeesEveryBlockKind) {
  for (const char* text : k_block_kinds) {
    read(text);
    EXPECT_TRUE(holds(Mentions{.term_set = "roma"})) << text;
    EXPECT_FALSE(holds(Mentions{.term_set = "indigenous"})) << text;
  }
}

TEST_F(Signals, MentionsCountsOccurrencesThroughIncludes) {
  read("Roma and indigenous peoples. Roma again.\n");
  EXPECT_TRUE(holds(Mentions{.term_set = "groups", .min_count = 3}));
  EXPECT_FALSE(holds(Mentions{.term_set = "groups", .min_count = 4}));
  EXPECT_EQ(outcome(Mentions{.term_set = "groups"}).evidence.size(), 3u);
}

TEST_F(Signals, MentionsCanBeScopedToAPart) {
  read("# Country\n\nRoma live here.\n\n## Who is left behind\n\nIndigenous peoples.\n\n### Detail\n\nMore.\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "roma", .part = "lnob"}));
  EXPECT_TRUE(holds(Mentions{.term_set = "indigenous", .part = "lnob"}));
  EXPECT_EQ(m_index.part.back(), "lnob");  // a sub-heading inherits its parent's part
  EXPECT_EQ(m_index.part[1], "");
}

TEST_F(Signals, CoverageCountsDistinctTermsOrSets) {
  read("Roma, Roma and Roma.\n");
  EXPECT_FALSE(holds(Coverage{.term_set = "groups", .min_distinct = 2}));
  EXPECT_FALSE(holds(Coverage{.term_set = "groups", .min_distinct = 2, .by = CoverageUnit::set}));
  read("Roma and indigenous peoples.\n");
  EXPECT_TRUE(holds(Coverage{.term_set = "groups", .min_distinct = 2}));
  EXPECT_TRUE(holds(Coverage{.term_set = "groups", .min_distinct = 2, .by = CoverageUnit::set}));
  EXPECT_EQ(outcome(Coverage{.term_set = "groups", .min_distinct = 2}).evidence.size(), 2u);
}

TEST_F(Signals, NearWithinASentence) {
  const Near near{.term_set_a = "groups", .term_set_b = "discrimination"};
  read("Roma face discrimination in schools.\n");
  EXPECT_TRUE(holds(near));
  read("Roma live in the north. Discrimination is widespread.\n");
  EXPECT_FALSE(holds(near));
  EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::paragraph}));
}

TEST_F(Signals, NearNeverPairsAcrossBlocks) {
  read("Roma live in the north.\n\nDiscrimination is widespread.\n");
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::paragraph}));
}

TEST_F(Signals, NearSeesEveryBlockKind) {
  for (const char* text : {"# Racism against Roma\n", "- Racism against Roma\n", "| Racism against Roma |\n|---|\n"}) {
    read(text);
    EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination"})) << text;
  }
}

TEST_F(Signals, NearEvidenceHoldsBothHits) {
  read("Racism against Roma persists.\n");
  const Outcome o = outcome(Near{.term_set_a = "groups", .term_set_b = "discrimination"});
  ASSERT_EQ(o.evidence.size(), 1u);
  ASSERT_EQ(o.evidence[0].hits.size(), 2u);
  EXPECT_LT(o.evidence[0].hits[0].begin, o.evidence[0].hits[1].begin);
}

TEST_F(Signals, CombinationsFollowLogic) {
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

TEST_F(Signals, GenericLanguageNamesNoGroup) {
  read("## Leave no one behind\n\nVulnerable and marginalised groups are left behind; an aroma of change.\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "groups"}));
}

TEST(IndexDocument, ExceptionsMaskOverlappingHits) {
  const Checklist c = load_checklist_text(R"(<?xml version="1.0"?>
<checklist format="1" id="x" version="1">
  <meta><title>t</title><publisher>p</publisher><issued>2021-01-01</issued><provenance>p</provenance><languages>en</languages></meta>
  <scale><level code="missing" label="M"/><level code="approaches" label="A"/><level code="meets" label="M"/><level code="exceeds" label="E"/><not-applicable label="NA"/></scale>
  <term-sets><term-set id="grounds"><term>race</term><except>arms race</except></term-set></term-sets>
  <parts/>
  <section id="s" title="s"><item id="I" applies-to="cca" provenance="reconstructed"><title>t</title><question>q</question>
    <references><ref type="source">s</ref></references>
    <criteria><criterion id="c" text="c"><mentions set="grounds"/></criterion></criteria>
    <rating><meets criteria="c"/></rating><gap>g</gap></item></section>
</checklist>)", "inline.xml");
  const CompiledChecklist compiled = compile(c);
  const ingest::Document d = ingest::read_markdown("The arms race. Data by race.\n", "t.md");
  const DocumentIndex index = index_document(compiled, d);
  ASSERT_EQ(index.hits[compiled.index_of("grounds")].size(), 1u);
  EXPECT_EQ(index.hits[compiled.index_of("grounds")][0].begin, 23u);
}

}  // namespace
}  // namespace unct::rules
