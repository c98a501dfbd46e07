#include "engine/core/ascii.hpp"

#include <gtest/gtest.h>

namespace unct {
namespace {

TEST(Ascii, CaseChangesOnlyAsciiLetters) {
  EXPECT_EQ(ascii_lower("CERD/C/Été"), "cerd/c/Été");
  EXPECT_EQ(ascii_upper("rdm-cca-01 é"), "RDM-CCA-01 é");
}

TEST(Ascii, EveryLineBreakBecomesASpace) {
  std::string text = "\nRoma\nof the north\n\nface racism.\n";
  line_breaks_to_spaces(text);
  EXPECT_EQ(text, " Roma of the north  face racism. ");
  std::string none = "one line";
  line_breaks_to_spaces(none);
  EXPECT_EQ(none, "one line");
}

}  // namespace
}  // namespace unct
