#pragma once

// Reading tables users write by hand or save from a spreadsheet (CSV, or an XLSX workbook's first
// sheet): batch manifests, gold
// ratings, self-assessment and workshop answer sheets. RFC 4180 (quoted fields, doubled quotes,
// line breaks inside quotes) via libcsv; a UTF-8 byte-order mark, as spreadsheets write it, is
// dropped; blank lines are skipped. Each row keeps its line so that errors can point at it.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unct {

struct CsvRow {
  int line = 0;  // 1-based line of the file where the row starts
  std::vector<std::string> fields;
  bool operator==(const CsvRow&) const = default;
};

struct CsvTable {
  std::filesystem::path path;
  std::vector<std::string> header;  // the first row, trimmed
  std::vector<CsvRow> rows;         // the rows after it
  bool operator==(const CsvTable&) const = default;

  // The index of the column named `name` (case and surrounding spaces ignored); nullopt when absent.
  std::optional<std::size_t> column(std::string_view name) const;
  // The trimmed field of `row` in `column`, or "" when the row is shorter or the column is absent.
  std::string field(const CsvRow& row, std::optional<std::size_t> column) const;
};

// Parses CSV text. Throws InputError naming `path` and the line for an unterminated quote, and
// for text with no header row.
CsvTable parse_csv(std::string_view text, const std::filesystem::path& path);

// Reads and parses a CSV file (at most `max_bytes`). Throws InputError naming the file.
CsvTable read_csv(const std::filesystem::path& path, std::uintmax_t max_bytes = 64u << 20);

// The first worksheet of an XLSX workbook as a table: the first non-empty row is the header,
// and each row keeps its spreadsheet row number as its line. Cells hold their text as shown
// for text, the stored value for numbers. Throws InputError naming the file for a workbook that
// cannot be read.
CsvTable parse_xlsx(std::string_view bytes, const std::filesystem::path& path);

// A CSV file, or an XLSX workbook (by its zip signature): what a user saves from a spreadsheet.
CsvTable read_table(const std::filesystem::path& path, std::uintmax_t max_bytes = 64u << 20);

}  // namespace unct
