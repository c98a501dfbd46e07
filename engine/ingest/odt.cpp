// ODT (OpenDocument Text, as LibreOffice and other word processors save it): the zip package
// through libzip, content.xml and styles.xml through pugixml, read the way DOCX is. Paragraphs
// become blocks; headings come from text:h and its outline level, or from a paragraph style that
// is a heading (an outline level, "Heading N" or "Title", through parent styles); list entries
// are list items at their nesting depth; tables are kept as rows of cells; footnotes and endnotes
// follow the paragraph that cites them. The text is the document's final view: tracked deletions
// live apart from the body (text:tracked-changes) and are not read, nor are comments, drawings
// and text boxes. ODT pages depend on the layout, so quotes point to the heading path.

#include "engine/core/error.hpp"
#include "engine/core/zip.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/ingest/read.hpp"
#include "engine/ingest/xml_part.hpp"
#include "engine/text/unicode.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unct::ingest {
namespace {

// How deep sections, lists, tables and spans may nest before the rest is skipped (with a
// warning): a real document nests a dozen levels; a hostile one nests thousands, and the walk
// recurses. The same bound as DOCX.
constexpr int k_max_depth = 64;

// text:s stands for a run of spaces; more than this many say nothing more and a hostile count
// (text:c="2000000000") must not become gigabytes of text.
constexpr int k_max_spaces = 100;

pugi::xml_document parse_part(const std::string& bytes, const char* name, const std::filesystem::path& path) {
  // White space between two spans is text in ODF ("<text:span>a</text:span> <text:span>b</text:span>"),
  // so PCDATA made of spaces alone is kept.
  return xml::parse_part(bytes, name, path, pugi::parse_default | pugi::parse_ws_pcdata);
}

using xml::attribute;
using xml::child;
using xml::local;

// A whole number written in an attribute; nullopt when it is absent, not a number or out of range.
std::optional<int> number_in(const pugi::xml_node node, std::string_view name) {
  const std::optional<std::string_view> value = attribute(node, name);
  if (!value) return std::nullopt;
  int out = 0;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), out);
  if (error != std::errc() || end != value->data() + value->size()) return std::nullopt;
  return out;
}

// ODF allows outline levels 1 to 10.
bool is_outline_level(int level) { return level >= 1 && level <= 10; }

// The heading level a style's name gives: "Title" 1, "Heading N" N (style:name writes a space
// as "_20_": "Heading_20_2"); 0 for any other name.
int heading_level_of_name(std::string_view name) {
  std::string plain;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i, 4) == "_20_") {
      plain += ' ';
      i += 3;
    } else {
      plain += static_cast<char>(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
    }
  }
  if (plain == "title") return 1;
  constexpr std::string_view k_heading = "heading ";
  if (plain.rfind(k_heading, 0) != 0) return 0;
  int level = 0;
  const char* digits = plain.data() + k_heading.size();
  const auto [end, error] = std::from_chars(digits, plain.data() + plain.size(), level);
  return error == std::errc() && end == plain.data() + plain.size() && is_outline_level(level) ? level : 0;
}

struct ParagraphStyle {
  // The outline level the style sets: a level, 0 for "not a heading" (LibreOffice writes
  // style:default-outline-level="" to say so), or nullopt to take the parent's.
  std::optional<int> outline;
  std::string parent;
};

using Styles = std::map<std::string, ParagraphStyle, std::less<>>;

// The paragraph styles in `container` (office:styles of styles.xml, office:automatic-styles of
// content.xml, where LibreOffice puts the "P1" a paragraph with direct formatting points to).
void read_styles(const pugi::xml_node container, Styles& out) {
  for (pugi::xml_node style : container.children()) {
    if (local(style) != "style" || attribute(style, "family") != "paragraph") continue;
    ParagraphStyle s;
    if (attribute(style, "default-outline-level")) {
      const std::optional<int> level = number_in(style, "default-outline-level");
      s.outline = level && is_outline_level(*level) ? *level : 0;
    } else if (const int level = heading_level_of_name(
                   attribute(style, "display-name").value_or(attribute(style, "name").value_or("")));
               level > 0) {
      s.outline = level;
    }
    s.parent = attribute(style, "parent-style-name").value_or("");
    out[std::string(attribute(style, "name").value_or(""))] = std::move(s);
  }
}

// The text of one paragraph or heading as it is shown, and the notes it cites.
struct Run {
  std::string text;
  bool at_space = true;  // the text so far is empty or ends in white space that absorbs more
  std::vector<std::string> notes;

