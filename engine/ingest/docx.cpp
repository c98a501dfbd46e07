// DOCX: the zip package through libzip, its XML parts through pugixml. Paragraphs become blocks;
// headings come from paragraph styles ("heading 1".."heading 9", "Title") or outline levels;
// numbered or bulleted paragraphs are list items; tables are kept as rows of cells; footnotes and
// endnotes follow the paragraph that cites them. Tracked insertions are kept and deletions
// dropped, as in the document's final view; comments are ignored. DOCX has no pages: quotes
// point to the heading path.

#include "engine/core/ascii.hpp"
#include "engine/core/error.hpp"
#include "engine/core/file.hpp"
#include "engine/core/zip.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/ingest/read.hpp"
#include "engine/ingest/xml_part.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

namespace unct::ingest {
namespace {

pugi::xml_document parse_part(const std::string& bytes, const char* name, const std::filesystem::path& path) {
  return xml::parse_part(bytes, name, path, pugi::parse_default | pugi::parse_ws_pcdata_single);
}

using xml::child;
using xml::local;

// An attribute's value, empty when absent: WordprocessingML gives no meaning to an empty value.
std::string attribute(const pugi::xml_node node, std::string_view name) {
  return std::string(xml::attribute(node, name).value_or(""));
}

struct Style {
  int heading = 0;  // 1-9, or 0
  bool list = false;
  std::string based_on;
};

// Paragraph styles by id: which are headings (by name or outline level) and which are numbered.
std::map<std::string, Style> read_styles(const std::optional<std::string>& xml, const std::filesystem::path& path) {
  std::map<std::string, Style> out;
  if (!xml) return out;
  const pugi::xml_document doc = parse_part(*xml, "word/styles.xml", path);
  for (pugi::xml_node style : doc.first_child().children()) {
    if (local(style) != "style" || attribute(style, "type") != "paragraph") continue;
    Style s;
    const std::string name = ascii_lower(attribute(child(style, "name"), "val"));
    if (name == "title")
      s.heading = 1;
    else if (name.rfind("heading ", 0) == 0 && name.size() == 9 && name[8] >= '1' && name[8] <= '9')
      s.heading = name[8] - '0';
    const pugi::xml_node ppr = child(style, "pPr");
    if (const pugi::xml_node outline = child(ppr, "outlineLvl"); outline && s.heading == 0) {
      const int level = std::atoi(attribute(outline, "val").c_str());
      if (level >= 0 && level < 9) s.heading = level + 1;
    }
    s.list = static_cast<bool>(child(ppr, "numPr"));
    s.based_on = attribute(child(style, "basedOn"), "val");
    out[attribute(style, "styleId")] = s;
  }
  return out;
}

// How deep content controls, insertions and runs may nest before the rest is skipped (with a
// warning): Word nests a few levels; a hostile file nests thousands, and the walk recurses.
constexpr int k_max_depth = 64;

// Text of a paragraph (or of any run container) in the document's final view. False when
// something nested deeper than k_max_depth was left out.
bool append_runs(const pugi::xml_node node, std::string& out, std::vector<std::string>* note_ids, int depth = 0) {
  if (depth > k_max_depth) return false;
  bool complete = true;
  for (pugi::xml_node c : node.children()) {
    const std::string_view name = local(c);
    if (name == "t") {
      out += c.text().get();
    } else if (name == "tab") {
      out += ' ';
    } else if (name == "br" || name == "cr") {
      out += '\n';
    } else if (name == "noBreakHyphen") {
      out += '-';
    } else if (name == "footnoteReference" || name == "endnoteReference") {
      if (note_ids != nullptr) note_ids->push_back(std::string(name.substr(0, 3)) + ":" + attribute(c, "id"));
    } else if (name == "del" || name == "moveFrom" || name == "pPr" || name == "rPr" || name == "instrText" ||
               name == "delText" || name == "commentReference" || name == "Fallback") {
      continue;  // deleted text, properties, field codes and comments are not the document's text
    } else if (name == "r" || name == "ins" || name == "moveTo" || name == "hyperlink" || name == "smartTag" ||
               name == "sdt" || name == "sdtContent" || name == "fldSimple" || name == "customXml" ||
               name == "AlternateContent" || name == "Choice") {
      complete = append_runs(c, out, note_ids, depth + 1) && complete;
    }
  }
  return complete;
}

class DocxReader {
public:
  DocxReader(std::map<std::string, Style> styles, std::map<std::string, std::vector<std::string>> notes)
      : m_styles(std::move(styles)), m_notes(std::move(notes)) {}

  std::vector<Block> read(const pugi::xml_node body) {
    walk(body, 0);
    return m_outline.take_blocks();
  }

  // Whether content nested deeper than k_max_depth was left out.
  bool truncated() const { return m_truncated; }

private:
  const Style* style(const std::string& id) const {
    const auto it = m_styles.find(id);
    return it == m_styles.end() ? nullptr : &it->second;
  }

  // Heading level from the paragraph's own outline level or its style (through basedOn).
  int heading_level(const pugi::xml_node ppr, const std::string& style_id) const {
    if (const pugi::xml_node outline = child(ppr, "outlineLvl")) {
      const int level = std::atoi(attribute(outline, "val").c_str());
      if (level >= 0 && level < 9) return level + 1;
    }
    std::string id = style_id;
    for (int depth = 0; depth < 10 && !id.empty(); ++depth) {
      const Style* s = style(id);
      if (s == nullptr) break;
      if (s->heading > 0) return s->heading;
      id = s->based_on;
    }
    return 0;
  }

