#include "engine/workshop/pack.hpp"

#include "engine/assess/assess.hpp"
#include "engine/core/ascii.hpp"
#include "engine/core/error.hpp"
#include "engine/core/file.hpp"
#include "engine/core/sha256.hpp"
#include "engine/core/xml_schema.hpp"
#include "engine/ingest/read.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

namespace unct::workshop {
namespace {

constexpr std::uintmax_t k_max_pack_bytes = 4u * 1024 * 1024;

// Runs of white space as one space, none at either end: titles and rationales are written
// across indented lines of XML.
std::string collapsed(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The excerpt without the blank lines around it and without the indentation its lines share,
// so that a pack indented as XML still reads as the Markdown its author wrote.
std::string dedented(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  auto blank = [](std::string_view l) { return l.find_first_not_of(" \t") == std::string_view::npos; };
  while (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
  while (!lines.empty() && blank(lines.back())) lines.pop_back();
  std::size_t indent = std::string_view::npos;
  for (std::string_view l : lines) {
    if (!blank(l)) indent = std::min(indent, l.find_first_not_of(" \t"));
  }
  std::string out;
  for (std::string_view l : lines) {
    if (!blank(l)) out += l.substr(indent);
    out += '\n';
  }
  return out;
}

// From an index, not by counting from the top: every answer carries its line (issue 18).
int line_of(const LineIndex& lines, const pugi::xml_node node) {
  // pugixml points at an element's name; editors point at its '<'.
  return lines.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug() - 1, 0))).line;
}

// Why an item cannot be in a pack for this kind of document; empty when it can.
std::string unusable(const checklist::Item* item, const checklist::Checklist& checklist, DocumentKind kind) {
  if (item == nullptr) return "not in the checklist " + checklist.meta.id;
  if (!checklist::applies_to(*item, kind)) {
    return "does not apply to a " + std::string(label(kind)) + " (the pack's kind)";
  }
  if (item->external) return "needs the country team's records, which an excerpt cannot show";
  return {};
}

}  // namespace

Pack load_pack_text(std::string_view xml, const std::filesystem::path& path, const checklist::Checklist& checklist) {
  const std::vector<Diagnostic> problems = validate_xml(xml, path, pack_schema(), "workshop-pack.xsd");
  if (!problems.empty()) {
    std::string message = problems.front().message;
    if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more)";
    throw InputError(problems.front().where, message);
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!parsed) {
    const LineColumn lc = line_column_at(xml, static_cast<std::size_t>(parsed.offset));
    throw InputError({.file = path, .line = lc.line, .column = lc.column}, parsed.description());
  }
  const pugi::xml_node root = doc.document_element();
  const LineIndex lines(xml);
  Pack pack{.id = root.attribute("id").value(),
            .title = collapsed(root.child_value("title")),
            .checklist_id = root.attribute("checklist").value(),
            .kind = *parse_document_kind(root.attribute("kind").value()),
            .lang = root.attribute("lang").value(),
            .draft_key = std::string_view(root.child("key").attribute("status").value()) == "draft",
            .source = collapsed(root.child_value("source")),
            .instructions = collapsed(root.child_value("instructions")),
            .excerpt = dedented(root.child("excerpt").text().get()),
            .path = path,
            .sha256 = sha256_hex(xml)};
  if (pack.checklist_id != checklist.meta.id) {
    throw InputError({.file = path, .line = line_of(lines, root)},
                     "the pack is for the checklist \"" + pack.checklist_id + "\", not \"" + checklist.meta.id + "\"");
  }
  std::map<std::string, int> keyed;
  for (const pugi::xml_node answer : root.child("key").children("answer")) {
    const std::string id = answer.attribute("item").value();
    const SourceLocation where{.file = path, .line = line_of(lines, answer), .item_id = id};
    if (const std::string why = unusable(checklist::find_item(checklist, id), checklist, pack.kind); !why.empty()) {
      throw InputError(where, why);
    }
    if (const auto [first, inserted] = keyed.emplace(id, where.line); !inserted) {
      throw InputError(where, "keyed twice (first on line " + std::to_string(first->second) + ")");
    }
    pack.key.push_back({.item_id = id,
                        .level = *parse_level(answer.attribute("level").value()),
                        .rationale = collapsed(answer.child_value("rationale")),
                        .line = where.line});
  }
  return pack;
}

