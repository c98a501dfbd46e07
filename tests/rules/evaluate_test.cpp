#include "engine/rules/evaluate.hpp"

#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "tests/signals/fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::rules {
namespace {

using namespace unct::checklist;
using namespace unct::signals;

// What every kind reads: the hits of one scan, whatever the kind. Each kind's own cases are in
// tests/signals/<kind>_test.cpp.
using Signals = test::SignalTest;

TEST_F(Signals, TermsMatchAtBlockEdgesAcrossCaseAccentsHyphensAndApostrophes) {
  read("Roma");
  EXPECT_TRUE(holds(Mentions{.term_set = "roma"}));
  read("ROMA, roma and Roma.\n");
  EXPECT_TRUE(holds(Mentions{.term_set = "roma", .min_count = 3}));
  read("L’Égalité and anti\u2011racism.\n");  // typographic apostrophe, capital accent, non-breaking hyphen
  EXPECT_TRUE(holds(Coverage{.term_set = "discrimination", .min_distinct = 3}));  // l'egalite, anti-racism, racism
  read("Indigenous peoples and indigenous people.\n");                            // prefix wildcard
  EXPECT_TRUE(holds(Mentions{.term_set = "indigenous", .min_count = 2}));
}

// The index scans a document's blocks as one text; a term still lies within one block.
TEST_F(Signals, NoTermRunsFromOneBlockIntoTheNext) {
  read("Data by ethnic\n\norigin are missing.\n\n| ethnic | origin |\n|---|---|\n| x | y |\n");
  EXPECT_FALSE(holds(Mentions{.term_set = "ethnicity"}));
  read("# Roma\n\nRacism and ethnic origin.\n\nDiscriminat\n\nion.\n");
  const Trace t = trace(Mentions{.term_set = "ethnicity"});
  ASSERT_EQ(t.found.size(), 1u);
  EXPECT_EQ(t.found[0], "\"ethnic origin\" in Roma, line 3");
  const Trace words = trace(Mentions{.term_set = "discrimination", .min_count = 2});
  ASSERT_EQ(words.found.size(), 2u);
  EXPECT_EQ(words.found[1], "\"Discriminat\" in Roma, line 5");  // '*' ends where its block does
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
  read("Roma and indigenous peoples.\n", "ru");  // a language no term has: terms of every language only
  EXPECT_FALSE(holds(Mentions{.term_set = "roma"}));
  EXPECT_TRUE(holds(Mentions{.term_set = "indigenous"}));
}

// A term a set lists twice (for every language and for the document's), or holds itself and
// through a set it includes, is one hit in that set's list.
TEST_F(Signals, ATermListedTwiceOrReachedTwiceIsOneHit) {
  read("Travellers and Roma.\n", "en");
  const auto& travellers = m_index.hits[m_compiled.index_of("travellers")];
  ASSERT_EQ(travellers.size(), 1u);
  EXPECT_EQ(travellers[0].begin, 0u);
  const auto& groups = m_index.hits[m_compiled.index_of("travelling-groups")];
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], travellers[0]);
  EXPECT_EQ(groups[1].begin, 15u);  // "roma"
  EXPECT_FALSE(holds(Mentions{.term_set = "travellers", .min_count = 2}));
  read("Travellers and Roma.\n", "fr");  // the term for every language still counts
  EXPECT_EQ(m_index.hits[m_compiled.index_of("travellers")].size(), 1u);
  EXPECT_EQ(m_index.hits[m_compiled.index_of("travelling-groups")].size(), 1u);
}

