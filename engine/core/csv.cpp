#include "engine/core/csv.hpp"

#include "engine/core/ascii.hpp"
#include "engine/core/error.hpp"
#include "engine/core/file.hpp"

#include <csv.h>

#include <memory>

namespace unct {
namespace {

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// What libcsv's callbacks fill in: the rows, and the line the row being read started on.
struct Collector {
  std::vector<CsvRow> rows;
  CsvRow current;
  bool in_row = false;
  int line = 1;  // the line being fed to the parser

  void field(std::string_view text) {
    if (!in_row) {
      current.line = line;
      in_row = true;
    }
    current.fields.emplace_back(text);
  }
  void end_row() {
    if (in_row) rows.push_back(std::move(current));
    current = {};
    in_row = false;
  }
};

void on_field(void* text, std::size_t size, void* data) {
  static_cast<Collector*>(data)->field({static_cast<const char*>(text), size});
}
void on_row(int, void* data) { static_cast<Collector*>(data)->end_row(); }

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  const std::string wanted = ascii_lower(trimmed(name));
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (ascii_lower(header[i]) == wanted) return i;
  }
  return std::nullopt;
}

std::string CsvTable::field(const CsvRow& row, std::optional<std::size_t> column) const {
  if (!column || *column >= row.fields.size()) return {};
  return trimmed(row.fields[*column]);
}

CsvTable parse_csv(std::string_view text, const std::filesystem::path& path) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  const std::unique_ptr<csv_parser, void (*)(csv_parser*)> owner(&parser, csv_free);
  Collector collector;
  // Fed a line at a time, so that each row knows the line it starts on.
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t newline = text.find('\n', begin);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    const std::string_view line = text.substr(begin, end - begin);
    if (csv_parse(&parser, line.data(), line.size(), on_field, on_row, &collector) != line.size()) {
      throw InputError({.file = path, .line = collector.line},
                       std::string("not valid CSV: ") + csv_strerror(csv_error(&parser)) +
                           " (a quote inside an unquoted field, or text after a closing quote)");
    }
    ++collector.line;
    begin = end;
  }
  if (csv_fini(&parser, on_field, on_row, &collector) != 0) {
    throw InputError({.file = path, .line = collector.current.line}, "not valid CSV: a quoted field is never closed");
  }
  // A row of empty fields (",,,") is a blank line to a spreadsheet user.
  std::erase_if(collector.rows, [](const CsvRow& row) {
    for (const std::string& f : row.fields) {
      if (!trimmed(f).empty()) return false;
    }
    return true;
  });
  if (collector.rows.empty()) throw InputError({.file = path}, "empty CSV file: the first row must name the columns");
  CsvTable table{.path = path};
  for (const std::string& name : collector.rows.front().fields) table.header.push_back(trimmed(name));
  table.rows.assign(std::make_move_iterator(collector.rows.begin() + 1), std::make_move_iterator(collector.rows.end()));
  return table;
}

CsvTable read_csv(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  return parse_csv(read_file(path, max_bytes), path);
}

}  // namespace unct