Pack load_pack(const std::filesystem::path& path, const checklist::Checklist& checklist) {
  return load_pack_text(read_file(path, k_max_pack_bytes), path, checklist);
}

std::string pack_xml(const Pack& pack) {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  if (pack.draft_key) {
    doc.append_child(pugi::node_comment)
        .set_value(
            " The key is the engine's rating of the excerpt, a draft: check every level and rationale, then set "
            "status=\"reviewed\". Format: docs/workshop.md. ");
  }
  pugi::xml_node root = doc.append_child("pack");
  root.append_attribute("format") = "1";
  root.append_attribute("id") = pack.id.c_str();
  root.append_attribute("checklist") = pack.checklist_id.c_str();
  root.append_attribute("kind") = std::string(code(pack.kind)).c_str();
  root.append_attribute("lang") = pack.lang.c_str();
  root.append_child("title").text() = pack.title.c_str();
  if (!pack.source.empty()) root.append_child("source").text() = pack.source.c_str();
  if (!pack.instructions.empty()) root.append_child("instructions").text() = pack.instructions.c_str();
  root.append_child("excerpt").append_child(pugi::node_cdata).set_value(("\n" + pack.excerpt).c_str());
  pugi::xml_node key = root.append_child("key");
  key.append_attribute("status") = pack.draft_key ? "draft" : "reviewed";
  for (const KeyAnswer& answer : pack.key) {
    pugi::xml_node node = key.append_child("answer");
    node.append_attribute("item") = answer.item_id.c_str();
    node.append_attribute("level") = std::string(code(answer.level)).c_str();
    node.append_child("rationale").text() = answer.rationale.c_str();
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

ingest::Document excerpt_document(const Pack& pack) {
  const ingest::Source source{
      .path = pack.path.string() + "#excerpt.md", .bytes = pack.excerpt, .sha256 = sha256_hex(pack.excerpt)};
  return ingest::read_source(source);
}

namespace {

// How a block's text is written: a paragraph keeps its line breaks, and a line that Markdown
// would read as something else (a heading, a quote, a list item, a numbered item) gets a
// backslash; a heading, list item or table cell is one line (a cell escapes its borders).
enum class MdText { lines, line, cell };

std::string md_text(std::string_view text, MdText mode) {
  std::string out;
  bool line_start = mode == MdText::lines;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (line_start) {
      std::size_t digits = i;
      while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) ++digits;
      if (digits > i && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
        out += text.substr(i, digits - i);
        out += '\\';
        i = digits - 1;
        line_start = false;
        continue;
      }
      if (std::string_view("#>-+*|=").find(c) != std::string_view::npos) out += '\\';
    }
    if (c == '\n') {
      out += mode == MdText::lines ? '\n' : ' ';
      line_start = mode == MdText::lines;
      continue;
    }
    if (c == '|' && mode == MdText::cell) out += '\\';
    out += c;
    line_start = false;
  }
  return out;
}

// The blocks as Markdown under the document's title: headings, paragraphs, nested lists and
// tables.
std::string markdown_of(const ingest::Document& document, const std::vector<std::size_t>& blocks) {
  // Headings keep their nesting, the shallowest at "##" under the excerpt's title.
  int top = 6;
  for (std::size_t i : blocks) {
    if (document.blocks[i].kind == ingest::BlockKind::heading) top = std::min(top, document.blocks[i].level);
  }
  bool header_row = false;
  std::size_t cells = 0;
  std::string out = "# " +
                    md_text(document.title.empty() ? document.path.filename().string() : document.title, MdText::line) +
                    "\n\n";
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const ingest::Block& b = document.blocks[blocks[i]];
    const ingest::Block* next = i + 1 < blocks.size() ? &document.blocks[blocks[i + 1]] : nullptr;
    switch (b.kind) {
      case ingest::BlockKind::heading:
        out += std::string(static_cast<std::size_t>(std::clamp(b.level - top + 2, 2, 6)), '#') + ' ' +
               md_text(b.text, MdText::line) + "\n\n";
        break;
      case ingest::BlockKind::paragraph: out += md_text(b.text, MdText::lines) + "\n\n"; break;
      case ingest::BlockKind::list_item:
        out += std::string(2 * static_cast<std::size_t>(std::max(b.level - 1, 0)), ' ') + "- " +
               md_text(b.text, MdText::line) + '\n';
        if (next == nullptr || next->kind != ingest::BlockKind::list_item) out += '\n';
        break;
      case ingest::BlockKind::table_cell: {
        const ingest::Block* previous = i > 0 ? &document.blocks[blocks[i - 1]] : nullptr;
        const bool table_before =
            previous != nullptr && previous->kind == ingest::BlockKind::table_cell && previous->table == b.table;
        const bool table_after =
            next != nullptr && next->kind == ingest::BlockKind::table_cell && next->table == b.table;
        if (!table_before || previous->row != b.row) {
          header_row = !table_before;
          cells = 0;
          out += '|';
        }
        out += ' ' + md_text(b.text, MdText::cell) + " |";
        ++cells;
        if (!table_after || next->row != b.row) {
          out += '\n';
          if (header_row) {  // the rule under the first row, as many columns as it has cells
            out += '|';
            for (std::size_t c = 0; c < cells; ++c) out += " --- |";
            out += '\n';
          }
          if (!table_after) out += '\n';
        }
        break;
      }
    }
  }
  return out;
}

