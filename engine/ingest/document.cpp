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

namespace {
constexpr Zone k_zones[] = {Zone::text,     Zone::cover,    Zone::signatures,
                            Zone::contents, Zone::acronyms, Zone::references};
}

std::string_view code(Zone zone) {
  switch (zone) {
    case Zone::text: return "text";
    case Zone::cover: return "cover";
    case Zone::signatures: return "signatures";
    case Zone::contents: return "contents";
    case Zone::acronyms: return "acronyms";
    case Zone::references: return "references";
  }
  return "text";
}

std::optional<Zone> parse_zone(std::string_view text) {
  for (Zone zone : k_zones) {
    if (code(zone) == text) return zone;
  }
  return std::nullopt;
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
