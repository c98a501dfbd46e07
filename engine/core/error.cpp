#include "engine/core/error.hpp"

#include <algorithm>

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

namespace {

// Code points are counted from the checkpoint before an offset: small enough to keep each lookup
// short, large enough that the checkpoints take an eighth of the text's size in memory at most.
constexpr std::size_t k_checkpoint_bytes = 64;

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : m_text(text), m_line_starts{0} {
  m_checkpoints.reserve(text.size() / k_checkpoint_bytes + 1);
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % k_checkpoint_bytes == 0) m_checkpoints.push_back(code_points);
    if (text[i] == '\n') m_line_starts.push_back(i + 1);
    if (starts_code_point(text[i])) ++code_points;
  }
  if (text.size() % k_checkpoint_bytes == 0) m_checkpoints.push_back(code_points);
}

std::size_t LineIndex::code_points_before(std::size_t offset) const {
  const std::size_t checkpoint = offset / k_checkpoint_bytes;
  std::size_t code_points = m_checkpoints[checkpoint];
  for (std::size_t i = checkpoint * k_checkpoint_bytes; i < offset; ++i) {
    if (starts_code_point(m_text[i])) ++code_points;
  }
  return code_points;
}

LineColumn LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  // The last line start at or before the offset; a '\n' itself belongs to the line it ends.
  const auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  const std::size_t line_start = *(next - 1);
  return {.line = static_cast<int>(next - m_line_starts.begin()),
          .column = static_cast<int>(code_points_before(offset) - code_points_before(line_start)) + 1};
}

}  // namespace unct
