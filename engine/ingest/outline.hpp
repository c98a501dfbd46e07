#pragma once

#include "engine/ingest/document.hpp"

#include <string>
#include <utility>
#include <vector>

namespace unct::ingest {

// Keeps the heading path while a reader walks a document top to bottom, and appends blocks
// with their path filled in. Shared by every reader so that all formats nest headings alike.
class Outline {
public:
  // A heading at `level` closes every open heading at that level or deeper.
  void add_heading(std::string text, int level, int line, int page = 0);
  void add(Block block);
  std::vector<Block> take_blocks() { return std::move(m_blocks); }

private:
  std::vector<std::pair<int, std::string>> m_open;  // (level, heading text), outermost first
  std::vector<Block> m_blocks;
};

// Trims white space at both ends.
std::string trim(std::string_view text);

// A page number as tables of contents give it: one to three digits, or a Roman numeral up to
// 399 in either case ("iv", "XII"); not a word that merely uses those letters ("civil", "ill").
bool is_page_number(std::string_view word);

}  // namespace unct::ingest
