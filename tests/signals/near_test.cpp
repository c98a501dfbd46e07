#include "engine/signals/near/near.hpp"

#include "tests/signals/fixture.hpp"

namespace unct::signals {
namespace {

using NearSignal = test::SignalTest;

TEST_F(NearSignal, WithinASentence) {
  const Near near{.term_set_a = "groups", .term_set_b = "discrimination"};
  read("Roma face discrimination in schools.\n");
  EXPECT_TRUE(holds(near));
  read("Roma live in the north. Discrimination is widespread.\n");
  EXPECT_FALSE(holds(near));
  EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::paragraph}));
}

TEST_F(NearSignal, NeverPairsAcrossBlocks) {
  read("Roma live in the north.\n\nDiscrimination is widespread.\n");
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::paragraph}));
}

TEST_F(NearSignal, SeesEveryBlockKind) {
  for (const char* text : {"# Racism against Roma\n", "- Racism against Roma\n", "| Racism against Roma |\n|---|\n"}) {
    read(text);
    EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination"})) << text;
  }
}

TEST_F(NearSignal, EvidenceHoldsBothHits) {
  read("Racism against Roma persists.\n");
  const rules::Outcome o = outcome(Near{.term_set_a = "groups", .term_set_b = "discrimination"});
  ASSERT_EQ(o.evidence.size(), 1u);
  ASSERT_EQ(o.evidence[0].hits.size(), 2u);
  EXPECT_LT(o.evidence[0].hits[0].begin, o.evidence[0].hits[1].begin);
}

// Each block kind with a group and a discrimination word together in one sentence.
const char* const k_pairs_in_block_kinds[] = {
    "# Racism against Roma\n",                  // heading
    "Racism against Roma persists.\n",          // paragraph
    "- Racism against Roma\n",                  // list item
    "| Racism against Roma |\n|---|\n| x |\n",  // table cell (header row)
    "| a |\n|---|\n| Racism against Roma |\n",  // table cell (body row)
};

TEST_F(NearSignal, SeesEveryBlockKindInEveryScope) {
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

TEST_F(NearSignal, WithinATableRowPairsCellsOfTheRowOnly) {
  const Near row{.term_set_a = "groups", .term_set_b = "ethnicity", .within = Scope::row};
  read(
      "| Indicator | Disaggregation |\n|---|---|\n| Roma children in school | by ethnicity |\n| Literacy | by sex |\n");
  EXPECT_TRUE(holds(row));
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "ethnicity", .within = Scope::paragraph}));
  read(
      "| Indicator | Disaggregation |\n|---|---|\n| Roma children in school | by sex |\n| Literacy | by ethnicity |\n");
  EXPECT_FALSE(holds(row));
  // Outside tables there is no row: an acronym line or a sentence is not one.
  read("Roma children, by ethnicity.\n\nRoma.\n\nBy ethnicity.\n");
  EXPECT_FALSE(holds(row));
}

TEST_F(NearSignal, WithinNWordsCountsTheWordsBetween) {
  read("Roma communities report persistent and open racism.\n");  // five words between
  EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::words, .words = 5}));
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::words, .words = 4}));
}

TEST_F(NearSignal, OrderedWantsTheFirstSetFirst) {
  read("Racism against Roma.\n");
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .ordered = true}));
  EXPECT_TRUE(holds(Near{.term_set_a = "discrimination", .term_set_b = "groups", .ordered = true}));
}

TEST_F(NearSignal, CountsOncePerSentence) {
  read("Roma face racism and discrimination. Indigenous peoples face racism. Roma live here.\n");
  EXPECT_TRUE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .min_count = 2}));
  EXPECT_FALSE(holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .min_count = 3}));
  EXPECT_FALSE(
      holds(Near{.term_set_a = "groups", .term_set_b = "discrimination", .within = Scope::paragraph, .min_count = 2}));
}

TEST(NearDescribe, SaysOrderAndScope) {
  EXPECT_EQ(
      (Near{.term_set_a = "a", .term_set_b = "b", .within = Scope::words, .words = 4, .ordered = true}.describe()),
      "near(a before b, within 4 words)");
  EXPECT_EQ((Near{.term_set_a = "a", .term_set_b = "b", .within = Scope::row, .min_count = 2}.describe()),
            "near(a, b, same table row, at least 2)");
}

}  // namespace
}  // namespace unct::signals
