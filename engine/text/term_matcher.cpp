#include "engine/text/term_matcher.hpp"

#include "engine/text/unicode.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <queue>

namespace unct::text {

TermMatcher::TermMatcher(std::vector<std::string> patterns, std::size_t prefix_depth)
    : m_patterns(std::move(patterns)), m_prefix_depth(prefix_depth) {
  assert(prefix_depth >= 1);
  // Byte classes: each byte that occurs in a key gets its own class; all others share class 0.
  m_key_length.reserve(m_patterns.size());
  unsigned char class_byte[256] = {};
  for (const std::string& pattern : m_patterns) {
    assert(!pattern.empty() && pattern.front() != '*');
    const std::size_t star = pattern.find('*');
    m_key_length.push_back(static_cast<std::uint32_t>(star == std::string::npos ? pattern.size() : star));
    for (std::size_t i = 0; i < m_key_length.back(); ++i) {
      auto& cls = m_class[static_cast<unsigned char>(pattern[i])];
      if (cls == 0) {
        class_byte[m_class_count] = static_cast<unsigned char>(pattern[i]);
        cls = static_cast<std::uint8_t>(m_class_count++);
      }
    }
  }
  const std::uint32_t classes = m_class_count;

  // The trie of whole keys; -1 = no edge.
  std::vector<std::int32_t> trie(classes, -1);
  std::vector<std::vector<std::uint32_t>> ends(1);  // per trie state: the keys ending there
  std::vector<std::size_t> depth(1, 0);
  for (std::uint32_t p = 0; p < m_patterns.size(); ++p) {
    std::int32_t state = 0;
    for (std::size_t i = 0; i < m_key_length[p]; ++i) {
      const std::size_t slot =
          static_cast<std::size_t>(state) * classes + m_class[static_cast<unsigned char>(m_patterns[p][i])];
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

  // The trie below prefix_depth, in compressed rows. Only keys longer than the prefix end there:
  // the shorter ones are the automaton's outputs.
  std::vector<std::int32_t> node_of(trie_states, -1);
  std::vector<std::size_t> node_state;
  for (std::size_t s = 0; s < trie_states; ++s) {
    if (depth[s] >= prefix_depth) {
      node_of[s] = static_cast<std::int32_t>(node_state.size());
      node_state.push_back(s);
    }
  }
  for (const std::size_t s : node_state) {
    m_edge_begin.push_back(static_cast<std::uint32_t>(m_edge_byte.size()));
    std::vector<std::pair<unsigned char, std::uint32_t>> edges;
    for (std::uint32_t c = 1; c < classes; ++c) {
      if (const std::int32_t child = trie[s * classes + c]; child >= 0) {
        edges.emplace_back(class_byte[c], static_cast<std::uint32_t>(node_of[static_cast<std::size_t>(child)]));
      }
    }
    std::sort(edges.begin(), edges.end());
    for (const auto& [byte, node] : edges) {
      m_edge_byte.push_back(byte);
      m_edge_node.push_back(node);
    }
    m_end_begin.push_back(static_cast<std::uint32_t>(m_end_pattern.size()));
    if (depth[s] > prefix_depth) m_end_pattern.insert(m_end_pattern.end(), ends[s].begin(), ends[s].end());
  }
  m_edge_begin.push_back(static_cast<std::uint32_t>(m_edge_byte.size()));
  m_end_begin.push_back(static_cast<std::uint32_t>(m_end_pattern.size()));

  // The automaton: the trie's states down to prefix_depth, in the trie's order (the root first).
  std::vector<std::int32_t> state_of(trie_states, -1);
  std::vector<std::size_t> trie_state;
  for (std::size_t s = 0; s < trie_states; ++s) {
    if (depth[s] <= prefix_depth) {
      state_of[s] = static_cast<std::int32_t>(trie_state.size());
      trie_state.push_back(s);
    }
  }
  m_state_count = trie_state.size();
  std::vector<std::int32_t> next(m_state_count * classes, -1);
  m_goes_on.assign(m_state_count, -1);
  for (std::size_t a = 0; a < m_state_count; ++a) {
    const std::size_t s = trie_state[a];
    for (std::uint32_t c = 0; c < classes; ++c) {
      const std::int32_t child = trie[s * classes + c];
      if (child >= 0 && depth[s] < prefix_depth) next[a * classes + c] = state_of[static_cast<std::size_t>(child)];
    }
    if (depth[s] == prefix_depth && has_children(s)) m_goes_on[a] = node_of[s];
  }

  // Breadth-first: failure links turn the trie into a DFA; each state's outputs are its own
  // keys followed by those of its longest proper suffix that has any.
  std::vector<std::int32_t> fail(m_state_count, 0);
  m_output_head.assign(m_state_count, -1);
  std::queue<std::int32_t> queue;
  for (std::uint32_t c = 0; c < classes; ++c) {
    std::int32_t& edge = next[c];
    if (edge < 0)
      edge = 0;
    else
      queue.push(edge);
  }
  // Requires: the outputs of fail[state] are linked already (it is shallower, so BFS did it).
  auto link_outputs = [&](std::int32_t state) {
    const auto a = static_cast<std::size_t>(state);
    const std::vector<std::uint32_t>& own = ends[trie_state[a]];
    std::int32_t head = m_output_head[static_cast<std::size_t>(fail[a])];
    for (auto it = own.rbegin(); it != own.rend(); ++it) {
      m_output.push_back(*it);
      m_output_next.push_back(head);
      head = static_cast<std::int32_t>(m_output.size() - 1);
    }
    m_output_head[a] = head;
  };
  for (std::uint32_t c = 0; c < classes; ++c) {
    if (next[c] > 0) link_outputs(next[c]);
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
  // The scan table: each entry is the target state's row offset (state x classes), bit-inverted
  // when the target has outputs or keys going on past it, so that the hot loop needs one load
  // and one sign test per byte.
  std::vector<std::int32_t> table(next.size());
  for (std::size_t i = 0; i < next.size(); ++i) {
    const std::int32_t target = next[i];
    const std::int32_t offset = target * static_cast<std::int32_t>(classes);
    const auto t = static_cast<std::size_t>(target);
    table[i] = m_output_head[t] >= 0 || m_goes_on[t] >= 0 ? ~offset : offset;
  }
  m_next = SharedArray<std::int32_t>(std::move(table));
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
  const std::size_t begin = key_end - m_key_length[pattern];
  std::size_t end = 0;
  if (match_rest(m_patterns[pattern], m_key_length[pattern], text, begin, key_end, end)) {
    out.push_back({pattern, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  }
}

void TermMatcher::follow(std::uint32_t node, std::string_view text, std::size_t at, std::vector<TermMatch>& out) const {
  for (; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const auto first = m_edge_byte.begin() + m_edge_begin[node];
    const auto last = m_edge_byte.begin() + m_edge_begin[node + 1];
    const auto edge = std::lower_bound(first, last, byte);
    if (edge == last || *edge != byte) return;
    node = m_edge_node[static_cast<std::size_t>(edge - m_edge_byte.begin())];
    for (std::uint32_t e = m_end_begin[node]; e < m_end_begin[node + 1]; ++e)
      check(m_end_pattern[e], text, at + 1, out);
  }
}

void TermMatcher::reached(std::int32_t row, std::string_view text, std::size_t at, std::vector<TermMatch>& out) const {
  const std::size_t state = static_cast<std::size_t>(row) / m_class_count;
  for (std::int32_t o = m_output_head[state]; o >= 0; o = m_output_next[static_cast<std::size_t>(o)]) {
    check(m_output[static_cast<std::size_t>(o)], text, at, out);
  }
  // Longer keys share this state's prefix, which starts where a word must start.
  if (const std::int32_t node = m_goes_on[state]; node >= 0 && !is_word_char_before(text, at - m_prefix_depth)) {
    follow(static_cast<std::uint32_t>(node), text, at, out);
  }
}

void TermMatcher::scan(std::string_view text, std::vector<TermMatch>& out) const {
  // A byte costs a class lookup, a table lookup and a sign test, each step waiting on the last.
  // The text is cut into k_lanes stretches scanned side by side, so that the processor overlaps
  // their waits. The automaton's state after a byte is the longest key prefix (m_prefix_depth
  // bytes at most) ending there, so it depends on that byte and the m_prefix_depth - 1 before it:
  // each stretch but the first starts that many bytes early, from the root, and reports nothing
  // there. What a marked state holds is looked at out of line (reached), leaving the loop its
  // registers; each stretch's matches are kept apart, then appended in text order.
  constexpr std::size_t k_lanes = 4;
  constexpr std::size_t k_split_from = 64;  // shorter texts are not worth it
  const std::uint8_t* classes = m_class;
  const std::int32_t* table = m_next.data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  const std::size_t first = out.size();
  auto run = [&](std::size_t at, std::size_t end, std::int32_t row, std::vector<TermMatch>& found) {
    for (; at < end; ++at) {
      const std::int32_t entry = table[row + classes[bytes[at]]];
      row = entry;
      if (entry < 0) {
        row = ~entry;
        reached(row, text, at + 1, found);
      }
    }
  };
  if (size < k_split_from) {
    run(0, size, 0, out);
  } else {
    thread_local std::array<std::vector<TermMatch>, k_lanes> lane_out;
    std::array<std::size_t, k_lanes + 1> bound{};  // lane k reports bytes [bound[k], bound[k + 1])
    std::array<std::size_t, k_lanes> at{};
    std::array<std::int32_t, k_lanes> row{};
    for (std::size_t k = 0; k <= k_lanes; ++k) bound[k] = size * k / k_lanes;
    for (std::size_t k = 0; k < k_lanes; ++k) {
      lane_out[k].clear();
      // Warm up from the root on the bytes before the lane's own, without reporting.
      for (at[k] = bound[k] - std::min(bound[k], m_prefix_depth - 1); at[k] < bound[k]; ++at[k]) {
        const std::int32_t entry = table[row[k] + classes[bytes[at[k]]]];
        row[k] = entry >= 0 ? entry : ~entry;
      }
    }
    const std::size_t steps = size / k_lanes;  // every lane has at least this many bytes
    for (std::size_t step = 0; step < steps; ++step) {
      std::array<std::int32_t, k_lanes> entry;
      for (std::size_t k = 0; k < k_lanes; ++k) entry[k] = table[row[k] + classes[bytes[at[k]]]];
      for (std::size_t k = 0; k < k_lanes; ++k) {
        row[k] = entry[k];
        ++at[k];
        if (entry[k] < 0) {
          row[k] = ~entry[k];
          reached(row[k], text, at[k], k == 0 ? out : lane_out[k]);
        }
      }
    }
    run(at[0], bound[1], row[0], out);
    for (std::size_t k = 1; k < k_lanes; ++k) {
      run(at[k], bound[k + 1], row[k], lane_out[k]);
      out.insert(out.end(), lane_out[k].begin(), lane_out[k].end());
    }
  }
  // Keys longer than their prefix, and '*' endings, end after the byte that found them; keep
  // the promised order.
  auto by_end = [](const TermMatch& a, const TermMatch& b) {
    return a.end != b.end ? a.end < b.end : a.pattern < b.pattern;
  };
  const auto from = out.begin() + static_cast<std::ptrdiff_t>(first);
  if (!std::is_sorted(from, out.end(), by_end)) std::sort(from, out.end(), by_end);
}

}  // namespace unct::text
