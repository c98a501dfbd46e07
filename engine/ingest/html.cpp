// HTML through libxml2's HTML parser (the same library that validates checklists): headings,
// paragraphs, list items and table cells become blocks; inline markup keeps only its text;
// scripts, styles, navigation, page headers and footers, forms and hidden elements are dropped.

#include "engine/core/ascii.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/ingest/read.hpp"
#include "engine/text/unicode.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <new>
#include <set>
#include <string_view>

namespace unct::ingest {
namespace {

std::string name_of(const xmlNode* node) { return ascii_lower(reinterpret_cast<const char*>(node->name)); }

bool is_element(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

bool hidden(const xmlNode* node) {
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  xmlChar* aria = xmlGetProp(node, reinterpret_cast<const xmlChar*>("aria-hidden"));
  const bool out = aria != nullptr && std::string_view(reinterpret_cast<const char*>(aria)) == "true";
  xmlFree(aria);
  return out;
}

// Appends a text node's content with white space collapsed as a browser shows it.
void append_collapsed(const xmlNode* text_node, std::string& out) {
  for (const char* p = reinterpret_cast<const char*>(text_node->content); p != nullptr && *p != '\0'; ++p) {
    const bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
    if (!space)
      out += *p;
    else if (!out.empty() && out.back() != ' ' && out.back() != '\n')
      out += ' ';
  }
}

// Text of inline content; <br> is a line break.
void append_text(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      append_collapsed(child, out);
    } else if (child->type == XML_ELEMENT_NODE) {
      const std::string name = name_of(child);
      if (name == "br") {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
      } else if (name == "script" || name == "style" || name == "ul" || name == "ol" || name == "table" ||
                 hidden(child)) {
        continue;  // nested lists and tables are blocks of their own
      } else {
        append_text(child, out);
      }
    }
  }
}

class HtmlReader {
public:
  explicit HtmlReader(const std::filesystem::path& path) : m_path(path) {}

  std::vector<Block> read(const xmlNode* root) {
    walk(root);
    flush();
    return m_outline.take_blocks();
  }

private:
  static const std::set<std::string>& dropped() {
    static const std::set<std::string> names{"script", "style", "noscript", "template", "head", "nav",    "header",
                                             "footer", "aside", "form",     "button",   "svg",  "iframe", "select"};
    return names;
  }

  void flush() {
    std::string text = trim(m_pending);
    m_pending.clear();
    if (!text.empty()) m_outline.add({.kind = BlockKind::paragraph, .text = std::move(text), .line = m_pending_line});
    m_pending_line = 0;
  }

  void add(BlockKind kind, const xmlNode* node, int level = 0) {
    std::string text;
    append_text(node, text);
    text = trim(text);
    const int line = static_cast<int>(xmlGetLineNo(node));
    if (kind == BlockKind::heading)
      m_outline.add_heading(std::move(text), level, line);
    else
      m_outline.add({.kind = kind, .text = std::move(text), .level = level, .line = line});
  }

