#include "engine/report/layout.hpp"

#include <algorithm>
#include <sstream>

namespace unct::report {

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string fit(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && shown == width - 3 && display_width(text) > width) {
      out += "...";
      shown = width;
      break;
    }
    if (starts_char) ++shown;
    out += text[i];
  }
  out.append(width > shown ? width - shown : 0, ' ');
  return out;
}

std::string wrap(std::string_view text, std::size_t indent, std::size_t width) {
  std::istringstream words{std::string(text)};
  std::string out;
  std::string line;
  for (std::string word; words >> word;) {
    if (!line.empty() && indent + display_width(line) + 1 + display_width(word) > width) {
      out += std::string(indent, ' ') + line + '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += std::string(indent, ' ') + line + '\n';
  return out;
}

}  // namespace unct::report
