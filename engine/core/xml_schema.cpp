#include "engine/core/xml_schema.hpp"

#include "engine/core/error.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <cctype>
#include <memory>
#include <stdexcept>
#include <string>

namespace unct {
namespace {

struct Collector {
  std::string_view xml;
  const std::filesystem::path* path = nullptr;
  std::vector<Diagnostic> diagnostics;
};

// libxml2 gives a column for parse errors only; for schema errors it names the element, so the
// column is where "<name" starts on that line.
int column_of_element(std::string_view xml, int line, const xmlNode* node) {
  if (node == nullptr || node->name == nullptr || line <= 0) return 0;
  std::size_t start = 0;
  for (int l = 1; l < line && start != std::string_view::npos; ++l) {
    start = xml.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return 0;
  const std::size_t end = xml.find('\n', start);
  const std::string_view text = xml.substr(start, end == std::string_view::npos ? end : end - start);
  std::string needle = "<";
  needle += reinterpret_cast<const char*>(node->name);
  const std::size_t at = text.find(needle);
  return at == std::string_view::npos ? 0 : line_column_at(text, at).column;
}

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
  if (error->domain == XML_FROM_SCHEMASV) {
    where.column = column_of_element(collector->xml, error->line, static_cast<const xmlNode*>(error->node));
  } else {
    where.column = error->int2;
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

}  // namespace

std::vector<Diagnostic> validate_xml(std::string_view xml, const std::filesystem::path& path, std::string_view xsd,
                                     const std::filesystem::path& xsd_name) {
  Collector schema_errors{.xml = xsd, .path = &xsd_name};
  Collector collector{.xml = xml, .path = &path};

  Owned<xmlSchema> schema;
  {
    ErrorHandlerScope scope(&schema_errors);
    Owned<xmlSchemaParserCtxt> parser(xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size())));
    if (parser) schema.reset(xmlSchemaParse(parser.get()));
  }
  if (!schema) throw std::logic_error("the built-in schema " + xsd_name.string() + " does not compile");

  ErrorHandlerScope scope(&collector);
  Owned<xmlDoc> doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), path.string().c_str(), nullptr,
                                  XML_PARSE_NONET));
  if (!doc) {
    if (collector.diagnostics.empty()) collector.diagnostics.push_back({{.file = path}, "not well-formed XML"});
    return std::move(collector.diagnostics);
  }
  // The formats have no DTD: a DOCTYPE could only bring entities (expansion bombs, external files),
  // and libxml2's validator fails on their references with an internal error.
  if (doc->intSubset != nullptr) {
    const std::size_t at = xml.find("<!DOCTYPE");
    const int line = at == std::string_view::npos ? 0 : line_column_at(xml, at).line;
    collector.diagnostics.push_back({{.file = path, .line = line},
                                     "a DOCTYPE is not allowed: remove the <!DOCTYPE ...> declaration and its entities"});
    return std::move(collector.diagnostics);
  }
  Owned<xmlSchemaValidCtxt> validator(xmlSchemaNewValidCtxt(schema.get()));
  xmlSchemaSetValidStructuredErrors(validator.get(), collect, &collector);
  xmlSchemaValidateDoc(validator.get(), doc.get());
  return std::move(collector.diagnostics);
}

}  // namespace unct
