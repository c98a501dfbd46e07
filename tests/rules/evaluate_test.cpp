#include "engine/rules/evaluate.hpp"

#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::rules {
namespace {

using namespace unct::checklist;

// The signal checklist's sets: roma, indigenous, groups (includes both), discrimination,
// indicator, ethnicity, heading-lnob (part "lnob"), heading-results (part "results"); one
// pattern, "cerd/c/[a-z]+/co/[0-9-]+".
class Signals : public ::testing::Test {
protected:
  void read(const std::string& markdown, const std::string& language = "") {
    m_document = ingest::read_markdown(markdown, "test.md");
    m_index = index_document(m_compiled, m_document, {.language = language});
  }
  bool holds(const Signal& signal) const { return evaluate(signal, m_compiled, m_document, m_index).holds; }
  Outcome outcome(const Signal& signal) const { return evaluate(signal, m_compiled, m_document, m_index); }
  Trace trace(const Signal& signal) const {
    Trace t;
    evaluate(signal, m_compiled, m_document, m_index, &t);
    return t;
  }

  Checklist m_checklist = load_checklist(test::fixture("checklist/signals.xml"));
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

// Each block kind with a group and a discrimination word together in one sentence.
const char* const k_pairs_in_block_kinds[] = {
    "# Racism against Roma\n",                   // heading
    "Racism against Roma persists.\n",           // paragraph
    "- Racism against Roma\n",                   // list item
    "| Racism against Roma |\n|---|\n| x |\n",   // table cell (header row)
    "| a |\n|---|\n| Racism against Roma |\n",   // table cell (body row)
};

TEST_F(Signals, NearSeesEveryBlockKindInEveryScope) {
  for (const char* text : k_pairs_in_block_kinds) {
    read(text);
    for (const Scope scope : {Scope::sentence, Scope::paragraph}) {
      EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = scope})) << text;
    }
    // A row is a table's only.
    EXPECT_EQ(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::row}),
              std::string(text).front() == '|')
        << text;
    EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::words, .words = 1}))
        << text;
  }
}

TEST_F(Signals, NearWithinATableRowPairsCellsOfTheRowOnly) {
  const Near row{.term_set_a = "groups", .term_set_b = "ethnicity", .within = Scope::row};
  read("| Indicator | Disaggregation |\n|---|---|\n| Roma children in school | by ethnicity |\n| Literacy | by sex |\n");
  EXPECT_TRUE(holds(row));
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "ethnicity", .within = Scope::paragraph}));
  read("| Indicator | Disaggregation |\n|---|---|\n| Roma children in school | by sex |\n| Literacy | by ethnicity |\n");
  EXPECT_FALSE(holds(row));
  // Outside tables there is no row: an acronym line or a sentence is not one.
  read("Roma children, by ethnicity.\n\nRoma.\n\nBy ethnicity.\n");
  EXPECT_FALSE(holds(row));
}

TEST_F(Signals, NearWithinNWordsCountsTheWordsBetween) {
  read("Roma communities report persistent and open racism.\n");  // five words between
  EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::words, .words = 5}));
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::words, .words = 4}));
}

TEST_F(Signals, NearOrderedWantsTheFirstSetFirst) {
  read("Racism against Roma.\n");
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .ordered = true}));
  EXPECT_TRUE(holds(Near{.term_set_a = "discrimination", .term_set_b = "groups", .ordered = true}));
}

TEST_F(Signals, NearCountsOncePerSentence) {
  read("Roma face racism and discrimination. Indigenous peoples face racism. Roma live here.\n");
  EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .min_count = 2}));
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .min_count = 3}));
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::paragraph, .min_count = 2}));
}

