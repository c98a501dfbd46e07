#pragma once

// A document as the engine reads it: an ordered list of blocks (headings, paragraphs, list
// items, table cells), each with the heading path it sits under and where it came from, so that
// every quote can point to a place a reviewer can open. Readers know nothing of checklists.

#include "engine/core/level.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace unct::ingest {

enum class BlockKind { heading, paragraph, list_item, table_cell };

std::string_view code(BlockKind kind);  // "heading", "paragraph", "list-item", "table-cell"

// Where a block stands in the document. Real documents open and close with matter that is not
// analysis: covers and imprints, signature pages, tables of contents, acronym lists,
// references. Such a block is evidence only of what its own words say (a contents entry "Human
// rights commitments" shows such a chapter exists), and never enough for Meets.
enum class Zone {
  text,        // running text, headings and tables of the body
  cover,       // cover lines and the imprint (copyright, credits, ISBN, "printed in")
  signatures,  // signature blocks: names, titles, "For the Government of ..."
  contents,    // table of contents entries
  acronyms,    // acronym and abbreviation lists
  references,  // bibliography, references, endnotes
};

std::string_view code(Zone zone);  // "text", "cover", "signatures", "contents", "acronyms", "references"
std::optional<Zone> parse_zone(std::string_view code);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;                  // UTF-8 as written; line breaks inside a paragraph kept
  int level = 0;                     // heading level (1 = top); nesting depth of a list item
  int line = 0;                      // 1-based source line, text formats
  int page = 0;                      // 1-based page, paged formats; 0 when unknown
  std::vector<std::string> section;  // heading path down to the heading this block is under
                                     // (a heading's path ends with itself)
  int table = -1;                    // table cells: table number in the document, row, column
  int row = -1;
  int column = -1;
  Zone zone = Zone::text;
  bool operator==(const Block&) const = default;
};

struct Document {
  std::filesystem::path path;
  std::string sha256;  // of the file's bytes
  std::string format;  // "text" or "markdown"
  std::uintmax_t bytes = 0;
  std::string title;                 // first top-level heading, else the first line
  std::optional<DocumentKind> kind;  // detected from title and headings; nullopt when unclear
  std::string language;              // "en", "fr" or "es" from common words; empty when unclear
  std::optional<int> year;           // the first year named in the title (e.g. 2025 in "CCA 2025-2029")
  std::string country;               // named in the title ("Republic of Valdoria"); empty when unclear
  std::vector<Block> blocks;
  int pages = 0;                      // paged formats (PDF); 0 otherwise
  std::vector<std::string> warnings;  // what the reader noticed but could read past ("page 4 has no text")
  bool operator==(const Document&) const = default;
};

// "Section 2 > 2.1 Data" for a block's heading path.
std::string section_label(const Block& block);

}  // namespace unct::ingest
