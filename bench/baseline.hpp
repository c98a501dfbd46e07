#pragma once

// What the benchmark's regex baselines are given, and how their counts are compared with the
// engine's. A regex engine reports non-overlapping leftmost matches, not every overlapping hit,
// so the engine's hits are reduced to the matches such a search would report.

#include "engine/text/term_matcher.hpp"

#include <span>
#include <string>
#include <vector>

namespace unct::bench {

// How one regex dialect spells the engine's rule (text/unicode.hpp): `word` matches one word
// character, `before` and `after` assert that no word character precedes or follows.
struct RegexDialect {
  std::string word;
  std::string before;
  std::string after;
};

// All patterns as one alternation, folded into a trie of code points so that a backtracking (or
// leftmost-first) engine tries each prefix once: a literal continuation first, then a '*' ending
// (`word` repeated), then the end of the shorter pattern. That order makes the first match found
// at a position the longest one, except where a '*' branch would reach further than a literal
// branch that also matches (patterns "human rights" and "human* rights based approach"): the
// literal one wins. Regex meta characters in patterns are escaped in a way every dialect reads.
std::string trie_regex(const std::vector<std::string>& patterns, const RegexDialect& dialect);

// How many matches a search for non-overlapping, leftmost-longest matches reports in a text
// whose hits (in any order) are `hits`: the leftmost hit, the longest there, then the same
// again from its end.
std::size_t leftmost_longest_count(std::span<const text::TermMatch> hits);

}  // namespace unct::bench
