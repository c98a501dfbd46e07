#pragma once

#include <string>
#include <string_view>

namespace unct::report {

// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line break.
// Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
// return: document text may) gets a leading apostrophe, as OWASP recommends, and is quoted.
inline std::string csv_field(std::string_view field) {
  const bool formula = !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
  if (!formula && field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = formula ? "\"'" : "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace unct::report
