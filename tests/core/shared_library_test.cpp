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

}  // namespace
}  // namespace unct
