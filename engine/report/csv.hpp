#pragma once

#include <string>
#include <string_view>

namespace unct::report {

// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line break.
inline std::string csv_field(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace unct::report
