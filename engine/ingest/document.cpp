#include "engine/ingest/document.hpp"

namespace unct::ingest {

std::string_view code(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list-item";
    case BlockKind::table_cell: return "table-cell";
  }
  return "paragraph";
}

std::string section_label(const Block& block) {
  std::string out;
  for (const std::string& heading : block.section) {
    if (!out.empty()) out += " > ";
    out += heading;
  }
  return out;
}

}  // namespace unct::ingest
