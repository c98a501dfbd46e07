#include "engine/report/xlsx.hpp"

#include "engine/core/error.hpp"
#include "engine/report/xlsx_library.hpp"

#include <type_traits>

namespace unct::report {

const Xlsxwriter& lxw() {
  return functions_of<Xlsxwriter>(UNCT_XLSXWRITER_SONAME, UNCT_XLSXWRITER_PACKAGE, "writing XLSX workbooks");
}

namespace {

static_assert(std::is_same_v<lxw_row_t, std::uint32_t> && std::is_same_v<lxw_col_t, std::uint16_t>,
              "row_at and col_at return libxlsxwriter's index types");

// The level colours of the HTML reports, with a text colour that reads on them.
struct LevelStyle {
  Level level;
  lxw_color_t fill;
  lxw_color_t text;
};
constexpr LevelStyle k_level_styles[] = {{Level::missing, 0xC0392B, LXW_COLOR_WHITE},
                                         {Level::approaches, 0xE67E22, LXW_COLOR_WHITE},
                                         {Level::meets, 0x27AE60, LXW_COLOR_WHITE},
                                         {Level::exceeds, 0x1E6FB8, LXW_COLOR_WHITE}};

}  // namespace

Workbook::Workbook(const std::filesystem::path& path) : m_path(path) {
  m_book = lxw().workbook_new(path.string().c_str());
  if (m_book == nullptr) throw InputError({.file = path}, "cannot create the workbook");
  m_header = lxw().workbook_add_format(m_book);
  lxw().format_set_bold(m_header);
  lxw().format_set_bg_color(m_header, 0xD9E2F3);
  lxw().format_set_bottom(m_header, LXW_BORDER_THIN);
  lxw().format_set_text_wrap(m_header);
  lxw().format_set_align(m_header, LXW_ALIGN_VERTICAL_TOP);
  m_wrap = lxw().workbook_add_format(m_book);
  lxw().format_set_text_wrap(m_wrap);
  lxw().format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
  m_percent = lxw().workbook_add_format(m_book);
  lxw().format_set_num_format(m_percent, "0%");
  for (const LevelStyle& style : k_level_styles) {
    lxw_format* format = lxw().workbook_add_format(m_book);
    lxw().format_set_bg_color(format, style.fill);
    lxw().format_set_font_color(format, style.text);
    lxw().format_set_align(format, LXW_ALIGN_CENTER);
    m_levels[style.level] = format;
  }
}

Workbook::~Workbook() {
  if (m_book != nullptr) lxw().workbook_close(m_book);  // only on an error path: close() clears m_book
}

lxw_worksheet* Workbook::sheet(const char* name) { return lxw().workbook_add_worksheet(m_book, name); }

void Workbook::close() {
  const lxw_error error = lxw().workbook_close(m_book);
  m_book = nullptr;
  if (error != LXW_NO_ERROR)
    throw InputError({.file = m_path}, std::string("cannot write the workbook: ") + lxw().lxw_strerror(error));
}

void write_headers(lxw_worksheet* sheet, const std::vector<std::string>& names, lxw_format* format) {
  for (std::size_t c = 0; c < names.size(); ++c)
    lxw().worksheet_write_string(sheet, 0, col_at(c), names[c].c_str(), format);
  lxw().worksheet_freeze_panes(sheet, 1, 0);
}

void write_atomically(const std::filesystem::path& path, const std::function<void(Workbook&)>& write) {
  std::filesystem::path partial = path;
  partial += ".part";
  try {
    Workbook book(partial);
    write(book);
    book.close();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    std::filesystem::remove(partial, error);
    throw InputError({.file = path}, "cannot write the workbook: " + error.message());
  }
}

}  // namespace unct::report
