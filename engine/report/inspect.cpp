#include "engine/report/inspect.hpp"

#include "engine/report/layout.hpp"

#include <map>

namespace unct::report {
namespace {

std::string place(const ingest::Block& block) {
  if (block.page > 0) return "p. " + std::to_string(block.page);
  if (block.line > 0) return "line " + std::to_string(block.line);
  return "";
}

// The line cut to the report width, without the padding `fit` adds.
std::string cut(const std::string& line) {
  std::string out = fit(line, k_width);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string part_title(const checklist::Checklist& checklist, const std::string& id) {
  for (const checklist::Part& part : checklist.parts) {
    if (part.id == id) return part.title;
  }
  return id;
}

}  // namespace

void render_inspection(const ingest::Document& document, const std::vector<std::string>& parts,
                       const checklist::Checklist& checklist, bool blocks, std::ostream& out) {
  std::map<ingest::BlockKind, std::size_t> counts;
  std::map<int, bool> tables;
  std::map<ingest::Zone, std::size_t> zones;
  for (const ingest::Block& block : document.blocks) {
    ++counts[block.kind];
    ++zones[block.zone];
    if (block.table >= 0) tables[block.table] = true;
  }
  out << "File      " << document.path.string() << " (" << document.format << ", " << document.bytes << " bytes)\n"
      << "Title     " << (document.title.empty() ? "(none)" : document.title) << '\n'
      << "Kind      " << (document.kind ? std::string(label(*document.kind)) : "not detected (use --kind when scoring)")
      << '\n'
      << "Language  " << (document.language.empty() ? "not detected (use --lang when scoring)" : document.language)
      << '\n'
      << "Country   " << (document.country.empty() ? "not in the title (use --country when scoring)" : document.country)
      << '\n'
      << "Year      " << (document.year ? std::to_string(*document.year) : "not in the title (use --year when scoring)")
      << '\n';
  if (document.pages > 0) out << "Pages     " << document.pages << '\n';
  out << "Blocks    " << document.blocks.size() << ": " << counts[ingest::BlockKind::heading] << " headings, "
      << counts[ingest::BlockKind::paragraph] << " paragraphs, " << counts[ingest::BlockKind::list_item]
      << " list items, " << counts[ingest::BlockKind::table_cell] << " table cells in " << tables.size()
      << (tables.size() == 1 ? " table\n" : " tables\n");
  // Front and back matter: evidence there counts only for what its own words say, never for Meets.
  out << "Zones     " << zones[ingest::Zone::text] << " in the running text";
  for (ingest::Zone zone : {ingest::Zone::cover, ingest::Zone::signatures, ingest::Zone::contents,
                            ingest::Zone::acronyms, ingest::Zone::references}) {
    if (zones[zone] > 0) out << ", " << zones[zone] << " " << ingest::code(zone);
  }
  out << '\n';

  out << "\nOUTLINE (heading, where, the checklist part it opens)\n";
  std::size_t headings = 0;
  std::map<std::string, std::size_t> blocks_in_part;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const ingest::Block& block = document.blocks[i];
    const std::string& part = i < parts.size() ? parts[i] : std::string();
    if (!part.empty()) ++blocks_in_part[part];
    if (block.kind != ingest::BlockKind::heading) continue;
    ++headings;
    std::string line = std::string(static_cast<std::size_t>(2 * std::max(block.level, 1)), ' ') + block.text;
    const std::string where = place(block);
    if (!where.empty()) line += "  [" + where + "]";
    const bool opens = !part.empty() && (i == 0 || i - 1 >= parts.size() || parts[i - 1] != part ||
                                         document.blocks[i - 1].kind == ingest::BlockKind::heading);
    if (opens) line += "  -> " + part_title(checklist, part);
    out << cut(line) << '\n';
  }
  if (headings == 0) out << "  (no headings)\n";

  out << "\nPARTS (blocks in each part the checklist looks for)\n";
  for (const checklist::Part& part : checklist.parts) {
    out << "  " << fit(part.title, 40) << ' ' << blocks_in_part[part.id] << '\n';
  }

  out << "\nWARNINGS\n";
  std::vector<std::string> warnings = document.warnings;
  if (headings == 0)
    warnings.push_back("no headings found: document parts cannot be recognised, so part-scoped criteria cannot hold");
  else if (blocks_in_part.empty())
    warnings.push_back("no heading names a part the checklist knows (LNOB analysis, results framework, ...)");
  if (warnings.empty()) out << "  none\n";
  for (const std::string& w : warnings) out << wrap("- " + w, 2);

  if (!blocks) return;
  out << "\nBLOCKS (kind, where, zone outside the running text, part: text)\n";
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const ingest::Block& block = document.blocks[i];
    std::string head = std::string(ingest::code(block.kind));
    if (block.kind == ingest::BlockKind::heading || block.kind == ingest::BlockKind::list_item)
      head += " " + std::to_string(block.level);
    if (block.kind == ingest::BlockKind::table_cell) {
      head += " " + std::to_string(block.table) + ":" + std::to_string(block.row) + ":" + std::to_string(block.column);
    }
    const std::string where = place(block);
    if (!where.empty()) head += ", " + where;
    if (block.zone != ingest::Zone::text) head += ", " + std::string(ingest::code(block.zone));
    if (i < parts.size() && !parts[i].empty()) head += ", " + parts[i];
    std::string text = block.text;
    for (char& c : text) c = c == '\n' ? ' ' : c;
    out << cut("  " + head + ": " + text) << '\n';
  }
}

}  // namespace unct::report
