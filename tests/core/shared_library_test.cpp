#include "engine/core/shared_library.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>

namespace unct {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

TEST(SharedLibrary, GivesAFunctionOfTheLibrary) {
  const SharedLibrary c("libc.so.6", "libc6", "counting");
  const auto length = c.function<decltype(::strlen)>("strlen");
  EXPECT_EQ(length("minority"), 8u);
}

TEST(SharedLibrary, AMissingLibraryNamesItAndItsPackage) {
  EXPECT_THAT([] { SharedLibrary("libunct-no-such.so.9", "libunct-no-such9", "reading DOCX files"); },
              ThrowsMessage<MissingLibrary>(AllOf(HasSubstr("reading DOCX files needs libunct-no-such.so.9"),
                                                  HasSubstr("install Debian's package libunct-no-such9"))));
}

TEST(SharedLibrary, AMissingFunctionNamesTheLibrary) {
  const SharedLibrary c("libc.so.6", "libc6", "counting");
  EXPECT_THAT([&] { c.function<void()>("unct_no_such_function"); },
              ThrowsMessage<MissingLibrary>(HasSubstr("libc.so.6 has no function unct_no_such_function")));
}

#define UNCT_TEST_LIBC_FUNCTIONS(X) \
  X(strlen)                         \
  X(strspn)

struct Libc {
  UNCT_TEST_LIBC_FUNCTIONS(UNCT_FUNCTION_MEMBER)
  void bind(const SharedLibrary& library) { UNCT_TEST_LIBC_FUNCTIONS(UNCT_FUNCTION_BIND) }
};

struct Absent {
  UNCT_TEST_LIBC_FUNCTIONS(UNCT_FUNCTION_MEMBER)
  void bind(const SharedLibrary& library) { UNCT_TEST_LIBC_FUNCTIONS(UNCT_FUNCTION_BIND) }
};

TEST(SharedLibrary, FunctionsOfLoadsATableOnce) {
  const Libc& first = functions_of<Libc>("libc.so.6", "libc6", "counting");
  EXPECT_EQ(first.strlen("Roma"), 4u);
  EXPECT_EQ(first.strspn("Afro-descendant", "Afro"), 4u);
  EXPECT_EQ(&functions_of<Libc>("libc.so.6", "libc6", "counting"), &first);
}

TEST(SharedLibrary, FunctionsOfAMissingLibraryFailsEachTime) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    EXPECT_THAT([] { functions_of<Absent>("libunct-absent.so.1", "libunct-absent1", "testing"); },
                ThrowsMessage<MissingLibrary>(HasSubstr("testing needs libunct-absent.so.1")));
  }
}

}  // namespace
}  // namespace unct
