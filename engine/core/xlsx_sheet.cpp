// The first worksheet of an XLSX workbook read as a table (libzip for the package, pugixml for
// its parts), so that a form saved from a spreadsheet reads like its CSV.

#include "engine/core/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/core/file.hpp"
#include "engine/core/zip.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>

namespace unct {
namespace {

// Spreadsheets of forms are small: far below these, and a bomb is refused early.
constexpr ZipLimits k_limits{.max_unzipped_bytes = 256ull * 1024 * 1024, .max_zip_ratio = 100};

std::string_view local(const char* name) {
  const std::string_view n = name;
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// Children and attributes by local name: workbooks are written with and without prefixes.
pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (local(c.name()) == name) return c;
  }
  return {};
}

std::string attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (local(a.name()) == name) return a.value();
  }
  return {};
}

// The text of a string item: plain (<t>) or rich (<r><t>...), phonetic runs (<rPh>) left out.
// A run holds its properties and one <t>; runs do not nest, and nested ones are not followed (a
// file nesting them 50,000 deep would otherwise exhaust the stack).
std::string text_of(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node c : node.children()) {
    const std::string_view name = local(c.name());
    if (name == "t")
      out += c.text().get();
    else if (name == "r")
      out += child(c, "t").text().get();
  }
  return out;
}

pugi::xml_document parse(const ZipPackage& package, const char* part, const std::filesystem::path& path,
                         bool required) {
  pugi::xml_document doc;
  const std::optional<std::string> bytes = package.part(part);
  if (!bytes) {
    if (required) throw InputError({.file = path}, std::string("not a spreadsheet: the workbook has no ") + part);
    return doc;
  }
  if (!doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
    throw InputError({.file = path}, std::string(part) + ": not well-formed XML; the workbook is damaged");
  }
  return doc;
}

// "C12" -> column 2 (0-based); npos when the reference has no letters.
std::size_t column_of(std::string_view ref) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    ++letters;
  }
  return letters == 0 ? std::string_view::npos : column - 1;
}

std::string trimmed(std::string text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

}  // namespace

CsvTable parse_xlsx(std::string_view bytes, const std::filesystem::path& path) {
  const ZipPackage package(bytes, path, k_limits, "an XLSX workbook");

  // The first sheet of the workbook, through its relationship.
  const pugi::xml_document workbook = parse(package, "xl/workbook.xml", path, true);
  const pugi::xml_node sheet = child(child(workbook.document_element(), "sheets"), "sheet");
  if (!sheet) throw InputError({.file = path}, "the workbook has no sheet");
  const std::string id = attribute(sheet, "id");
  std::string target = "worksheets/sheet1.xml";
  const pugi::xml_document rels = parse(package, "xl/_rels/workbook.xml.rels", path, false);
  for (pugi::xml_node r : rels.document_element().children()) {
    if (attribute(r, "Id") == id) target = attribute(r, "Target");
  }
  const std::string part = target.starts_with('/') ? target.substr(1) : "xl/" + target;

  std::vector<std::string> shared;
  const pugi::xml_document strings = parse(package, "xl/sharedStrings.xml", path, false);
  for (pugi::xml_node si : strings.document_element().children()) {
    if (local(si.name()) == "si") shared.push_back(text_of(si));
  }

  CsvTable table{.path = path};
  const pugi::xml_document worksheet = parse(package, part.c_str(), path, true);
  for (pugi::xml_node row : child(worksheet.document_element(), "sheetData").children()) {
    if (local(row.name()) != "row") continue;
    CsvRow out{.line = std::atoi(attribute(row, "r").c_str())};
    for (pugi::xml_node cell : row.children()) {
      if (local(cell.name()) != "c") continue;
      const std::string type = attribute(cell, "t");
      std::string value;
      if (type == "inlineStr") {
        value = text_of(child(cell, "is"));
      } else {
        value = child(cell, "v").text().get();
        if (type == "s") {
          const std::size_t index = static_cast<std::size_t>(std::atol(value.c_str()));
          value = index < shared.size() ? shared[index] : std::string();
        } else if (type == "b") {
          value = value == "1" ? "TRUE" : "FALSE";
        }
      }
      std::size_t column = column_of(attribute(cell, "r"));
      if (column == std::string_view::npos) column = out.fields.size();
      if (column > 16384) continue;  // beyond any spreadsheet's last column: a damaged reference
      if (out.fields.size() <= column) out.fields.resize(column + 1);
      out.fields[column] = trimmed(std::move(value));
    }
    const bool blank =
        std::all_of(out.fields.begin(), out.fields.end(), [](const std::string& f) { return f.empty(); });
    if (blank) continue;
    if (table.header.empty())
      table.header = std::move(out.fields);
    else
      table.rows.push_back(std::move(out));
  }
  if (table.header.empty()) throw InputError({.file = path}, "the first sheet is empty: no header row");
  return table;
}

CsvTable read_table(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  const std::string bytes = read_file(path, max_bytes);
  if (bytes.starts_with("PK\x03\x04")) return parse_xlsx(bytes, path);
  return parse_csv(bytes, path);
}

}  // namespace unct