  void paragraph(const pugi::xml_node p) {
    const pugi::xml_node ppr = child(p, "pPr");
    const std::string style_id = attribute(child(ppr, "pStyle"), "val");
    std::string text;
    std::vector<std::string> note_ids;
    m_truncated = !append_runs(p, text, &note_ids) || m_truncated;
    text = trim(text);
    if (const int level = heading_level(ppr, style_id); level > 0 && !text.empty()) {
      m_outline.add_heading(std::move(text), level, 0);
    } else if (const pugi::xml_node num = child(ppr, "numPr");
               num || (style(style_id) != nullptr && style(style_id)->list)) {
      // Word's list levels run 0 to 8; a file may say anything.
      const int depth = num ? std::clamp(std::atoi(attribute(child(num, "ilvl"), "val").c_str()), 0, 8) + 1 : 1;
      m_outline.add({.kind = BlockKind::list_item, .text = std::move(text), .level = depth});
    } else {
      m_outline.add({.kind = BlockKind::paragraph, .text = std::move(text)});
    }
    for (const std::string& id : note_ids) {
      const auto it = m_notes.find(id);
      if (it == m_notes.end()) continue;
      for (const std::string& note : it->second) m_outline.add({.kind = BlockKind::paragraph, .text = note});
    }
  }

  void table(const pugi::xml_node tbl) {
    const int number = ++m_table;
    int row = -1;
    for (pugi::xml_node tr : tbl.children()) {
      if (local(tr) != "tr") continue;
      ++row;
      int column = -1;
      for (pugi::xml_node tc : tr.children()) {
        if (local(tc) != "tc") continue;
        ++column;
        std::string text;
        for (pugi::xml_node p : tc.children()) {
          if (local(p) != "p") continue;
          std::string line;
          m_truncated = !append_runs(p, line, nullptr) || m_truncated;
          if (!trim(line).empty()) text += (text.empty() ? "" : "\n") + trim(line);
        }
        m_outline.add(
            {.kind = BlockKind::table_cell, .text = std::move(text), .table = number, .row = row, .column = column});
      }
    }
  }

  void walk(const pugi::xml_node node, int depth) {
    if (depth > k_max_depth) {
      m_truncated = true;
      return;
    }
    for (pugi::xml_node c : node.children()) {
      const std::string_view name = local(c);
      if (name == "p")
        paragraph(c);
      else if (name == "tbl")
        table(c);
      else if (name == "sdt" || name == "sdtContent" || name == "customXml" || name == "ins" || name == "moveTo")
        walk(c, depth + 1);
    }
  }

  std::map<std::string, Style> m_styles;
  std::map<std::string, std::vector<std::string>> m_notes;
  Outline m_outline;
  int m_table = -1;
  bool m_truncated = false;
};

// Footnotes and endnotes by "foo:<id>" / "end:<id>", each as its paragraphs' text.
// False when a note nested deeper than k_max_depth was left out.
bool read_notes(const std::optional<std::string>& xml, const char* part, const char* prefix, const char* label,
                const std::filesystem::path& path, std::map<std::string, std::vector<std::string>>& out) {
  if (!xml) return true;
  bool complete = true;
  const pugi::xml_document doc = parse_part(*xml, part, path);
  for (pugi::xml_node note : doc.first_child().children()) {
    const std::string type = attribute(note, "type");
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
    const std::string id = attribute(note, "id");
    std::vector<std::string> paragraphs;
    for (pugi::xml_node p : note.children()) {
      if (local(p) != "p") continue;
      std::string text;
      complete = append_runs(p, text, nullptr) && complete;
      text = trim(text);
      if (!text.empty()) paragraphs.push_back(std::string(label) + " " + id + ": " + text);
    }
    out[std::string(prefix) + ":" + id] = std::move(paragraphs);
  }
  return complete;
}

}  // namespace

Document read_docx(std::string_view bytes, const std::filesystem::path& path, const ReadOptions& options) {
  const ZipPackage package(bytes, path,
                           {.max_unzipped_bytes = options.max_unzipped_bytes, .max_zip_ratio = options.max_zip_ratio},
                           "a DOCX file");
  if (!package.has("word/document.xml")) {
    std::string what = "a zip package but not a Word document: it has no word/document.xml";
    if (package.has("xl/workbook.xml"))
      what += " (it is a spreadsheet)";
    else if (package.has("ppt/presentation.xml"))
      what += " (it is a presentation)";
    else if (package.has("content.xml"))
      what += " (it is an OpenDocument file: save it as DOCX)";
    throw InputError({.file = path}, what);
  }
  std::map<std::string, std::vector<std::string>> notes;
  bool complete = read_notes(package.part("word/footnotes.xml"), "word/footnotes.xml", "foo", "Footnote", path, notes);
  complete =
      read_notes(package.part("word/endnotes.xml"), "word/endnotes.xml", "end", "Endnote", path, notes) && complete;
  const std::string xml = *package.part("word/document.xml");
  const pugi::xml_document doc = parse_part(xml, "word/document.xml", path);
  const pugi::xml_node body = child(doc.first_child(), "body");
  if (!body) throw InputError({.file = path}, "word/document.xml has no body");
  Document document;
  document.path = path;
  document.format = "docx";
  DocxReader reader(read_styles(package.part("word/styles.xml"), path), std::move(notes));
  document.blocks = reader.read(body);
  if (reader.truncated() || !complete) {
    document.warnings.push_back("content nested more than " + std::to_string(k_max_depth) +
                                " levels deep (content controls, runs) was left out");
  }
  return document;
}

}  // namespace unct::ingest
