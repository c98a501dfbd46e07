#pragma once

// What the workbooks (portfolio, self-assessment form) share: a workbook with the formats they
// use, written beside its path and renamed into place. libxlsxwriter stays in the .cpp files: its
// types are only named here.

#include "engine/core/level.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace unct::report {

class Workbook {
public:
  // Throws InputError naming the file when it cannot be created.
  explicit Workbook(const std::filesystem::path& path);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_worksheet* sheet(const char* name);
  lxw_format* header() const { return m_header; }
  lxw_format* wrap() const { return m_wrap; }
  lxw_format* percent() const { return m_percent; }
  lxw_format* level(Level level) const { return m_levels.at(level); }

  // Writes the file. Throws InputError naming it when that fails.
  void close();

private:
  std::filesystem::path m_path;
  lxw_workbook* m_book = nullptr;
  lxw_format* m_header = nullptr;
  lxw_format* m_wrap = nullptr;
  lxw_format* m_percent = nullptr;
  std::map<Level, lxw_format*> m_levels;
};

// A row or column index as libxlsxwriter takes it (lxw_row_t, lxw_col_t).
inline std::uint32_t row_at(std::size_t i) { return static_cast<std::uint32_t>(i); }
inline std::uint16_t col_at(std::size_t i) { return static_cast<std::uint16_t>(i); }

// The column names in the first row, in `format`, frozen above the rest.
void write_headers(lxw_worksheet* sheet, const std::vector<std::string>& names, lxw_format* format);

// Runs `write` on a workbook beside `path`, then renames it into place: a failure never leaves
// half a workbook. Throws InputError naming the file when it cannot be written.
void write_atomically(const std::filesystem::path& path, const std::function<void(Workbook&)>& write);

}  // namespace unct::report