  void walk(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        if (m_pending_line == 0) m_pending_line = static_cast<int>(xmlGetLineNo(child));
        append_collapsed(child, m_pending);
        continue;
      }
      if (child->type != XML_ELEMENT_NODE || hidden(child)) continue;
      const std::string name = name_of(child);
      if (dropped().count(name) != 0) continue;
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        flush();
        add(BlockKind::heading, child, name[1] - '0');
      } else if (name == "p" || name == "pre" || name == "dt" || name == "dd" || name == "caption" ||
                 name == "figcaption" || name == "summary" || name == "address") {
        flush();
        add(BlockKind::paragraph, child);
      } else if (name == "ul" || name == "ol" || name == "dl" || name == "menu") {
        flush();
        ++m_list_depth;
        walk(child);
        --m_list_depth;
      } else if (name == "li") {
        flush();
        add(BlockKind::list_item, child, std::max(m_list_depth, 1));
        for (const xmlNode* inner = child->children; inner != nullptr; inner = inner->next) {
          if (is_element(inner, "ul") || is_element(inner, "ol")) {
            ++m_list_depth;
            walk(inner);
            --m_list_depth;
          } else if (is_element(inner, "table")) {
            table(inner);
          }
        }
      } else if (name == "table") {
        flush();
        table(child);
      } else if (name == "br") {
        m_pending += '\n';
      } else if (name == "div" || name == "section" || name == "article" || name == "main" || name == "body" ||
                 name == "html" || name == "blockquote" || name == "figure" || name == "details" ||
                 name == "fieldset" || name == "center") {
        flush();
        walk(child);
        flush();
      } else {
        // Inline markup (span, a, em, strong, sup, abbr, ...): its text joins the running paragraph.
        if (m_pending_line == 0) m_pending_line = static_cast<int>(xmlGetLineNo(child));
        append_text(child, m_pending);
      }
    }
  }

  // Rows of this table (through thead, tbody, tfoot), not of tables nested in its cells.
  void rows(const xmlNode* node, std::vector<const xmlNode*>& out) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (is_element(child, "tr"))
        out.push_back(child);
      else if (is_element(child, "thead") || is_element(child, "tbody") || is_element(child, "tfoot"))
        rows(child, out);
    }
  }

  void table(const xmlNode* node) {
    const int table_number = ++m_table;
    std::vector<const xmlNode*> table_rows;
    rows(node, table_rows);
    int row = -1;
    for (const xmlNode* tr : table_rows) {
      ++row;
      int column = -1;
      for (const xmlNode* cell = tr->children; cell != nullptr; cell = cell->next) {
        if (!is_element(cell, "td") && !is_element(cell, "th")) continue;
        ++column;
        std::string text;
        append_text(cell, text);
        m_outline.add({.kind = BlockKind::table_cell,
                       .text = trim(text),
                       .line = static_cast<int>(xmlGetLineNo(cell)),
                       .table = table_number,
                       .row = row,
                       .column = column});
      }
    }
  }

  std::filesystem::path m_path;
  Outline m_outline;
  std::string m_pending;
  int m_pending_line = 0;
  int m_list_depth = 0;
  int m_table = -1;
};

}  // namespace

Document read_html(std::string_view bytes, const std::filesystem::path& path) {
  // Valid UTF-8 is read as UTF-8 whatever the page declares; otherwise the page's own charset
  // (a <meta> declaration) decides, as in a browser.
  const char* encoding = text::find_invalid_utf8(bytes) ? nullptr : "UTF-8";
  const int options =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;
  const std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> context(htmlNewParserCtxt(), htmlFreeParserCtxt);
  if (!context) throw std::bad_alloc();
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), path.string().c_str(), encoding,
                         options),
      xmlFreeDoc);
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    throw InputError({.file = path}, "not an HTML document that can be read");
  }
  Document document;
  document.path = path;
  document.format = "html";
  document.blocks = HtmlReader(path).read(xmlDocGetRootElement(doc.get()));
  // Bytes that are not UTF-8 under a charset libxml2 does not know, or none, are read as Latin-1:
  // the words may come out wrong, so say so.
  if (encoding == nullptr) {
    const char* declared = reinterpret_cast<const char*>(doc->encoding);
    xmlCharEncodingHandlerPtr handler = declared != nullptr ? xmlFindCharEncodingHandler(declared) : nullptr;
    if (handler == nullptr) {
      document.warnings.push_back(
          (declared != nullptr ? "the page declares the charset \"" + std::string(declared) + "\", which is not known"
                               : std::string("the page is not UTF-8 and declares no charset")) +
          ": it was read as Latin-1, and accented letters may be wrong; save it as UTF-8");
    } else {
      xmlCharEncCloseFunc(handler);
    }
  }
  // libxml2 stops at elements nested more than 256 deep and keeps what came before: say so,
  // with the line where reading stopped, rather than lose the rest in silence.
  const xmlError* error = xmlCtxtGetLastError(context.get());
  if (error != nullptr && error->message != nullptr &&
      std::string_view(error->message).find("depth") != std::string_view::npos) {
    document.warnings.push_back("elements are nested too deep from line " + std::to_string(error->line) +
                                "; the page after that point was not read");
  }
  return document;
}

}  // namespace unct::ingest
