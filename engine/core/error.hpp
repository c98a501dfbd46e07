#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace unct {

// Where a problem sits in user input. Unknown parts stay empty or 0.
struct SourceLocation {
  std::filesystem::path file;
  int line = 0;         // 1-based
  int column = 0;       // 1-based
  int page = 0;         // paged input (PDF)
  std::string item_id;  // checklist item, e.g. "RDM-CCA-01"
  // The request's field at fault, as the engine's options name it ("items", "sections"), so a
  // front end can point at its own control for it (a command-line flag, a form field).
  std::string field;

  bool operator==(const SourceLocation&) const = default;
};

// "file:line:col: item X: " with the unknown parts left out; empty when nothing is known.
std::string to_string(const SourceLocation& where);

// Input the user can fix: a checklist, a document, an option, a database file. The CLI exits 2.
// what() reads "file:line:col: item RDM-CCA-01: message".
class InputError : public std::runtime_error {
public:
  InputError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const noexcept { return m_where; }
  // The message without its location prefix.
  const std::string& message() const noexcept { return m_message; }

private:
  SourceLocation m_where;
  std::string m_message;
};

// 1-based line and column of a byte offset in text. Columns count code points, as editors do.
struct LineColumn {
  int line = 1;
  int column = 1;
  bool operator==(const LineColumn&) const = default;
};
// Counts from the start of `text`: for one offset. For many offsets in one text, use LineIndex.
LineColumn line_column_at(std::string_view text, std::size_t offset);

// The same answer as line_column_at for any number of offsets in one text, each lookup costing a
// binary search and a count of at most 128 bytes however long the line. Reporting a place per
// node of a file written on one line would otherwise rescan the file for each node.
// Requires: `text` outlives the index.
class LineIndex {
public:
  explicit LineIndex(std::string_view text);  // one pass over the text
  LineColumn at(std::size_t offset) const;

private:
  std::size_t code_points_before(std::size_t offset) const;

  std::string_view m_text;
  std::vector<std::size_t> m_line_starts;  // offset of each line's first byte; the first is 0
  std::vector<std::size_t> m_checkpoints;  // code points before byte 64 * n
};

// One problem in an input file (a checklist, a workshop pack), at file:line:column.
struct Diagnostic {
  SourceLocation where;
  std::string message;
  bool operator==(const Diagnostic&) const = default;
};

std::string to_string(const Diagnostic& diagnostic);  // "file:line:col: item X: message"

}  // namespace unct