TEST_F(Signals, TraceSaysWhatWasCountedAndWhere) {
  read("# Country\n\n## Who is left behind\n\nRoma live in the north. Racism is widespread.\n");
  const Trace near = trace(Near{.term_set_a = "groups", .term_set_b = "discrimination"});
  EXPECT_FALSE(near.holds);
  EXPECT_EQ(near.signal, "near(groups, discrimination, same sentence)");
  EXPECT_EQ(near.detail, "\"groups\" found 1 time, \"discrimination\" 1 time, never together (same sentence)");
  const Trace any =
      trace(AtLeast{.count = 1, .signals = {Mentions{.term_set = "roma"}, Mentions{.term_set = "indigenous"}}});
  EXPECT_TRUE(any.holds);
  EXPECT_EQ(any.signal, "at least 1 of");
  EXPECT_EQ(any.detail, "1 of 2 hold");
  ASSERT_EQ(any.children.size(), 2u);
  EXPECT_TRUE(any.children[0].holds);
  ASSERT_EQ(any.children[0].found.size(), 1u);
  EXPECT_EQ(any.children[0].found[0], "\"Roma\" in Country > Who is left behind, line 5");
  EXPECT_EQ(any.children[1].detail, "no term of \"indigenous\" found");
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

// A checklist of one term set, "grounds" (the term "race", the exception "arms race"), and one
// item whose criterion is `signal`.
Checklist grounds_checklist(const std::string& signal) {
  return load_checklist_text(R"(<?xml version="1.0"?>
<checklist format="1" id="x" version="1">
  <meta><title>t</title><publisher>p</publisher><issued>2021-01-01</issued><provenance>p</provenance><languages>en</languages></meta>
  <scale><level code="missing" label="M"/><level code="approaches" label="A"/><level code="meets" label="M"/><level code="exceeds" label="E"/><not-applicable label="NA"/></scale>
  <term-sets><term-set id="grounds"><term>race</term><except>arms race</except></term-set></term-sets>
  <parts/>
  <section id="s" title="s"><item id="I" applies-to="cca" provenance="reconstructed"><title>t</title><question>q</question>
    <references><ref type="source">s</ref></references>
    <criteria><criterion id="c" text="c">)" +
                                 signal + R"(</criterion></criteria>
    <rating><meets criteria="c"/></rating><gap>g</gap></item></section>
</checklist>)",
                             "inline.xml");
}

TEST(IndexDocument, ExceptionsMaskOverlappingHits) {
  const CompiledChecklist compiled = compile(grounds_checklist(R"(<mentions set="grounds"/>)"));
  const ingest::Document d = ingest::read_markdown("The arms race. Data by race.\n", "t.md");
  const DocumentIndex index = index_document(compiled, d);
  ASSERT_EQ(index.hits[compiled.index_of("grounds")].size(), 1u);
  EXPECT_EQ(index.hits[compiled.index_of("grounds")][0].begin, 23u);
}

// The matcher finds the negation words only for a checklist that asks about negation, and
// negation is then read in the sentences that hold one, in the document's language.
TEST(IndexDocument, NegationWordsAreMatchedOnlyWhereASignalReadsPolarity) {
  const CompiledChecklist plain = compile(grounds_checklist(R"(<mentions set="grounds"/>)"));
  EXPECT_EQ(plain.matcher.patterns(), (std::vector<std::string>{"race", "arms race"}));
  EXPECT_EQ(plain.negation_word, (std::vector<bool>{false, false}));

  const CompiledChecklist reading = compile(grounds_checklist(R"(<mentions set="grounds" polarity="affirmed"/>)"));
  const std::vector<std::string> patterns = reading.matcher.patterns();
  const auto is_negation_word = [&](const std::string& word) {
    const auto at = std::find(patterns.begin(), patterns.end(), word);
    return at != patterns.end() && reading.negation_word[static_cast<std::size_t>(at - patterns.begin())];
  };
  EXPECT_TRUE(is_negation_word("not") && is_negation_word("sin") && is_negation_word("missing"));
  EXPECT_FALSE(is_negation_word("race") || is_negation_word("n") || is_negation_word("available"));

  const ingest::Document d =
      ingest::read_markdown("Data by race are not collected. Data by race exist. Il n'y a rien par race.\n", "t.md");
  const auto negated = [&](const std::string& language) {
    std::vector<bool> out;
    const DocumentIndex index = index_document(reading, d, {.language = language});
    for (const Hit& hit : index.hits[reading.index_of("grounds")]) out.push_back(hit.negated);
    return out;
  };
  EXPECT_EQ(negated("en"), (std::vector<bool>{true, false, false}));
  EXPECT_EQ(negated("fr"), (std::vector<bool>{false, false, true}));
}

}  // namespace
}  // namespace unct::rules
