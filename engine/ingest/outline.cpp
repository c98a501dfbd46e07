#include "engine/ingest/outline.hpp"

#include <algorithm>

namespace unct::ingest {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool is_page_number(std::string_view word) {
  if (word.empty() || word.size() > 9) return false;
  if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return word.size() <= 3;
  // A Roman numeral: hundreds, tens and units, each written the one canonical way. Only its
  // letters can make one, which settles most words at once.
  if (word.find_first_not_of("ivxlcIVXLC") != std::string_view::npos) return false;
  static constexpr std::string_view k_hundreds[] = {"", "c", "cc", "ccc"};
  static constexpr std::string_view k_tens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
  static constexpr std::string_view k_units[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  std::string lower;
  for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view h : k_hundreds) {
    for (std::string_view t : k_tens) {
      for (std::string_view u : k_units) {
        if (lower.size() == h.size() + t.size() + u.size() && lower.compare(0, h.size(), h) == 0 &&
            lower.compare(h.size(), t.size(), t) == 0 && lower.compare(h.size() + t.size(), u.size(), u) == 0 &&
            !lower.empty()) {
          return true;
        }
      }
    }
  }
  return false;
}

void Outline::add_heading(std::string text, int level, int line, int page) {
  while (!m_open.empty() && m_open.back().first >= level) m_open.pop_back();
  m_open.emplace_back(level, text);
  add({.kind = BlockKind::heading, .text = std::move(text), .level = level, .line = line, .page = page});
}

void Outline::add(Block block) {
  if (trim(block.text).empty()) return;
  block.section.clear();
  block.section.reserve(m_open.size());  // every block holds its path: no room to spare
  for (const auto& [level, heading] : m_open) block.section.push_back(heading);
  m_blocks.push_back(std::move(block));
}

}  // namespace unct::ingest
