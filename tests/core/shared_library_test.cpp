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
  const SharedLibrary c("libc.so.6", "libc6");
  const auto length = c.function<decltype(::strlen)>("strlen");
  EXPECT_EQ(length("minority"), 8u);
}

TEST(SharedLibrary, AMissingLibraryNamesItAndItsPackage) {
  EXPECT_THAT([] { SharedLibrary("libunct-no-such.so.9", "libunct-no-such9"); },
              ThrowsMessage<std::runtime_error>(
                  AllOf(HasSubstr("cannot load libunct-no-such.so.9"), HasSubstr("Debian package libunct-no-such9"))));
}

TEST(SharedLibrary, AMissingFunctionNamesTheLibrary) {
  const SharedLibrary c("libc.so.6", "libc6");
  EXPECT_THAT([&] { c.function<void()>("unct_no_such_function"); },
              ThrowsMessage<std::runtime_error>(HasSubstr("libc.so.6 has no function unct_no_such_function")));
}

}  // namespace
}  // namespace unct
