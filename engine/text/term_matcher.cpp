#include "engine/text/term_matcher.hpp"

#include "engine/text/unicode.hpp"

#include <algorithm>
#include <queue>
#include <cassert>

namespace unct::text {

TermMatcher::TermMatcher(std::vector<std::string> patterns) : m_patterns(std::move(patterns)) {
  // Byte classes: each byte that occurs in a key gets its own class; all others share class 0.
  m_key_length.reserve(m_patterns.size());
  for (const std::string& pattern : m_patterns) {
    assert(!pattern.empty() && pattern.front() != '*');
    const std::size_t star = pattern.find('*');
    m_key_length.push_back(static_cast<std::uint32_t>(star == std::string::npos ? pattern.size() : star));
    for (std::size_t i = 0; i < m_key_length.back(); ++i) {
      auto& cls = m_class[static_cast<unsigned char>(pattern[i])];
      if (cls == 0) cls = static_cast<std::uint8_t>(m_class_count++);
    }
  }
  const std::uint32_t classes = m_class_count;

  // The trie of keys; -1 = no edge yet.
  std::vector<std::int32_t> next(classes, -1);
  std::vector<std::vector<std::uint32_t>> ends(1);
  for (std::uint32_t p = 0; p < m_patterns.size(); ++p) {
    std::int32_t state = 0;
    for (std::size_t i = 0; i < m_key_length[p]; ++i) {
      const auto cls = m_class[static_cast<unsigned char>(m_patterns[p][i])];
      const std::size_t slot = static_cast<std::size_t>(state) * classes + cls;
      if (next[slot] < 0) {
        next[slot] = static_cast<std::int32_t>(ends.size());
        ends.emplace_back();
        next.resize(next.size() + classes, -1);  // invalidates references into `next`
      }
      state = next[slot];
    }
    ends[static_cast<std::size_t>(state)].push_back(p);
  }
  m_state_count = ends.size();

  // Breadth-first: failure links turn the trie into a DFA; each state's outputs are its own
  // patterns followed by those of its longest proper suffix that has any.
  std::vector<std::int32_t> fail(m_state_count, 0);
  m_output_head.assign(m_state_count, -1);
  std::queue<std::int32_t> queue;
  for (std::uint32_t c = 0; c < classes; ++c) {
    std::int32_t& edge = next[c];
    if (edge < 0) edge = 0;
    else queue.push(edge);
  }
  // Requires: the outputs of fail[state] are linked already (it is shallower, so BFS did it).
  auto link_outputs = [&](std::int32_t state) {
    const auto s = static_cast<std::size_t>(state);
    std::int32_t head = m_output_head[static_cast<std::size_t>(fail[s])];
    for (auto it = ends[s].rbegin(); it != ends[s].rend(); ++it) {
      m_output.push_back(*it);
      m_output_next.push_back(head);
      head = static_cast<std::int32_t>(m_output.size() - 1);
    }
    m_output_head[s] = head;
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
  // when the target has outputs, so that the hot loop needs one load and one sign test per byte.
  m_next.resize(next.size());
  for (std::size_t i = 0; i < next.size(); ++i) {
    const std::int32_t target = next[i];
    const std::int32_t offset = target * static_cast<std::int32_t>(classes);
    m_next[i] = m_output_head[static_cast<std::size_t>(target)] >= 0 ? ~offset : offset;
  }
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

void TermMatcher::scan(std::string_view text, std::vector<TermMatch>& out) const {
  const std::uint32_t classes = m_class_count;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::int32_t* table = m_next.data();
  std::int32_t row = 0;
  const std::size_t first = out.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::int32_t entry = table[row + m_class[bytes[i]]];
    if (entry >= 0) {
      row = entry;
      continue;
    }
    row = ~entry;
    const std::size_t state = static_cast<std::size_t>(row) / classes;
    for (std::int32_t o = m_output_head[state]; o >= 0; o = m_output_next[static_cast<std::size_t>(o)]) {
      const std::uint32_t p = m_output[static_cast<std::size_t>(o)];
      const std::size_t key_end = i + 1;
      const std::size_t begin = key_end - m_key_length[p];
      std::size_t end = 0;
      if (match_rest(m_patterns[p], m_key_length[p], text, begin, key_end, end)) {
        out.push_back({p, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
      }
    }
  }
  // Prefix patterns end after their key; keep the promised order.
  auto by_end = [](const TermMatch& a, const TermMatch& b) { return a.end != b.end ? a.end < b.end : a.pattern < b.pattern; };
  const auto from = out.begin() + static_cast<std::ptrdiff_t>(first);
  if (!std::is_sorted(from, out.end(), by_end)) std::sort(from, out.end(), by_end);
}

}  // namespace unct::text