  // Character data: ODF collapses each run of spaces, tabs and line ends into one space.
  void add_text(std::string_view value) {
    for (const char c : value) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (!at_space) text += ' ';
        at_space = true;
      } else {
        text += c;
        at_space = false;
      }
    }
  }

  // Spaces written as elements (text:s, text:tab) are kept as they are, as Word's tabs are.
  void add_spaces(int count) {
    text.append(static_cast<std::size_t>(count), ' ');
    at_space = false;
  }

  void add_line_break() {
    text += '\n';
    at_space = true;
  }
};

// Inline elements whose content is not the text a reader sees: comments, the note's mark (the
// note itself follows the paragraph), ruby annotations, drawings and text boxes.
bool is_not_text(std::string_view name) {
  static constexpr std::array<std::string_view, 21> k_names{
      "annotation",   "annotation-end", "note-citation", "ruby-text", "tracked-changes", "frame",
      "custom-shape", "rect",           "line",          "polyline",  "polygon",         "regular-polygon",
      "path",         "circle",         "ellipse",       "g",         "connector",       "control",
      "measure",      "caption",        "page-thumbnail"};
  return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

// Containers of paragraphs at body level: sections and the indexes (a table of contents keeps
// its entries, which the zones then mark as contents).
bool is_block_container(std::string_view name) {
  return name == "section" || name == "table-of-content" || name == "bibliography" || name == "index-body" ||
         name == "index-title" || (name.size() > 6 && name.substr(name.size() - 6) == "-index");
}

// A row or column index moved on by a repeat count, without overflow: a hostile file repeats
// cells billions of times.
int advanced(int index, int by) {
  return index > std::numeric_limits<int>::max() - by ? std::numeric_limits<int>::max() : index + by;
}

// The node after `node` in document order inside `root`'s subtree; empty at its end. A loop,
// not a recursion: it walks what was too deep to recurse through.
pugi::xml_node next_in(pugi::xml_node node, const pugi::xml_node root) {
  if (node.first_child()) return node.first_child();
  for (; node && node != root; node = node.parent()) {
    if (node.next_sibling()) return node.next_sibling();
  }
  return {};
}

class OdtReader {
public:
  explicit OdtReader(Styles styles) : m_styles(std::move(styles)) {}

  std::vector<Block> read(const pugi::xml_node text) {
    walk(text, 0, 0);
    return m_outline.take_blocks();
  }

  // What nesting deeper than k_max_depth left out, for the document's warnings; empty when
  // nothing was.
  std::string dropped() const {
    if (!m_truncated) return {};
    std::string out = "content nested more than " + std::to_string(k_max_depth) +
                      " levels deep (sections, lists, tables, spans) was left out";
    if (m_dropped_words == 0) return out;
    out += ": " + std::to_string(m_dropped_words) + (m_dropped_words == 1 ? " word" : " words");
    // Cut at a character's start, not inside one: a cut UTF-8 sequence is invalid text.
    const std::string words = trim(m_dropped.text);
    std::size_t cut = std::min<std::size_t>(words.size(), 60);
    while (cut > 0 && cut < words.size() && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;
    return out + " from \"" + words.substr(0, cut) + (cut < words.size() ? "...\"" : "\"");
  }

private:
  // Heading level of a paragraph style, through its parents; 0 when it is not a heading.
  int style_level(std::string_view name) const {
    for (int step = 0; step < 16 && !name.empty(); ++step) {  // a bound, as parents may loop
      const auto it = m_styles.find(name);
      if (it == m_styles.end()) return 0;
      if (it->second.outline) return *it->second.outline;
      name = it->second.parent;
    }
    return 0;
  }

  // Counts the words of a subtree too deep to read, and keeps its first words for the warning.
  void drop(const pugi::xml_node node) {
    m_truncated = true;
    for (pugi::xml_node n = node.first_child(); n; n = next_in(n, node)) {
      if (n.type() != pugi::node_pcdata && n.type() != pugi::node_cdata) continue;
      m_dropped_words += text::count_words(n.value());
      if (m_dropped.text.size() < 80) {
        m_dropped.add_text(std::string_view(n.value()).substr(0, 80));
        m_dropped.add_text(" ");
      }
    }
  }

  void inline_content(const pugi::xml_node node, Run& run, int depth) {
    if (depth > k_max_depth) return drop(node);
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        run.add_text(c.value());
        continue;
      }
      const std::string_view name = local(c);
      if (name == "s") {
        run.add_spaces(std::clamp(number_in(c, "c").value_or(1), 0, k_max_spaces));
      } else if (name == "tab") {
        run.add_spaces(1);
      } else if (name == "line-break") {
        run.add_line_break();
      } else if (name == "note") {
        note(c, run, depth + 1);
      } else if (name == "number") {
        inline_content(c, run, depth + 1);  // a heading's number as last laid out: "2.3" before "Data gaps"
        run.add_text(" ");
      } else if (is_not_text(name) || (name == "hidden-text" && attribute(c, "is-hidden") == "true")) {
        continue;
      } else if (c.type() == pugi::node_element) {
        inline_content(c, run, depth + 1);  // spans, links, fields (their shown value), bookmarks
      }
    }
  }

  // A footnote or endnote becomes "Footnote 3: text" paragraphs after the one that cites it, as
  // in DOCX. The mark is the one shown ("3", "iv", "*"), else the count so far.
  void note(const pugi::xml_node n, Run& run, int depth) {
    const bool endnote = attribute(n, "note-class") == "endnote";
    const int count = endnote ? ++m_endnotes : ++m_footnotes;
    Run citation;
    inline_content(child(n, "note-citation"), citation, depth + 1);
    std::string mark = trim(citation.text);
    if (mark.empty()) mark = std::to_string(count);
    std::vector<std::string> lines;
    std::vector<std::string> inner;  // notes inside the note: invalid, but kept rather than lost
    paragraphs_in(child(n, "note-body"), lines, inner, depth + 1);
    for (const std::string& line : lines)
      run.notes.push_back((endnote ? "Endnote " : "Footnote ") + mark + ": " + line);
    run.notes.insert(run.notes.end(), inner.begin(), inner.end());
  }

  std::string text_of(const pugi::xml_node paragraph, std::vector<std::string>& notes, int depth) {
    Run run;
    inline_content(paragraph, run, depth);
    notes.insert(notes.end(), std::make_move_iterator(run.notes.begin()), std::make_move_iterator(run.notes.end()));
    return trim(run.text);
  }

  // The text of every paragraph and heading under `node` (a table cell, a note's body), in order,
  // whatever holds them: lists, sections, tables nested in a cell.
  void paragraphs_in(const pugi::xml_node node, std::vector<std::string>& lines, std::vector<std::string>& notes,
                     int depth) {
    if (depth > k_max_depth) return drop(node);
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c);
      if (name == "p" || name == "h") {
        if (std::string line = text_of(c, notes, depth + 1); !line.empty()) lines.push_back(std::move(line));
      } else if (!is_not_text(name)) {
        paragraphs_in(c, lines, notes, depth + 1);
      }
    }
  }

  void add_notes(const std::vector<std::string>& notes) {
    for (const std::string& n : notes) m_outline.add({.kind = BlockKind::paragraph, .text = n});
  }

  // A paragraph: a heading when its style is one, a list item inside a list, else a paragraph.
  void paragraph(const pugi::xml_node p, int depth, int list_level) {
    std::vector<std::string> notes;
    std::string text = text_of(p, notes, depth);
    if (const int level = style_level(attribute(p, "style-name").value_or("")); level > 0 && !text.empty()) {
      m_outline.add_heading(std::move(text), level, 0);
    } else if (list_level > 0) {
      m_outline.add({.kind = BlockKind::list_item, .text = std::move(text), .level = list_level});
    } else {
      m_outline.add({.kind = BlockKind::paragraph, .text = std::move(text)});
    }
    add_notes(notes);
  }

  // text:h: its own outline level, else its style's, else 1 (a heading without a level is still one).
  void heading(const pugi::xml_node h, int depth) {
    std::vector<std::string> notes;
    std::string text = text_of(h, notes, depth);
    int level = number_in(h, "outline-level").value_or(0);
    if (!is_outline_level(level)) level = style_level(attribute(h, "style-name").value_or(""));
    if (!text.empty()) m_outline.add_heading(std::move(text), level > 0 ? level : 1, 0);
    add_notes(notes);
  }

  // Cells become table_cell blocks numbered like DOCX's: table, row and column from 0. A cell
  // that repeats (table:number-columns-repeated) is read once and takes its columns; cells covered
  // by a merged one keep their column and give no block.
  void row(const pugi::xml_node tr, int number, int row_index, std::vector<std::string>& notes, int depth) {
    int column = 0;
    for (pugi::xml_node cell : tr.children()) {
      const std::string_view name = local(cell);
      if (name != "table-cell" && name != "covered-table-cell") continue;
      const int repeat = std::max(number_in(cell, "number-columns-repeated").value_or(1), 1);
      if (name == "table-cell") {
        std::vector<std::string> lines;
        paragraphs_in(cell, lines, notes, depth + 1);
        std::string text;
        for (const std::string& line : lines) text += (text.empty() ? "" : "\n") + line;
        m_outline.add({.kind = BlockKind::table_cell,
                       .text = std::move(text),
                       .table = number,
                       .row = row_index,
                       .column = column});
      }
      column = advanced(column, repeat);
    }
  }

  // Rows sit in the table itself or in header-row, row and row-group elements, which may nest.
  void rows(const pugi::xml_node node, int number, int& row_index, std::vector<std::string>& notes, int depth) {
    if (depth > k_max_depth) return drop(node);
    for (pugi::xml_node c : node.children()) {
      const std::string_view name = local(c);
      if (name == "table-row") {
        row(c, number, row_index, notes, depth + 1);
        row_index = advanced(row_index, std::max(number_in(c, "number-rows-repeated").value_or(1), 1));
      } else if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
        rows(c, number, row_index, notes, depth + 1);
      }
    }
  }

  // Notes cited in cells follow the table, so that its cells stay together.
  void table(const pugi::xml_node tbl, int depth) {
    const int number = ++m_table;
    int row_index = 0;
    std::vector<std::string> notes;
    rows(tbl, number, row_index, notes, depth);
    add_notes(notes);
  }

  // Block-level content: `list_level` is how many lists hold it (0 outside any).
  void walk(const pugi::xml_node node, int depth, int list_level) {
    if (depth > k_max_depth) return drop(node);
    for (pugi::xml_node c : node.children()) {
      const std::string_view name = local(c);
      if (name == "p")
        paragraph(c, depth + 1, list_level);
      else if (name == "h")
        heading(c, depth + 1);
      else if (name == "list")
        walk(c, depth + 1, list_level + 1);
      else if (name == "list-item" || name == "list-header")
        walk(c, depth + 1, list_level);
      else if (name == "numbered-paragraph")
        walk(c, depth + 1, std::clamp(number_in(c, "level").value_or(1), 1, 10));
      else if (name == "table")
        table(c, depth + 1);
      else if (is_block_container(name))
        walk(c, depth + 1, list_level);
      // else: declarations, forms, tracked changes (the deleted text), page-anchored drawings
    }
  }

  Styles m_styles;
  Outline m_outline;
  int m_table = -1;
  int m_footnotes = 0;
  int m_endnotes = 0;
  bool m_truncated = false;
  std::size_t m_dropped_words = 0;
  Run m_dropped;  // the first words left out
};

}  // namespace

