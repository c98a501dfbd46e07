#include "engine/ingest/outline.hpp"

namespace unct::ingest {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

void Outline::add_heading(std::string text, int level, int line, int page) {
  while (!m_open.empty() && m_open.back().first >= level) m_open.pop_back();
  m_open.emplace_back(level, text);
  add({.kind = BlockKind::heading, .text = std::move(text), .level = level, .line = line, .page = page});
}

void Outline::add(Block block) {
  if (trim(block.text).empty()) return;
  block.section.clear();
  for (const auto& [level, heading] : m_open) block.section.push_back(heading);
  m_blocks.push_back(std::move(block));
}

}  // namespace unct::ingest
