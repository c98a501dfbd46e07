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

namespace {

// The names a form or answer sheet may hold, per level: the short and the UN scorecard wording in
// English, French and Spanish, lower-cased. The reports print them from their catalogue
// (engine/report/messages.cpp), which sits above the readers; tests/report/messages_test.cpp checks
// every name printed there reads back here.
constexpr std::string_view k_level_names[4][6] = {
    {"missing", "manquant", "ausente", "missing", "manquant", "ausente"},
    {"approaches", "s'approche", "se aproxima", "approaches minimum requirements", "s'approche des exigences minimales",
     "se aproxima a los requisitos mínimos"},
    {"meets", "répond", "cumple", "meets minimum requirements", "répond aux exigences minimales",
     "cumple los requisitos mínimos"},
    {"exceeds", "dépasse", "supera", "exceeds minimum requirements", "dépasse les exigences minimales",
     "supera los requisitos mínimos"},
};

// Lower case for ASCII and the Latin-1 capitals French and Spanish write (É, À, Ñ...: UTF-8 C3 80 to
// C3 9E but for ×), the typographic apostrophe as the plain one, and runs of spaces as one, so that
// "RÉPOND" and "S’approche" read like "répond" and "s'approche".
std::string folded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      out += static_cast<char>(0xC3);
      out += static_cast<char>(next + 0x20);
      ++i;
    } else if (text.substr(i, 3) == "\xE2\x80\x99") {  // U+2019 RIGHT SINGLE QUOTATION MARK
      out += '\'';
      i += 2;
    } else if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::optional<Level> parse_level_name(std::string_view text) {
  const std::string wanted = folded(text);
  for (Level level : k_levels) {
    for (std::string_view name : k_level_names[static_cast<std::size_t>(level)]) {
      if (wanted == name) return level;
    }
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
