#pragma once

// Finds every occurrence of many terms in one pass over normalised text.
//
// A pattern is a normalised term: words separated by single spaces, where a word may end in '*'
// to accept any ending ("minorit*" matches "minority" and "minorities", not "minor"). Matches
// start and end at word boundaries (see unicode.hpp for word characters). All matches are
// reported, overlapping ones included ("racial discrimination" and "discrimination").
//
// The patterns' literal keys (up to the first '*') are compiled into one Aho-Corasick automaton
// over byte classes; a hit of the automaton is then checked for word boundaries and, for
// patterns with '*', extended to the end of the word and matched against the rest of the
// pattern. Scanning costs one table lookup and one sign test per byte, whatever the number of
// patterns; the hits are the same as a search for every pattern at every position
// (bench/naive.hpp is that search, and the tests compare the two).
//
// Building is O(total key bytes x byte classes). A built matcher is immutable and may be shared
// by threads.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unct::text {

struct TermMatch {
  std::uint32_t pattern = 0;  // index into the patterns given to the constructor
  std::uint32_t begin = 0;    // byte offsets in the scanned text
  std::uint32_t end = 0;
  bool operator==(const TermMatch&) const = default;
};

// Whether `pattern` matches `text` starting at byte `begin`, with the same rules as the matcher
// (word boundaries, '*' endings); sets `end` to the end of the match. One call per candidate:
// this is the rule itself, for baselines and oracles, not a way to scan.
bool match_at(std::string_view pattern, std::string_view text, std::size_t begin, std::size_t& end);

class TermMatcher {
public:
  // Requires: every pattern normalised, non-empty, not starting with '*'.
  explicit TermMatcher(std::vector<std::string> patterns);

  // Appends the matches in `text`, ordered by end offset then pattern index.
  void scan(std::string_view text, std::vector<TermMatch>& out) const;

  const std::vector<std::string>& patterns() const { return m_patterns; }
  std::size_t state_count() const { return m_state_count; }  // of the trie

private:
  std::vector<std::string> m_patterns;
  std::vector<std::uint32_t> m_key_length;  // bytes before the first '*' (or the whole pattern)
  std::uint8_t m_class[256] = {};           // byte -> byte class
  std::uint32_t m_class_count = 1;
  std::size_t m_state_count = 1;
  std::vector<std::int32_t> m_next;          // row + class -> next row (row = state x class_count),
                                             // bit-inverted when that state has outputs
  std::vector<std::int32_t> m_output_head;   // state -> first index into m_output, or -1
  std::vector<std::int32_t> m_output_next;   // chained: outputs of the state, then of its suffixes
  std::vector<std::uint32_t> m_output;       // pattern index per output entry
};

}  // namespace unct::text
