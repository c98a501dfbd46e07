#include "cli/guard.hpp"

#include "cli/run.hpp"
#include "engine/core/error.hpp"
#include "engine/core/shared_library.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

namespace unct::cli {
namespace {

TEST(Guard, AMissingLibraryIsNamedAndNotCalledAnInternalError) {
  std::ostringstream err;
  const int code = run_guarded(err, []() -> int {
    throw MissingLibrary("writing XLSX workbooks needs libxlsxwriter.so.4, which cannot be loaded");
  });
  EXPECT_EQ(code, k_exit_internal_error);
  EXPECT_EQ(err.str(), "unct-assess: writing XLSX workbooks needs libxlsxwriter.so.4, which cannot be loaded\n");
}

TEST(Guard, BadInputAndInternalErrorsKeepTheirCodes) {
  std::ostringstream bad;
  EXPECT_EQ(run_guarded(bad, []() -> int { throw InputError({.file = "a.md"}, "empty"); }), k_exit_bad_input);
  EXPECT_EQ(bad.str(), "unct-assess: a.md: empty\n");
  std::ostringstream internal;
  EXPECT_EQ(run_guarded(internal, []() -> int { throw std::logic_error("broken"); }), k_exit_internal_error);
  EXPECT_EQ(internal.str(), "unct-assess: internal error: broken\n");
}

}  // namespace
}  // namespace unct::cli
