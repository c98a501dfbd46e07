#pragma once

// libxlsxwriter's functions that the workbooks call, taken from the library when a workbook is
// first written (engine/core/shared_library.hpp says why): `lxw().worksheet_write_string(...)`.
// For the report's .cpp files only: xlsx.hpp keeps libxlsxwriter out of its users.

#include "engine/core/shared_library.hpp"

#include <xlsxwriter.h>

namespace unct::report {

#define UNCT_XLSXWRITER_FUNCTIONS(X) \
  X(workbook_new)                    \
  X(workbook_add_format)             \
  X(workbook_add_worksheet)          \
  X(workbook_close)                  \
  X(format_set_bold)                 \
  X(format_set_bg_color)             \
  X(format_set_bottom)               \
  X(format_set_text_wrap)            \
  X(format_set_align)                \
  X(format_set_num_format)           \
  X(format_set_font_color)           \
  X(lxw_strerror)                    \
  X(worksheet_write_string)          \
  X(worksheet_freeze_panes)          \
  X(worksheet_set_column)            \
  X(worksheet_write_number)          \
  X(worksheet_write_comment)         \
  X(worksheet_autofilter)            \
  X(worksheet_data_validation_range)

struct Xlsxwriter {
  UNCT_XLSXWRITER_FUNCTIONS(UNCT_FUNCTION_MEMBER)
  void bind(const SharedLibrary& library) { UNCT_XLSXWRITER_FUNCTIONS(UNCT_FUNCTION_BIND) }
};

// Throws MissingLibrary (engine/core/shared_library.hpp) when the library cannot be loaded.
const Xlsxwriter& lxw();

}  // namespace unct::report
