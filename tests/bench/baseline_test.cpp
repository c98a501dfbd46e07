#include "bench/baseline.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <regex>
#include <string>
#include <vector>

namespace unct::bench {
namespace {

TEST(TrieRegex, FoldsPrefixesAndTriesLongerContinuationsFirst) {
  const RegexDialect dialect{"W", "<", ">"};
  // A literal continuation, then a '*' ending, then the end of the shorter pattern; meta
  // characters escaped; a code point (œ) kept whole.
  EXPECT_EQ(trie_regex({"minorit*", "minority group", "minor", "a.b", "œuvre", "œil"}, dialect),
            "<(?:a\\.b|minor(?:it(?:y group|W*))?|œ(?:il|uvre))>");
}

// What a leftmost-first regex engine counts with the trie-folded alternation is what the
// engine's hits reduce to: std::regex (ECMAScript, leftmost-first like Python's re, PCRE2 and
// ripgrep) stands in for them, with ASCII word characters.
TEST(TrieRegex, CountsWhatTheEngineCountsInALeftmostFirstSearch) {
  // Each longer pattern has a shorter one inside, so that preferring the shorter changes the count.
  const std::vector<std::string> patterns{"racial discrimination",
                                          "discrimination",
                                          "human rights",
                                          "human",
                                          "rights",
                                          "minorit*",
                                          "minority group*",
                                          "group",
                                          "etude* d'impact",
                                          "etude",
                                          "between 20* and 20*",
                                          "20",
                                          "l'egalite"};
  const text::TermMatcher matcher(patterns);
  const std::regex regex(trie_regex(patterns, {"[0-9a-z]", "\\b", "\\b"}));
  for (const std::string text : {
           "racial discrimination and discrimination against minorities",
           "a minority groups' etudes d'impact, etude, etudes d'impacts",
           "between 2019 and 2021, 20 or 200; 20-20 and l'egalite",
           "minorit minority group minority human rights, human, rights",
       }) {
    std::vector<text::TermMatch> hits;
    matcher.scan(text, hits);
    const auto regex_matches =
        std::distance(std::sregex_iterator(text.begin(), text.end(), regex), std::sregex_iterator());
    EXPECT_EQ(static_cast<std::size_t>(regex_matches), leftmost_longest_count(hits)) << text;
  }
}

TEST(LeftmostLongestCount, TakesTheLongestAtTheLeftmostStartThenMovesPastIt) {
  // "racial discrimination" [0, 21), "discrimination" [7, 21), "racial" [0, 6), "rights" [22, 28)
  const std::vector<text::TermMatch> hits{{1, 7, 21}, {0, 0, 21}, {2, 0, 6}, {3, 22, 28}};
  EXPECT_EQ(leftmost_longest_count(hits), 2u);
  EXPECT_EQ(leftmost_longest_count({}), 0u);
  // Adjacent matches both count: the second starts where the first ends.
  EXPECT_EQ(leftmost_longest_count(std::vector<text::TermMatch>{{0, 0, 3}, {1, 3, 5}}), 2u);
}

}  // namespace
}  // namespace unct::bench