TEST_F(Signals, InTableSeesTableCellsOnly) {
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

TEST_F(Signals, PatternSeesEveryBlockKind) {
  const Pattern symbol{.regex = "cerd/c/[a-z]+/co/[0-9-]+"};
  for (const char* text : {"# CERD/C/VAL/CO/18-20\n", "See CERD/C/VAL/CO/18-20, para. 12.\n", "- CERD/C/VAL/CO/18-20\n",
                           "| Source |\n|---|\n| CERD/C/VAL/CO/18-20 |\n", "CERD/C/VAL/CO/18-20"}) {
    read(text);
    EXPECT_TRUE(holds(symbol)) << text;
  }
  read("CERD has concluding observations; see CERD/C/VAL/CO.\n");
  EXPECT_FALSE(holds(symbol));
  read("CERD/C/VAL/CO/18-20 and CERD/C/VAL/CO/21-23.\n");
  EXPECT_TRUE(holds(Pattern{.regex = symbol.regex, .min_count = 2}));
  EXPECT_FALSE(holds(Pattern{.regex = symbol.regex, .min_count = 3}));
  EXPECT_FALSE(holds(Pattern{.regex = symbol.regex, .part = "lnob"}));
}

const char* const k_results_matrix =
    "## Results framework\n\n"
    "| Indicator | Baseline | Target |\n|---|---|---|\n"
    "| Outcome 1: people are included | | |\n"
    "| 1.1 Net enrolment, by sex and ethnicity | 71% | 90% |\n"
    "| 1.2 Births registered | 80% | 95% |\n"
    "| 1.3 Households with water | 60% | 75% |\n"
    "| 1.4 Unemployment rate | 12% | 9% |\n";

TEST_F(Signals, ShareCountsDataRowsOfHeadedTables) {
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

TEST_F(Signals, ShareNeedsAHeaderRow) {
  read("| Literacy | by ethnicity |\n|---|---|\n| Enrolment | by ethnicity |\n");
  EXPECT_FALSE(holds(Share{.header_set = "indicator", .having_set = "ethnicity"}));
  EXPECT_THAT(trace(Share{.header_set = "indicator", .having_set = "ethnicity"}).detail, ::testing::HasSubstr("no table"));
  read("Indicators are disaggregated by ethnicity.\n");
  EXPECT_FALSE(holds(Share{.header_set = "indicator", .having_set = "ethnicity"}));
}

TEST_F(Signals, TermsMatchAtBlockEdgesAcrossCaseAccentsHyphensAndApostrophes) {
  read("Roma");
  EXPECT_TRUE(holds(Mentions{.term_set = "roma"}));
  read("ROMA, roma and Roma.\n");
  EXPECT_TRUE(holds(Mentions{.term_set = "roma", .min_count = 3}));
  read("L’Égalité and anti\u2011racism.\n");  // typographic apostrophe, capital accent, non-breaking hyphen
  EXPECT_TRUE(holds(Coverage{.term_set = "discrimination", .min_distinct = 3}));  // l'egalite, anti-racism, racism
  read("Indigenous peoples and indigenous people.\n");  // prefix wildcard
  EXPECT_TRUE(holds(Mentions{.term_set = "indigenous", .min_count = 2}));
}

TEST_F(Signals, TermsOfAnotherLanguageCountOnlyInThatLanguage) {
  read("Les Roms et les peuples autochtones.\n", "en");
  EXPECT_FALSE(holds(Mentions{.term_set = "roma"}));
  read("Les Roms et les peuples autochtones.\n", "fr");
  EXPECT_TRUE(holds(Coverage{.term_set = "groups", .min_distinct = 2, .by = CoverageUnit::set}));
  read("Les Roms et les peuples autochtones.\n", "");  // language unknown: every term counts
  EXPECT_TRUE(holds(Mentions{.term_set = "roma"}));
  read("Via Roma is a street.\n", "fr");  // an English-only term does not count in French
  EXPECT_FALSE(holds(Mentions{.term_set = "roma"}));
}

TEST_F(Signals, TraceSaysWhatWasCountedAndWhere) {
  read("# Country\n\n## Who is left behind\n\nRoma live in the north. Racism is widespread.\n");
  const Trace near = trace(Near{.term_set_a = "groups", .term_set_b = "discrimination"});
  EXPECT_FALSE(near.holds);
  EXPECT_EQ(near.signal, "near(groups, discrimination, same sentence)");
  EXPECT_EQ(near.detail, "\"groups\" found 1 time, \"discrimination\" 1 time, never together (same sentence)");
  const Trace any = trace(AtLeast{.count = 1, .signals = {Mentions{.term_set = "roma"}, Mentions{.term_set = "indigenous"}}});
  EXPECT_TRUE(any.holds);
  EXPECT_EQ(any.signal, "at least 1 of");
  EXPECT_EQ(any.detail, "1 of 2 hold");
  ASSERT_EQ(any.children.size(), 2u);
  EXPECT_TRUE(any.children[0].holds);
  ASSERT_EQ(any.children[0].found.size(), 1u);
  EXPECT_EQ(any.children[0].found[0], "\"Roma\" in Country > Who is left behind, line 5");
  EXPECT_EQ(any.children[1].detail, "no term of \"indigenous\" found");
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


// A set with a context counts its terms only in a sentence that also holds the context:
// discrimination against women is another ground than discrimination against Roma.
TEST_F(Signals, ContextSetCountsOnlyWithItsContextInTheSentence) {
  read("Women face discrimination in hiring. Roma face discrimination in housing.\n");
  const Outcome grounded = outcome(Mentions{.term_set = "grounded-discrimination"});
  ASSERT_EQ(grounded.evidence.size(), 1u);
  EXPECT_GT(grounded.evidence[0].hits[0].begin, 30u);  // the second sentence's
  EXPECT_EQ(outcome(Mentions{.term_set = "discrimination"}).evidence.size(), 2u);
  read("Discrimination by ethnic origin is common.\n");
  EXPECT_TRUE(holds(Mentions{.term_set = "grounded-discrimination"}));
  read("Discrimination is common.\n\nRoma live in the north.\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "grounded-discrimination"}));
}

// Positive claims ask for affirmed hits, data gaps for negated ones.
TEST_F(Signals, PolarityTellsAClaimFromAnAbsence) {
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

}  // namespace
}  // namespace unct::rules
