#pragma once

// Finds every occurrence of many terms in one pass over normalised text.
//
// A pattern is a normalised term: words separated by single spaces, where a word may end in '*'
// to accept any ending ("minorit*" matches "minority" and "minorities", not "minor"). Matches
// start and end at word boundaries (see unicode.hpp for word characters). All matches are
// reported, overlapping ones included ("racial discrimination" and "discrimination").
//
// The patterns' literal keys (up to the first '*') are found in two steps. Their first
// `prefix_depth` bytes are compiled into one Aho-Corasick automaton over byte classes, which the
// scan runs at one table lookup and one sign test per byte, whatever the number of patterns (on
// four stretches of a text side by side, since each lookup waits on the one before). The
// automaton follows a key only from where a word may start, so the letters of a word that
// starts no key cost nothing more, and a short key inside a word ("no" in "piano") is never
// looked at. Where it reaches the end of such a prefix, the rest of the keys is followed in a
// sparse trie along the text. Keeping the automaton to the prefixes keeps its table small enough
// to stay in the processor's cache: 16-bit states, column by column (the bundled checklist's
// 2,026 keys, its terms and the words negation needs, in full need about 19,800 states and
// 1.7 MB; their 12-byte prefixes 10,300 states and 0.9 MB), and most text leaves the trie
// within a byte or two. Shorter prefixes make a smaller table but send more text through the
// trie: `scripts/bench` compares the prefix automaton with the whole one. So many keys that
// their prefixes would need more than k_max_states states get shorter prefixes. A key found is
// then checked for word boundaries and, for patterns with '*', extended to the end of the word
// and matched against the rest of the pattern. The hits are the same as a search for every
// pattern at every position (bench/naive.hpp is that search, and the tests compare the two).
//
// Building is O(total key bytes x byte classes). A built matcher is immutable and may be shared
// by threads.

#include "engine/core/shared_array.hpp"

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
  static constexpr std::size_t k_prefix_depth = 12;
  static constexpr std::size_t k_max_states = 32767;  // what a table entry holds

  // Requires: every pattern normalised, non-empty, not starting with '*'; prefix_depth >= 1
  // (a smaller depth is for tests: it sends more keys through the trie).
  explicit TermMatcher(std::vector<std::string> patterns, std::size_t prefix_depth = k_prefix_depth);

  // Appends the matches in `text`, ordered by end offset then pattern index.
  void scan(std::string_view text, std::vector<TermMatch>& out) const;

  std::size_t pattern_count() const { return m_pattern_begin.size() - 1; }
  std::string_view pattern(std::size_t p) const {
    return {m_pattern_bytes.data() + m_pattern_begin[p], m_pattern_begin[p + 1] - m_pattern_begin[p]};
  }
  std::vector<std::string> patterns() const;  // a copy of them all, for tests and baselines

  // Whether its patterns' offsets and keys stay inside their bytes, and its arrays have the sizes
  // its states, classes and trie rows call for. A built matcher always has; the checklist cache
  // checks one it read before using it. The values in the table, outputs and trie are not looked
  // at (that would cost more than reading the entry): the entry's checksum stands for them.
  bool well_formed() const;
  std::size_t state_count() const { return m_state_count; }  // of the automaton
  std::size_t table_bytes() const { return m_next.size() * sizeof(m_next[0]); }

  // Calls `visit` with every member, for the compiled checklist's cache (engine/rules/
  // checklist_cache.cpp), which keeps a built matcher so that a run need not build it again: it
  // writes them from a built matcher and reads them into one made from no patterns (its arrays
  // as views of the cache's mapped file, not copies). A member
  // added below must be added here too; the cache's test compares a restored matcher with the
  // built one (==), so one left out fails it.
  template <class Visit>
  void visit_members(Visit&& visit) const {
    visit(m_pattern_bytes, m_pattern_begin, m_prefix_depth, m_key_length, m_column, m_state_count, m_next,
          m_output_head, m_output_next, m_output, m_goes_on, m_edge_begin, m_edge_byte, m_edge_node, m_end_begin,
          m_end_pattern);
  }
  template <class Visit>
  void visit_members(Visit&& visit) {
    visit(m_pattern_bytes, m_pattern_begin, m_prefix_depth, m_key_length, m_column, m_state_count, m_next,
          m_output_head, m_output_next, m_output, m_goes_on, m_edge_begin, m_edge_byte, m_edge_node, m_end_begin,
          m_end_pattern);
  }
  bool operator==(const TermMatcher&) const = default;

private:
  // Appends the matches of the keys that end at `state` with the byte before `at`, and of
  // the longer keys that go on from there.
  [[gnu::noinline]] void reached(std::size_t state, std::string_view text, std::size_t at,
                                 std::vector<TermMatch>& out) const;
  // Appends the patterns whose key continues the prefix that ended at `text[at - 1]`, found by
  // following the trie from `node`, if they match there.
  void follow(std::uint32_t node, std::string_view text, std::size_t at, std::vector<TermMatch>& out) const;
  void check(std::uint32_t pattern, std::string_view text, std::size_t key_end, std::vector<TermMatch>& out) const;

  // Every array is built once and then only read, so a matcher taken from the checklist cache
  // reads them where the cache's file is mapped.
  SharedArray<char> m_pattern_bytes;           // the patterns one after the other...
  SharedArray<std::uint32_t> m_pattern_begin;  // ...pattern p is [begin[p], begin[p + 1])
  std::size_t m_prefix_depth;
  SharedArray<std::uint32_t> m_key_length;  // bytes before the first '*' (or the whole pattern)
  std::size_t m_state_count = 1;
  // The automaton over the keys' prefixes, column by column: a column per class of bytes (each
  // byte found in a key has its own class, the others share two: one for word bytes, one for
  // bytes that separate), a row per state.
  std::uint32_t m_column[256] = {};         // byte -> where its class's column starts in m_next
  SharedArray<std::int16_t> m_next;         // column + state -> next state, bit-inverted when
                                            // that state has outputs or goes on
  SharedArray<std::int32_t> m_output_head;  // state -> first index into m_output, or -1
  SharedArray<std::int32_t> m_output_next;  // chained: outputs of the state, then of its suffixes
  SharedArray<std::uint32_t> m_output;      // pattern index per output entry
  SharedArray<std::int32_t> m_goes_on;      // state -> trie node where longer keys go on, or -1
  // The trie past the prefixes, in compressed rows: node n's edges are [m_edge_begin[n],
  // m_edge_begin[n + 1]) of m_edge_byte / m_edge_node, sorted by byte; the keys that end at
  // node n are [m_end_begin[n], m_end_begin[n + 1]) of m_end_pattern.
  SharedArray<std::uint32_t> m_edge_begin;
  SharedArray<unsigned char> m_edge_byte;
  SharedArray<std::uint32_t> m_edge_node;
  SharedArray<std::uint32_t> m_end_begin;
  SharedArray<std::uint32_t> m_end_pattern;
};

}  // namespace unct::text