Document read_odt(std::string_view bytes, const std::filesystem::path& path, const ReadOptions& options) {
  const ZipPackage package(bytes, path,
                           {.max_unzipped_bytes = options.max_unzipped_bytes, .max_zip_ratio = options.max_zip_ratio},
                           "an OpenDocument text file");
  // An encrypted package keeps its zip directory; its parts are ciphertext that would read as
  // malformed XML. The manifest says so in the clear.
  if (const auto manifest = package.part("META-INF/manifest.xml");
      manifest && manifest->find("encryption-data") != std::string::npos) {
    throw InputError({.file = path},
                     "a password-protected OpenDocument file: save it without a password, or as DOCX or PDF, "
                     "and score that");
  }
  const std::optional<std::string> content = package.part("content.xml");
  if (!content) throw InputError({.file = path}, "an OpenDocument package without content.xml: the file is damaged");
  Styles styles;
  if (const auto xml = package.part("styles.xml")) {
    read_styles(child(parse_part(*xml, "styles.xml", path).document_element(), "styles"), styles);
  }
  const pugi::xml_document doc = parse_part(*content, "content.xml", path);
  read_styles(child(doc.document_element(), "automatic-styles"), styles);
  const pugi::xml_node body = child(child(doc.document_element(), "body"), "text");
  if (!body) throw InputError({.file = path}, "content.xml has no office:text body");
  Document document;
  document.path = path;
  document.format = "odt";
  OdtReader reader(std::move(styles));
  document.blocks = reader.read(body);
  if (std::string dropped = reader.dropped(); !dropped.empty()) document.warnings.push_back(std::move(dropped));
  return document;
}

}  // namespace unct::ingest
