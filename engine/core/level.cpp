#include "engine/core/level.hpp"

#include "engine/core/ascii.hpp"

namespace unct {

std::string_view code(Level level) {
  switch (level) {
    case Level::missing: return "missing";
    case Level::approaches: return "approaches";
    case Level::meets: return "meets";
    case Level::exceeds: return "exceeds";
  }
  return "missing";
}

std::string_view label(Level level) {
  switch (level) {
    case Level::missing: return "Missing";
    case Level::approaches: return "Approaches";
    case Level::meets: return "Meets";
    case Level::exceeds: return "Exceeds";
  }
  return "Missing";
}

std::optional<Level> parse_level(std::string_view text) {
  const std::string wanted = ascii_lower(text);
  for (Level level : k_levels) {
    if (wanted == code(level)) return level;
  }
  return std::nullopt;
}

std::string_view code(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::cca: return "cca";
    case DocumentKind::cf: return "cf";
    case DocumentKind::serp: return "serp";
  }
  return "cca";
}

std::string_view label(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::cca: return "Common Country Analysis";
    case DocumentKind::cf: return "Cooperation Framework";
    case DocumentKind::serp: return "Socio-economic response plan";
  }
  return "";
}

std::optional<DocumentKind> parse_document_kind(std::string_view text) {
  const std::string wanted = ascii_lower(text);
  for (DocumentKind kind : {DocumentKind::cca, DocumentKind::cf, DocumentKind::serp}) {
    if (wanted == code(kind)) return kind;
  }
  if (wanted == "undaf") return DocumentKind::cf;
  return std::nullopt;
}

}  // namespace unct
