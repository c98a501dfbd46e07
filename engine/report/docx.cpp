#include "engine/report/docx.hpp"

#include "engine/core/zip.hpp"

#include <pugixml.hpp>

#include <sstream>

namespace unct::report {
namespace {

constexpr const char* k_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string to_string(const pugi::xml_document& doc) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

const char* style_id(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::normal: return nullptr;
    case ParagraphStyle::title: return "Title";
    case ParagraphStyle::heading1: return "Heading1";
    case ParagraphStyle::heading2: return "Heading2";
    case ParagraphStyle::heading3: return "Heading3";
    case ParagraphStyle::quote: return "Quote";
    case ParagraphStyle::note: return "Note";
    case ParagraphStyle::list: return "ListParagraph";
  }
  return nullptr;
}

pugi::xml_node add(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

void set(pugi::xml_node parent, const char* name, const char* attribute, std::string_view value) {
  add(parent, name).append_attribute(attribute).set_value(std::string(value).c_str());
}

// A solid ground behind a paragraph, a run or a table cell.
void shade(pugi::xml_node properties, std::string_view fill) {
  pugi::xml_node shd = add(properties, "w:shd");
  shd.append_attribute("w:val").set_value("clear");
  shd.append_attribute("w:color").set_value("auto");
  shd.append_attribute("w:fill").set_value(std::string(fill).c_str());
}

// A rule down a paragraph's left side, `size` in eighths of a point.
void left_rule(pugi::xml_node paragraph_properties, const char* size, const char* colour) {
  pugi::xml_node rule = add(add(paragraph_properties, "w:pBdr"), "w:left");
  rule.append_attribute("w:val").set_value("single");
  rule.append_attribute("w:sz").set_value(size);
  rule.append_attribute("w:space").set_value("6");
  rule.append_attribute("w:color").set_value(colour);
}

// The styles the report uses, on top of Word's defaults: sizes in half-points, spacing in
// twentieths of a point.
std::string styles_xml(std::string_view lang) {
  pugi::xml_document doc;
  pugi::xml_node styles = doc.append_child("w:styles");
  styles.append_attribute("xmlns:w").set_value(k_w);
  pugi::xml_node defaults = add(styles, "w:docDefaults");  // one, holding the run then the paragraph defaults
  pugi::xml_node rpr = add(add(defaults, "w:rPrDefault"), "w:rPr");
  pugi::xml_node fonts = add(rpr, "w:rFonts");
  for (const char* a : {"w:ascii", "w:hAnsi", "w:cs"}) fonts.append_attribute(a).set_value("Calibri");
  set(rpr, "w:sz", "w:val", "21");
  set(rpr, "w:lang", "w:val", lang);
  pugi::xml_node ppr = add(add(defaults, "w:pPrDefault"), "w:pPr");
  pugi::xml_node spacing = add(ppr, "w:spacing");
  spacing.append_attribute("w:after").set_value("100");
  spacing.append_attribute("w:line").set_value("264");
  spacing.append_attribute("w:lineRule").set_value("auto");

  const auto style = [&](const char* id, const char* name, int size, bool bold, const char* colour, int outline,
                         int before) {
    pugi::xml_node s = add(styles, "w:style");
    s.append_attribute("w:type").set_value("paragraph");
    s.append_attribute("w:styleId").set_value(id);
    set(s, "w:name", "w:val", name);
    set(s, "w:basedOn", "w:val", "Normal");
    pugi::xml_node p = add(s, "w:pPr");
    if (outline >= 0) {
      add(p, "w:keepNext");
      pugi::xml_node sp = add(p, "w:spacing");
      sp.append_attribute("w:before").set_value(before);
      sp.append_attribute("w:after").set_value(80);
      set(p, "w:outlineLvl", "w:val", std::to_string(outline));
    }
    pugi::xml_node r = add(s, "w:rPr");
    if (bold) add(r, "w:b");
    if (colour != nullptr) set(r, "w:color", "w:val", colour);
    if (size > 0) set(r, "w:sz", "w:val", std::to_string(size));
    return s;
  };
  pugi::xml_node normal = add(styles, "w:style");
  normal.append_attribute("w:type").set_value("paragraph");
  normal.append_attribute("w:default").set_value("1");
  normal.append_attribute("w:styleId").set_value("Normal");
  set(normal, "w:name", "w:val", "Normal");
  style("Title", "Title", 36, true, "1B1B1B", 0, 0);
  style("Heading1", "heading 1", 30, true, "1B1B1B", 0, 360);
  style("Heading2", "heading 2", 24, true, "1B1B1B", 1, 240);
  style("Heading3", "heading 3", 22, true, "333333", 2, 200);
  // A block quote: indented, with a grey rule on its left.
  pugi::xml_node quote = style("Quote", "Quote", 19, false, "333333", -1, 0);
  pugi::xml_node qp = quote.child("w:pPr");
  left_rule(qp, "18", "CCCCCC");
  pugi::xml_node qi = add(qp, "w:ind");
  qi.append_attribute("w:left").set_value("567");
  // A note: the provenance and the gaps, on a pale blue ground.
  pugi::xml_node note = style("Note", "Note", 19, false, nullptr, -1, 0);
  pugi::xml_node np = note.child("w:pPr");
  left_rule(np, "24", "009EDB");
  shade(np, "F4F8FB");
  pugi::xml_node list = style("ListParagraph", "List Paragraph", 0, false, nullptr, -1, 0);
  pugi::xml_node li = add(list.child("w:pPr"), "w:ind");
  li.append_attribute("w:left").set_value("360");
  li.append_attribute("w:hanging").set_value("360");
  return to_string(doc);
}

std::string content_types_xml() {
  pugi::xml_document doc;
  pugi::xml_node types = doc.append_child("Types");
  types.append_attribute("xmlns").set_value("http://schemas.openxmlformats.org/package/2006/content-types");
  const auto by_extension = [&](const char* extension, const char* type) {
    pugi::xml_node d = add(types, "Default");
    d.append_attribute("Extension").set_value(extension);
    d.append_attribute("ContentType").set_value(type);
  };
  by_extension("rels", "application/vnd.openxmlformats-package.relationships+xml");
  by_extension("xml", "application/xml");
  const auto part = [&](const char* name, const char* type) {
    pugi::xml_node o = add(types, "Override");
    o.append_attribute("PartName").set_value(name);
    o.append_attribute("ContentType").set_value(type);
  };
  part("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  part("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  return to_string(doc);
}

std::string relationships_xml(const std::vector<std::pair<std::string, std::string>>& targets) {
  pugi::xml_document doc;
  pugi::xml_node rels = doc.append_child("Relationships");
  rels.append_attribute("xmlns").set_value("http://schemas.openxmlformats.org/package/2006/relationships");
  int id = 1;
  for (const auto& [type, target] : targets) {
    pugi::xml_node r = add(rels, "Relationship");
    r.append_attribute("Id").set_value(("rId" + std::to_string(id++)).c_str());
    r.append_attribute("Type").set_value(type.c_str());
    r.append_attribute("Target").set_value(target.c_str());
  }
  return to_string(doc);
}

std::string core_xml(std::string_view title) {
  pugi::xml_document doc;
  pugi::xml_node core = doc.append_child("cp:coreProperties");
  core.append_attribute("xmlns:cp")
      .set_value("http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  core.append_attribute("xmlns:dc").set_value("http://purl.org/dc/elements/1.1/");
  add(core, "dc:title").text().set(std::string(title).c_str());
  add(core, "dc:creator").text().set("unct-assess");
  return to_string(doc);
}

}  // namespace

struct WordDocument::Impl {
  std::string lang;
  pugi::xml_document doc;
  pugi::xml_node body;
};

WordDocument::WordDocument(std::string_view lang) : m(std::make_unique<Impl>()) {
  m->lang = lang;
  pugi::xml_node document = m->doc.append_child("w:document");
  document.append_attribute("xmlns:w").set_value(k_w);
  m->body = document.append_child("w:body");
}

WordDocument::~WordDocument() = default;

namespace {

void append_spans(pugi::xml_node paragraph, const std::vector<Span>& runs) {
  for (const Span& run : runs) {
    pugi::xml_node r = add(paragraph, "w:r");
    if (run.bold || run.italic || run.marked || !run.colour.empty() || !run.fill.empty() || run.small) {
      pugi::xml_node rpr = add(r, "w:rPr");
      if (run.bold) add(rpr, "w:b");
      if (run.italic) add(rpr, "w:i");
      if (!run.colour.empty()) set(rpr, "w:color", "w:val", run.colour);
      if (run.small) set(rpr, "w:sz", "w:val", "17");
      if (run.marked) set(rpr, "w:highlight", "w:val", "yellow");
      if (!run.fill.empty()) shade(rpr, run.fill);
    }
    pugi::xml_node t = add(r, "w:t");
    t.append_attribute("xml:space").set_value("preserve");
    t.text().set(run.text.c_str());
  }
}

}  // namespace

void WordDocument::paragraph(ParagraphStyle style, const std::vector<Span>& runs) {
  pugi::xml_node p = add(m->body, "w:p");
  if (const char* id = style_id(style)) set(add(p, "w:pPr"), "w:pStyle", "w:val", id);
  append_spans(p, runs);
}

void WordDocument::table(const std::vector<std::size_t>& widths, const std::vector<std::vector<TableCell>>& rows) {
  pugi::xml_node table = add(m->body, "w:tbl");
  pugi::xml_node tpr = add(table, "w:tblPr");
  pugi::xml_node width = add(tpr, "w:tblW");
  width.append_attribute("w:w").set_value("0");
  width.append_attribute("w:type").set_value("auto");
  pugi::xml_node borders = add(tpr, "w:tblBorders");
  for (const char* side : {"w:top", "w:bottom", "w:insideH"}) {
    pugi::xml_node b = add(borders, side);
    b.append_attribute("w:val").set_value("single");
    b.append_attribute("w:sz").set_value("4");
    b.append_attribute("w:color").set_value("DDDDDD");
  }
  pugi::xml_node grid = add(table, "w:tblGrid");
  for (std::size_t w : widths) set(grid, "w:gridCol", "w:w", std::to_string(w));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    pugi::xml_node tr = add(table, "w:tr");
    if (i == 0) add(add(tr, "w:trPr"), "w:tblHeader");  // repeated on each page
    for (std::size_t c = 0; c < rows[i].size(); ++c) {
      const TableCell& cell = rows[i][c];
      pugi::xml_node tc = add(tr, "w:tc");
      pugi::xml_node tcpr = add(tc, "w:tcPr");
      pugi::xml_node w = add(tcpr, "w:tcW");
      w.append_attribute("w:w").set_value(c < widths.size() ? widths[c] : 0);
      w.append_attribute("w:type").set_value("dxa");
      if (!cell.fill.empty()) shade(tcpr, cell.fill);
      std::vector<Span> runs = cell.runs;
      if (i == 0) {
        for (Span& run : runs) run.bold = true;
      }
      append_spans(add(tc, "w:p"), runs);  // a cell holds at least one paragraph
    }
  }
  add(m->body, "w:p");  // Word needs a paragraph between a table and what follows
}

std::string WordDocument::finish(std::string_view title) {
  // Page: A4, 2 cm margins.
  pugi::xml_node section = add(m->body, "w:sectPr");
  pugi::xml_node size = add(section, "w:pgSz");
  size.append_attribute("w:w").set_value("11906");
  size.append_attribute("w:h").set_value("16838");
  pugi::xml_node margins = add(section, "w:pgMar");
  for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) margins.append_attribute(side).set_value("1134");
  for (const char* side : {"w:header", "w:footer", "w:gutter"}) margins.append_attribute(side).set_value("0");

  ZipWriter zip;
  zip.put("[Content_Types].xml", content_types_xml());
  zip.put("_rels/.rels",
          relationships_xml({{"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                              "word/document.xml"},
                             {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                              "docProps/core.xml"}}));
  zip.put("word/_rels/document.xml.rels",
          relationships_xml(
              {{"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"}}));
  zip.put("word/document.xml", to_string(m->doc));
  zip.put("word/styles.xml", styles_xml(m->lang));
  zip.put("docProps/core.xml", core_xml(title));
  return zip.finish();
}

}  // namespace unct::report
