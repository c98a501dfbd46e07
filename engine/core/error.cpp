#include "engine/core/error.hpp"

namespace unct {

std::string to_string(const SourceLocation& where) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file.string();
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    if (where.page > 0) out += ": page " + std::to_string(where.page);
    out += ": ";
  }
  if (!where.item_id.empty()) out += "item " + where.item_id + ": ";
  return out;
}

std::string to_string(const Diagnostic& diagnostic) { return to_string(diagnostic.where) + diagnostic.message; }

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(to_string(where) + message), m_where(std::move(where)), m_message(message) {}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  LineColumn at;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // count code points, not continuation bytes
      ++at.column;
    }
  }
  return at;
}

}  // namespace unct
