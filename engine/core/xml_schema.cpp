#include "engine/core/xml_schema.hpp"

#include "engine/core/error.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace unct {
namespace {

// Offsets of the '<' of every start tag, in document order. In well-formed XML without a DTD any
// other '<' opens an end tag, a comment, a CDATA section or a processing instruction: none may
// stand in text or in an attribute value.
std::vector<std::size_t> start_tag_offsets(std::string_view xml) {
  std::vector<std::size_t> out;
  const auto past = [xml](std::size_t from, std::string_view end) {
    const std::size_t at = xml.find(end, from);
    return at == std::string_view::npos ? xml.size() : at + end.size();
  };
  for (std::size_t at = xml.find('<'); at != std::string_view::npos; at = xml.find('<', at)) {
    const std::string_view rest = xml.substr(at);
    if (rest.starts_with("<!--")) {
      at = past(at + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      at = past(at + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      at = past(at + 2, "?>");
    } else {
      if (!rest.starts_with("</") && !rest.starts_with("<!")) out.push_back(at);
      ++at;
    }
  }
  return out;
}

// The elements of a parsed document in document order (the order of their start tags).
std::vector<const xmlNode*> elements_of(const xmlDoc* doc) {
  std::vector<const xmlNode*> out;
  const auto* const top = reinterpret_cast<const xmlNode*>(doc);
  const xmlNode* node = doc->children;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE) {
      out.push_back(node);
      if (node->children != nullptr) {
        node = node->children;
        continue;
      }
    }
    while (node != nullptr && node->next == nullptr) node = node->parent == top ? nullptr : node->parent;
    if (node != nullptr) node = node->next;
  }
  return out;
}

// Where the elements of a parsed document start in its text. libxml2 names the node of a schema
// error and its line (at most 65535) but no column, and searching the line for "<name" finds the
// wrong element when the line holds several of that name, as on a file written on one line.
// The n-th element of the tree is the n-th start tag of the text, so both are listed once, at
// the first schema error, and paired.
class ElementPlaces {
public:
  ElementPlaces(std::string_view xml, const xmlDoc* doc) : m_lines(xml) {
    const std::vector<std::size_t> starts = start_tag_offsets(xml);
    const std::vector<const xmlNode*> elements = elements_of(doc);
    // They differ only for text the scan cannot read, such as UTF-16: then places stay unknown.
    if (starts.size() != elements.size()) return;
    for (std::size_t n = 0; n < elements.size(); ++n) m_offsets.emplace(elements[n], starts[n]);
  }