bool starts_with(const std::vector<std::string>& path, const std::vector<std::string>& prefix) {
  return path.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

// The pattern of the schema's Id type.
bool is_pack_id(std::string_view id) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  return !id.empty() && letter(id.front()) && std::all_of(id.begin(), id.end(), [&](char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

std::string pack_id_of(const std::filesystem::path& path) {
  std::string id;
  for (char c : ascii_lower(path.stem().string())) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    id += ok ? c : '-';
  }
  if (id.empty() || id.front() < 'a' || id.front() > 'z') id = "pack-" + id;
  return id;
}

// What the engine found in the excerpt, as a draft rationale for the trainer to rewrite.
std::string draft_rationale(const rules::ItemResult& item) {
  std::string found;
  std::string missing;
  for (const rules::CriterionResult& c : item.criteria) {
    if (c.met && c.level <= item.level) found += (found.empty() ? "" : "; ") + c.text;
    if (!c.met && std::find(item.unmet.begin(), item.unmet.end(), c.id) != item.unmet.end()) {
      missing += (missing.empty() ? "" : "; ") + c.text;
    }
  }
  std::string out = "Engine draft: " + std::string(label(item.level)) + ".";
  if (!found.empty()) out += " Found: " + found + ".";
  if (const rules::Evidence* e = rules::best_evidence(item)) out += " Evidence: \"" + e->quote + "\".";
  if (!missing.empty()) out += " Not found: " + missing + ".";
  return out;
}

}  // namespace

Pack draft_pack(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                const ingest::Document& document, const DraftOptions& options) {
  if (options.items.empty()) throw InputError({.file = document.path, .field = "items"}, "name the items in scope");
  if (!options.id.empty() && !is_pack_id(options.id)) {
    throw InputError({.field = "id"},
                     "pack id \"" + options.id + "\": use a letter, then letters, digits, '.', '_' or '-'");
  }
  const DocumentKind kind = options.kind.value_or(document.kind.value_or(DocumentKind::cca));
  const std::string lang = options.lang.value_or(document.language.empty() ? "en" : document.language);
  std::set<std::string> seen;
  for (const std::string& id : options.items) {
    if (const std::string why = unusable(checklist::find_item(checklist, id), checklist, kind); !why.empty()) {
      throw InputError({.file = checklist.source, .item_id = id, .field = "items"}, why);
    }
    if (!seen.insert(id).second)
      throw InputError({.item_id = id, .field = "items"}, "named twice among the items in scope");
  }

  // The sections that make the excerpt: those named, else those holding the evidence.
  std::vector<std::vector<std::string>> chosen;
  auto choose = [&](const std::vector<std::string>& path) {
    if (std::find(chosen.begin(), chosen.end(), path) == chosen.end()) chosen.push_back(path);
  };
  if (!options.sections.empty()) {
    for (const std::string& wanted : options.sections) {
      bool found = false;
      for (const ingest::Block& b : document.blocks) {
        if (b.kind == ingest::BlockKind::heading && !b.section.empty() &&
            ascii_lower(b.section.back()).find(ascii_lower(wanted)) != std::string::npos) {
          choose(b.section);
          found = true;
        }
      }
      if (!found) throw InputError({.file = document.path, .field = "sections"}, "no heading names \"" + wanted + "\"");
    }
  } else {
    // The sections with the most quotes for the items, at most max_sections of them.
    const AssessOptions assess_options{.kind = kind, .language = lang};
    const Assessment full = assess(checklist, compiled, document, assess_options);
    std::vector<std::pair<std::vector<std::string>, std::size_t>> quoted;  // section, quotes; first met first
    for (const std::string& id : options.items) {
      for (const rules::CriterionResult& c : find_result(full, id)->criteria) {
        if (!c.met) continue;
        for (const rules::Evidence& e : c.evidence) {
          if (e.block >= document.blocks.size()) continue;
          const std::vector<std::string>& path = document.blocks[e.block].section;
          auto at = std::find_if(quoted.begin(), quoted.end(), [&](const auto& q) { return q.first == path; });
          if (at == quoted.end())
            quoted.emplace_back(path, 1);
          else
            ++at->second;
        }
      }
    }
    if (quoted.empty()) {
      throw InputError({.file = document.path, .field = "sections"},
                       "the engine found no evidence for these items: name the sections of the excerpt");
    }
    std::stable_sort(quoted.begin(), quoted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < quoted.size() && i < options.max_sections; ++i) choose(quoted[i].first);
  }

  // A chosen section brings its subsections, and the headings above it for context.
  std::vector<std::size_t> blocks;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const ingest::Block& b = document.blocks[i];
    const bool inside = std::any_of(chosen.begin(), chosen.end(), [&](const auto& path) {
      return path.empty() ? b.section.empty() : starts_with(b.section, path);
    });
    const bool above =
        b.kind == ingest::BlockKind::heading &&
        std::any_of(chosen.begin(), chosen.end(), [&](const auto& path) { return starts_with(path, b.section); });
    if (inside || above) blocks.push_back(i);
  }

  Pack pack{.id = options.id.empty() ? pack_id_of(document.path) : options.id,
            .title = options.title.empty()
                         ? (document.title.empty() ? document.path.filename().string() : document.title)
                         : options.title,
            .checklist_id = checklist.meta.id,
            .kind = kind,
            .lang = lang,
            .draft_key = true,
            .source = document.path.filename().string(),
            .instructions =
                "Read the excerpt, then rate each item Missing, Approaches, Meets or Exceeds from what the "
                "excerpt itself says, with a short reason.",
            .excerpt = markdown_of(document, blocks)};
  std::string sections;
  std::vector<std::vector<std::string>> in_order;
  for (std::size_t i : blocks) {
    const std::vector<std::string>& path = document.blocks[i].section;
    if (std::find(chosen.begin(), chosen.end(), path) != chosen.end() &&
        std::find(in_order.begin(), in_order.end(), path) == in_order.end()) {
      in_order.push_back(path);
    }
  }
  for (const auto& path : in_order) {
    std::string headings;
    for (const std::string& h : path) headings += (headings.empty() ? "" : " > ") + h;
    sections += (sections.empty() ? "" : "; ") + (headings.empty() ? "(before the first heading)" : headings);
  }
  pack.source += ": " + sections;

  // The key: the engine's rating of the excerpt itself, which is what participants read.
  const ingest::Document excerpt = excerpt_document(pack);
  const Assessment rated = assess(checklist, compiled, excerpt, {.kind = kind, .language = lang});
  for (const std::string& id : options.items) {
    const rules::ItemResult* item = find_result(rated, id);
    pack.key.push_back({.item_id = id, .level = item->level, .rationale = draft_rationale(*item)});
  }
  return pack;
}

std::vector<std::pair<std::string, Level>> rate_excerpt(const Pack& pack, const checklist::Checklist& checklist,
                                                        const rules::CompiledChecklist& compiled) {
  const Assessment rated =
      assess(checklist, compiled, excerpt_document(pack), {.kind = pack.kind, .language = pack.lang});
  std::vector<std::pair<std::string, Level>> out;
  for (const KeyAnswer& k : pack.key) {
    if (const rules::ItemResult* item = find_result(rated, k.item_id); item != nullptr && item->applicable) {
      out.emplace_back(k.item_id, item->level);
    }
  }
  return out;
}

}  // namespace unct::workshop
