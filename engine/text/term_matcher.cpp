#include "engine/text/term_matcher.hpp"

#include "engine/text/unicode.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <queue>

namespace unct::text {

TermMatcher::TermMatcher(std::vector<std::string> patterns, std::size_t prefix_depth)
    : m_prefix_depth(prefix_depth) {
  assert(prefix_depth >= 1);
  // Built here, then kept as shared arrays (see visit_members).
  std::vector<std::uint32_t> key_length;
  std::vector<std::int32_t> output_head, output_next, goes_on;
  std::vector<std::uint32_t> output, edge_begin, edge_node, end_begin, end_pattern;
  std::vector<unsigned char> edge_byte;
  // Byte classes: each byte that occurs in a key gets its own class; the others share class 0
  // if they are word characters, another class if not.
  key_length.reserve(patterns.size());
  std::uint8_t byte_class[256] = {};
  std::uint32_t classes = 1;
  unsigned char class_byte[256] = {};
  for (const std::string& pattern : patterns) {
    assert(!pattern.empty() && pattern.front() != '*');
    const std::size_t star = pattern.find('*');
    key_length.push_back(static_cast<std::uint32_t>(star == std::string::npos ? pattern.size() : star));
    for (std::size_t i = 0; i < key_length.back(); ++i) {
      auto& cls = byte_class[static_cast<unsigned char>(pattern[i])];
      if (cls == 0) {
        class_byte[classes] = static_cast<unsigned char>(pattern[i]);
        cls = static_cast<std::uint8_t>(classes++);
      }
    }
  }
  // Whether a class's bytes may end what comes before a word: ASCII bytes that are not word
  // characters, and every byte of a multi-byte character (that character may be a letter or
  // not; the check of each match decides).
  auto separates = [](unsigned char byte) { return byte >= 0x80 || !detail::is_ascii_word(byte); };
  std::vector<bool> class_separates(classes);
  for (std::uint32_t c = 1; c < classes; ++c) class_separates[c] = separates(class_byte[c]);
  const std::uint32_t other_separators = classes;
  for (std::size_t byte = 0; byte < 256; ++byte) {
    if (byte_class[byte] != 0 || !separates(static_cast<unsigned char>(byte))) continue;
    if (classes == other_separators) {
      assert(classes < 256);
      class_separates.push_back(true);
      ++classes;
    }
    byte_class[byte] = static_cast<std::uint8_t>(other_separators);
  }

  // The trie of whole keys; -1 = no edge.
  std::vector<std::int32_t> trie(classes, -1);
  std::vector<std::vector<std::uint32_t>> ends(1);  // per trie state: the keys ending there
  std::vector<std::size_t> depth(1, 0);
  for (std::uint32_t p = 0; p < patterns.size(); ++p) {
    std::int32_t state = 0;
    for (std::size_t i = 0; i < key_length[p]; ++i) {
      const std::size_t slot =
          static_cast<std::size_t>(state) * classes + byte_class[static_cast<unsigned char>(patterns[p][i])];
      if (trie[slot] < 0) {
        trie[slot] = static_cast<std::int32_t>(ends.size());
        ends.emplace_back();
        depth.push_back(depth[static_cast<std::size_t>(state)] + 1);
        trie.resize(trie.size() + classes, -1);  // invalidates references into `trie`
      }
      state = trie[slot];
    }
    ends[static_cast<std::size_t>(state)].push_back(p);
  }
  const std::size_t trie_states = ends.size();
  auto has_children = [&](std::size_t state) {
    return std::any_of(trie.begin() + static_cast<std::ptrdiff_t>(state * classes),
                       trie.begin() + static_cast<std::ptrdiff_t>((state + 1) * classes),
                       [](std::int32_t t) { return t >= 0; });
  };

  // The automaton's states must fit its 16-bit table: a long list of keys gets shorter prefixes.
  std::vector<std::size_t> at_depth;
  for (const std::size_t d : depth) {
    if (d >= at_depth.size()) at_depth.resize(d + 1);
    ++at_depth[d];
  }
  for (std::size_t d = 0, states = 1; d < at_depth.size() && d <= m_prefix_depth; ++d) {  // 1: the word state
    states += at_depth[d];
    if (states > k_max_states) m_prefix_depth = std::max<std::size_t>(d - 1, 1);
  }

  // The trie below m_prefix_depth, in compressed rows. Only keys longer than the prefix end there:
  // the shorter ones are the automaton's outputs.
  std::vector<std::int32_t> node_of(trie_states, -1);
  std::vector<std::size_t> node_state;
  for (std::size_t s = 0; s < trie_states; ++s) {
    if (depth[s] >= m_prefix_depth) {
      node_of[s] = static_cast<std::int32_t>(node_state.size());
      node_state.push_back(s);
    }
  }
  for (const std::size_t s : node_state) {
    edge_begin.push_back(static_cast<std::uint32_t>(edge_byte.size()));
    std::vector<std::pair<unsigned char, std::uint32_t>> edges;
    for (std::uint32_t c = 1; c < classes; ++c) {
      if (const std::int32_t child = trie[s * classes + c]; child >= 0) {
        edges.emplace_back(class_byte[c], static_cast<std::uint32_t>(node_of[static_cast<std::size_t>(child)]));
      }
    }
    std::sort(edges.begin(), edges.end());
    for (const auto& [byte, node] : edges) {
      edge_byte.push_back(byte);
      edge_node.push_back(node);
    }
    end_begin.push_back(static_cast<std::uint32_t>(end_pattern.size()));
    if (depth[s] > m_prefix_depth) end_pattern.insert(end_pattern.end(), ends[s].begin(), ends[s].end());
  }
  edge_begin.push_back(static_cast<std::uint32_t>(edge_byte.size()));
  end_begin.push_back(static_cast<std::uint32_t>(end_pattern.size()));

  // The automaton. A match starts where a word starts, so the automaton follows only prefixes
  // that start after a byte that separates (or at the start of the text): state 0, the root,
  // is "after a separating byte", state 1 "in a word, with no key begun where it could"; then
  // the trie's states down to m_prefix_depth, the shallow ones first (the first bytes of keys),
  // where the text keeps it. Matches inside words ("no" in "piano") are thus never looked at.
  constexpr std::size_t k_in_word = 1;
  const std::size_t no_trie_state = trie_states;
  std::vector<std::size_t> trie_state;
  for (std::size_t s = 0; s < trie_states; ++s) {
    if (depth[s] <= m_prefix_depth) trie_state.push_back(s);
  }
  std::stable_sort(trie_state.begin(), trie_state.end(),
                   [&](std::size_t a, std::size_t b) { return depth[a] < depth[b]; });
  trie_state.insert(trie_state.begin() + k_in_word, no_trie_state);
  std::vector<std::int32_t> state_of(trie_states, -1);
  for (std::size_t a = 0; a < trie_state.size(); ++a) {
    if (trie_state[a] != no_trie_state) state_of[trie_state[a]] = static_cast<std::int32_t>(a);
  }
  m_state_count = trie_state.size();
  std::vector<std::int32_t> next(m_state_count * classes, -1);
  goes_on.assign(m_state_count, -1);
  for (std::size_t a = 0; a < m_state_count; ++a) {
    const std::size_t s = trie_state[a];
    if (s == no_trie_state) continue;
    for (std::uint32_t c = 0; c < classes; ++c) {
      const std::int32_t child = trie[s * classes + c];
      if (child >= 0 && depth[s] < m_prefix_depth) next[a * classes + c] = state_of[static_cast<std::size_t>(child)];
    }
    if (depth[s] == m_prefix_depth && has_children(s)) goes_on[a] = node_of[s];
  }

  // Breadth-first: failure links turn the trie into a DFA. A state's failure is its longest
  // proper suffix that is a key's prefix and starts after a separating byte; failing that, the
  // root or the word state, as its last byte separates or not. Each state's outputs are its own
  // keys followed by those of its failure.
  std::vector<std::int32_t> fail(m_state_count, 0);
  output_head.assign(m_state_count, -1);
  std::queue<std::int32_t> queue;
  for (std::uint32_t c = 0; c < classes; ++c) {
    const std::int32_t after = class_separates[c] ? 0 : static_cast<std::int32_t>(k_in_word);
    next[k_in_word * classes + c] = after;
    std::int32_t& edge = next[c];
    if (edge < 0) {
      edge = after;
    } else {
      fail[static_cast<std::size_t>(edge)] = after;
      queue.push(edge);
    }
  }
  // Requires: the outputs of fail[state] are linked already (it is shallower, so BFS did it).
  auto link_outputs = [&](std::int32_t state) {
    const auto a = static_cast<std::size_t>(state);
    const std::vector<std::uint32_t>& own = ends[trie_state[a]];
    std::int32_t head = output_head[static_cast<std::size_t>(fail[a])];
    for (auto it = own.rbegin(); it != own.rend(); ++it) {
      output.push_back(*it);
      output_next.push_back(head);
      head = static_cast<std::int32_t>(output.size() - 1);
    }
    output_head[a] = head;
  };
  for (std::uint32_t c = 0; c < classes; ++c) {
    if (next[c] > static_cast<std::int32_t>(k_in_word)) link_outputs(next[c]);
  }
  while (!queue.empty()) {
    const std::int32_t state = queue.front();
    queue.pop();
    for (std::uint32_t c = 0; c < classes; ++c) {
      std::int32_t& edge = next[static_cast<std::size_t>(state) * classes + c];
      const std::int32_t via_fail = next[static_cast<std::size_t>(fail[static_cast<std::size_t>(state)]) * classes + c];
      if (edge < 0) {
        edge = via_fail;
      } else {
        fail[static_cast<std::size_t>(edge)] = via_fail;
        link_outputs(edge);
        queue.push(edge);
      }
    }
  }
  // The scan table, by byte class then state, so that a byte's column is found before the state
  // it needs is known: entry m_column[byte] + state is the next state, bit-inverted when it has
  // outputs or keys going on past it, so that the hot loop needs one load and one sign test per
  // byte. Two bytes an entry, and the shallow states of each class side by side: the part of the
  // table most text visits stays in the processor's cache.
  std::vector<std::int16_t> table(next.size());
  for (std::size_t a = 0; a < m_state_count; ++a) {
    for (std::uint32_t c = 0; c < classes; ++c) {
      const auto target = static_cast<std::size_t>(next[a * classes + c]);
      const auto state = static_cast<std::int16_t>(target);
      table[c * m_state_count + a] =
          output_head[target] >= 0 || goes_on[target] >= 0 ? static_cast<std::int16_t>(~state) : state;
    }
  }
  for (std::size_t byte = 0; byte < 256; ++byte)
    m_column[byte] = static_cast<std::uint32_t>(byte_class[byte] * m_state_count);
  m_next = SharedArray<std::int16_t>(std::move(table));

  std::vector<char> pattern_bytes;
  std::vector<std::uint32_t> pattern_begin;
  for (const std::string& pattern : patterns) {
    pattern_begin.push_back(static_cast<std::uint32_t>(pattern_bytes.size()));
    pattern_bytes.insert(pattern_bytes.end(), pattern.begin(), pattern.end());
  }
  pattern_begin.push_back(static_cast<std::uint32_t>(pattern_bytes.size()));
  m_pattern_bytes = SharedArray<char>(std::move(pattern_bytes));
  m_pattern_begin = SharedArray<std::uint32_t>(std::move(pattern_begin));
  m_key_length = SharedArray<std::uint32_t>(std::move(key_length));
  m_output_head = SharedArray<std::int32_t>(std::move(output_head));
  m_output_next = SharedArray<std::int32_t>(std::move(output_next));
  m_output = SharedArray<std::uint32_t>(std::move(output));
  m_goes_on = SharedArray<std::int32_t>(std::move(goes_on));
  m_edge_begin = SharedArray<std::uint32_t>(std::move(edge_begin));
  m_edge_byte = SharedArray<unsigned char>(std::move(edge_byte));
  m_edge_node = SharedArray<std::uint32_t>(std::move(edge_node));
  m_end_begin = SharedArray<std::uint32_t>(std::move(end_begin));
  m_end_pattern = SharedArray<std::uint32_t>(std::move(end_pattern));
}

bool TermMatcher::well_formed() const {
  // Patterns: offsets into their bytes; each key at most its pattern and at least a byte.
  if (!offsets_into(m_pattern_begin.view(), m_pattern_bytes.size())) return false;
  const std::size_t patterns = pattern_count();
  if (m_prefix_depth == 0 || m_key_length.size() != patterns) return false;
  for (std::size_t p = 0; p < patterns; ++p) {
    if (m_key_length[p] == 0 || m_key_length[p] > m_pattern_begin[p + 1] - m_pattern_begin[p]) return false;
  }
  // Sizes: a row per state in the per-state arrays, a column per class in the table, the trie's
  // rows and their ends.
  if (m_state_count == 0 || m_output_head.size() != m_state_count || m_goes_on.size() != m_state_count ||
      m_output_next.size() != m_output.size() || m_edge_begin.size() == 0 ||
      m_edge_begin[m_edge_begin.size() - 1] != m_edge_byte.size() || m_edge_node.size() != m_edge_byte.size() ||
      m_end_begin.size() != m_edge_begin.size() || m_end_begin[m_end_begin.size() - 1] != m_end_pattern.size())
    return false;
  return std::all_of(std::begin(m_column), std::end(m_column), [&](std::uint32_t column) {
    return column <= m_next.size() && m_next.size() - column >= m_state_count;
  });
}

std::vector<std::string> TermMatcher::patterns() const {
  std::vector<std::string> out;
  out.reserve(pattern_count());
  for (std::size_t p = 0; p < pattern_count(); ++p) out.emplace_back(pattern(p));
  return out;
}

namespace {

// Whether the pattern, whose first `in` bytes were found at [begin, at), matches there.
bool match_rest(std::string_view pattern, std::size_t in, std::string_view text, std::size_t begin, std::size_t at,
                std::size_t& end) {
  if (is_word_char_before(text, begin)) return false;
  while (true) {
    if (in == pattern.size()) {
      if (is_word_char_at(text, at)) return false;
      end = at;
      return true;
    }
    if (pattern[in] == '*') {
      at = end_of_word(text, at);
      ++in;
      if (in == pattern.size()) {
        end = at;
        return true;
      }
      continue;
    }
    // Literal bytes: compare up to the next '*' or the end.
    if (at >= text.size() || text[at] != pattern[in]) return false;
    ++at;
    ++in;
  }
}

}  // namespace

bool match_at(std::string_view pattern, std::string_view text, std::size_t begin, std::size_t& end) {
  return match_rest(pattern, 0, text, begin, begin, end);
}

void TermMatcher::check(std::uint32_t pattern, std::string_view text, std::size_t key_end,
                        std::vector<TermMatch>& out) const {
  if (m_key_length[pattern] > key_end) return;  // only a damaged table gets here
  const std::size_t begin = key_end - m_key_length[pattern];
  std::size_t end = 0;
  if (match_rest(this->pattern(pattern), m_key_length[pattern], text, begin, key_end, end)) {
    out.push_back({pattern, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  }
}

void TermMatcher::follow(std::uint32_t node, std::string_view text, std::size_t at, std::vector<TermMatch>& out) const {
  for (; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const unsigned char* first = m_edge_byte.data() + m_edge_begin[node];
    const unsigned char* last = m_edge_byte.data() + m_edge_begin[node + 1];
    const auto edge = std::lower_bound(first, last, byte);
    if (edge == last || *edge != byte) return;
    node = m_edge_node[static_cast<std::size_t>(edge - m_edge_byte.data())];
    for (std::uint32_t e = m_end_begin[node]; e < m_end_begin[node + 1]; ++e)
      check(m_end_pattern[e], text, at + 1, out);
  }
}

void TermMatcher::reached(std::size_t state, std::string_view text, std::size_t at, std::vector<TermMatch>& out) const {
  for (std::int32_t o = m_output_head[state]; o >= 0; o = m_output_next[static_cast<std::size_t>(o)]) {
    check(m_output[static_cast<std::size_t>(o)], text, at, out);
  }
  // Longer keys share this state's prefix, which starts where a word must start.
  if (const std::int32_t node = m_goes_on[state]; node >= 0 && !is_word_char_before(text, at - m_prefix_depth)) {
    follow(static_cast<std::uint32_t>(node), text, at, out);
  }
}

void TermMatcher::scan(std::string_view text, std::vector<TermMatch>& out) const {
  // A byte costs a column lookup, a table lookup and a sign test, each step waiting on the last.
  // The text is cut into k_lanes stretches scanned side by side, so that the processor overlaps
  // their waits. The automaton's state after a byte is the longest key prefix (m_prefix_depth
  // bytes at most) ending there that starts after a separating byte, so it depends on that byte
  // and the m_prefix_depth before it: each stretch but the first starts that many bytes early,
  // from the root, and reports nothing there. What a marked state holds is looked at out of line
  // (reached), leaving the loop its registers; each stretch's matches are kept apart, then
  // appended in text order.
  constexpr std::size_t k_lanes = 4;
  constexpr std::size_t k_split_from = 64;  // shorter texts are not worth it
  const std::uint32_t* column = m_column;
  const std::int16_t* table = m_next.data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  const std::size_t first = out.size();
  // After a lookup: a marked entry's state is looked at out of line (reached), and is the state.
  auto mark = [&](std::int32_t& state, std::int32_t entry, std::size_t after, std::vector<TermMatch>& found) {
    if (entry >= 0) return;
    state = ~entry;
    reached(static_cast<std::size_t>(state), text, after, found);
  };
  auto run = [&](std::size_t at, std::size_t end, std::int32_t state, std::vector<TermMatch>& found) {
    for (; at < end; ++at) {
      const std::int32_t entry = table[column[bytes[at]] + static_cast<std::uint32_t>(state)];
      state = entry;
      mark(state, entry, at + 1, found);
    }
  };
  if (size < k_split_from) {
    run(0, size, 0, out);
  } else {
    thread_local std::array<std::vector<TermMatch>, k_lanes> lane_out;
    std::array<std::size_t, k_lanes + 1> bound{};  // lane k reports bytes [bound[k], bound[k + 1])
    std::array<std::size_t, k_lanes> at{};
    std::array<std::int32_t, k_lanes> state{};
    for (std::size_t k = 0; k <= k_lanes; ++k) bound[k] = size * k / k_lanes;
    for (std::size_t k = 0; k < k_lanes; ++k) {
      lane_out[k].clear();
      // Warm up from the root on the bytes before the lane's own, without reporting.
      for (at[k] = bound[k] - std::min(bound[k], m_prefix_depth); at[k] < bound[k]; ++at[k]) {
        const std::int32_t entry = table[column[bytes[at[k]]] + static_cast<std::uint32_t>(state[k])];
        state[k] = entry >= 0 ? entry : ~entry;
      }
    }
    const std::size_t steps = size / k_lanes;  // every lane has at least this many bytes
    // The lanes' positions and states as plain locals, which the compiler keeps in registers (an
    // array of them it kept in memory, storing each after every byte). A step looks up a byte of
    // each lane, then tests each entry (testing the four at once ran slower).
    static_assert(k_lanes == 4);
    const std::size_t at0 = at[0], at1 = at[1], at2 = at[2], at3 = at[3];
    const std::size_t d1 = at1 - at0, d2 = at2 - at0, d3 = at3 - at0;  // from lane 0's byte
    std::int32_t s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3];
    const unsigned char* const end = bytes + at0 + steps;
    for (const unsigned char* p = bytes + at0; p != end; ++p) {
      const std::int32_t e0 = table[column[p[0]] + static_cast<std::uint32_t>(s0)];
      const std::int32_t e1 = table[column[p[d1]] + static_cast<std::uint32_t>(s1)];
      const std::int32_t e2 = table[column[p[d2]] + static_cast<std::uint32_t>(s2)];
      const std::int32_t e3 = table[column[p[d3]] + static_cast<std::uint32_t>(s3)];
      s0 = e0;
      s1 = e1;
      s2 = e2;
      s3 = e3;
      const auto after = static_cast<std::size_t>(p + 1 - bytes);
      mark(s0, e0, after, out);
      mark(s1, e1, after + d1, lane_out[1]);
      mark(s2, e2, after + d2, lane_out[2]);
      mark(s3, e3, after + d3, lane_out[3]);
    }
    at = {at0 + steps, at1 + steps, at2 + steps, at3 + steps};
    state = {s0, s1, s2, s3};
    run(at[0], bound[1], state[0], out);
    for (std::size_t k = 1; k < k_lanes; ++k) {
      run(at[k], bound[k + 1], state[k], lane_out[k]);
      out.insert(out.end(), lane_out[k].begin(), lane_out[k].end());
    }
  }
  // Keys longer than their prefix, and '*' endings, end after the byte that found them: keep the
  // promised order. Those are few, and their matches only a few places late, so an insertion
  // sort puts them in place in about one pass; it gives way to a full sort past a few moves a
  // match, which only text made to defeat it comes to.
  auto by_end = [](const TermMatch& a, const TermMatch& b) {
    return a.end != b.end ? a.end < b.end : a.pattern < b.pattern;
  };
  const auto from = out.begin() + static_cast<std::ptrdiff_t>(first);
  const std::size_t most_moves = 4 * (out.size() - first) + 64;
  std::size_t moves = 0;
  for (auto at = from + (from != out.end()); at < out.end(); ++at) {
    if (!by_end(*at, *(at - 1))) continue;
    const TermMatch late = *at;
    auto to = at;
    do {
      *to = *(to - 1);
      --to;
      ++moves;
    } while (to != from && by_end(late, *(to - 1)));
    *to = late;
    if (moves > most_moves) {
      std::sort(from, out.end(), by_end);
      break;
    }
  }
}

}  // namespace unct::text