  // The place of the '<' of `node`'s element (an attribute or text node's parent element).
  std::optional<LineColumn> at(const xmlNode* node) const {
    while (node != nullptr && node->type != XML_ELEMENT_NODE) node = node->parent;
    const auto found = m_offsets.find(node);
    if (found == m_offsets.end()) return std::nullopt;
    return m_lines.at(found->second);
  }

private:
  LineIndex m_lines;
  std::unordered_map<const xmlNode*, std::size_t> m_offsets;
};

struct Collector {
  std::string_view xml;
  const std::filesystem::path* path = nullptr;
  const xmlDoc* doc = nullptr;  // once parsed: schema errors name its nodes
  std::vector<Diagnostic> diagnostics;
  std::optional<ElementPlaces> places;  // built at the first schema error; a valid file needs none
};

std::string clean_message(const char* raw) {
  std::string message = raw != nullptr ? raw : "invalid XML";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  // libxml2 opens schema messages with "Element 'x': "; keep it, it names the element. Its
  // messages start upper-case; ours are lower-case.
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message;
}

void collect(void* context, xmlErrorPtr error) {
  auto* collector = static_cast<Collector*>(context);
  if (error == nullptr || error->level == XML_ERR_WARNING) return;
  SourceLocation where{.file = *collector->path, .line = error->line};
  if (error->domain != XML_FROM_SCHEMASV) {
    where.column = error->int2;  // libxml2 gives a column for parse errors only
  } else if (collector->doc != nullptr) {
    if (!collector->places) collector->places.emplace(collector->xml, collector->doc);
    if (const auto lc = collector->places->at(static_cast<const xmlNode*>(error->node))) {
      where.line = lc->line;
      where.column = lc->column;
    }
  }
  collector->diagnostics.push_back({where, clean_message(error->message)});
}

struct SchemaDeleter {
  void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
  void operator()(xmlSchema* p) const { xmlSchemaFree(p); }
  void operator()(xmlSchemaValidCtxt* p) const { xmlSchemaFreeValidCtxt(p); }
  void operator()(xmlDoc* p) const { xmlFreeDoc(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, SchemaDeleter>;

// Restores libxml2's error handler when validation ends, however it ends.
class ErrorHandlerScope {
public:
  explicit ErrorHandlerScope(Collector* collector) { xmlSetStructuredErrorFunc(collector, collect); }
  ~ErrorHandlerScope() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
  ErrorHandlerScope(const ErrorHandlerScope&) = delete;
  ErrorHandlerScope& operator=(const ErrorHandlerScope&) = delete;
};

// The schema compiled from `xsd`, compiled once per process: compiling costs more than
// validating a file, and a checklist is one file per item. libxml2 only reads a compiled schema
// while validating, so every thread may share it.
const xmlSchema* compiled_schema(std::string_view xsd, const std::filesystem::path& xsd_name) {
  static std::mutex mutex;
  static std::map<std::string, Owned<xmlSchema>, std::less<>> compiled;
  // libxml2 2.9 sets up its global state on first use, which is only safe on one thread at a time.
  static std::once_flag initialised;
  std::call_once(initialised, xmlInitParser);
  const std::lock_guard lock(mutex);
  if (const auto found = compiled.find(xsd); found != compiled.end()) return found->second.get();
  Collector schema_errors{.xml = xsd, .path = &xsd_name};
  Owned<xmlSchema> schema;
  {
    ErrorHandlerScope scope(&schema_errors);
    Owned<xmlSchemaParserCtxt> parser(xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size())));
    if (parser) schema.reset(xmlSchemaParse(parser.get()));
  }
  if (!schema) throw std::logic_error("the built-in schema " + xsd_name.string() + " does not compile");
  return compiled.emplace(std::string(xsd), std::move(schema)).first->second.get();
}

}  // namespace

std::vector<Diagnostic> validate_xml(std::string_view xml, const std::filesystem::path& path, std::string_view xsd,
                                     const std::filesystem::path& xsd_name) {
  const xmlSchema* schema = compiled_schema(xsd, xsd_name);
  Collector collector{.xml = xml, .path = &path};
  ErrorHandlerScope scope(&collector);
  Owned<xmlDoc> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), path.string().c_str(), nullptr, XML_PARSE_NONET));
  if (!doc) {
    if (collector.diagnostics.empty()) collector.diagnostics.push_back({{.file = path}, "not well-formed XML"});
    return std::move(collector.diagnostics);
  }
  // The formats have no DTD: a DOCTYPE could only bring entities (expansion bombs, external files),
  // and libxml2's validator fails on their references with an internal error.
  if (doc->intSubset != nullptr) {
    const std::size_t at = xml.find("<!DOCTYPE");
    const int line = at == std::string_view::npos ? 0 : line_column_at(xml, at).line;
    collector.diagnostics.push_back(
        {{.file = path, .line = line},
         "a DOCTYPE is not allowed: remove the <!DOCTYPE ...> declaration and its entities"});
    return std::move(collector.diagnostics);
  }
  collector.doc = doc.get();
  Owned<xmlSchemaValidCtxt> validator(xmlSchemaNewValidCtxt(const_cast<xmlSchema*>(schema)));
  if (!validator) throw std::bad_alloc();
  xmlSchemaSetValidStructuredErrors(validator.get(), collect, &collector);
  // Below zero is libxml2's own failure, which may come without a message: never "valid" then.
  if (xmlSchemaValidateDoc(validator.get(), doc.get()) < 0 && collector.diagnostics.empty()) {
    throw std::runtime_error("libxml2 could not validate " + path.string() + " against " + xsd_name.string());
  }
  return std::move(collector.diagnostics);
}

}  // namespace unct
