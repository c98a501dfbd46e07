#include "engine/signals/pattern/pattern.hpp"

#include "tests/signals/fixture.hpp"

namespace unct::signals {
namespace {

using PatternSignal = test::SignalTest;

// The signal checklist holds one pattern, "cerd/c/[a-z]+/co/[0-9-]+": the compile step prepares
// only the expressions some criterion uses.
TEST_F(PatternSignal, SeesEveryBlockKind) {
  const Pattern symbol{.regex = "cerd/c/[a-z]+/co/[0-9-]+"};
  for (const char* text : {"# CERD/C/VAL/CO/18-20\n", "See CERD/C/VAL/CO/18-20, para. 12.\n", "- CERD/C/VAL/CO/18-20\n",
                           "| Source |\n|---|\n| CERD/C/VAL/CO/18-20 |\n", "CERD/C/VAL/CO/18-20"}) {
    read(text);
    EXPECT_TRUE(holds(symbol)) << text;
  }
  read("CERD has concluding observations; see CERD/C/VAL/CO.\n");
  EXPECT_FALSE(holds(symbol));
  read("CERD/C/VAL/CO/18-20 and CERD/C/VAL/CO/21-23.\n");
  EXPECT_TRUE(holds(Pattern{.regex = symbol.regex, .min_count = 2}));
  EXPECT_FALSE(holds(Pattern{.regex = symbol.regex, .min_count = 3}));
  EXPECT_FALSE(holds(Pattern{.regex = symbol.regex, .part = "lnob"}));
  // The expression's literal start ("cerd/c/") found where no match begins, then a match after it.
  read("Under CERD/C/ rules, see CERD/C/VAL/CO/18-20.\n");
  EXPECT_TRUE(holds(symbol));
  EXPECT_FALSE(holds(Pattern{.regex = symbol.regex, .min_count = 2}));
}

TEST(PatternDescribe, QuotesTheExpression) {
  EXPECT_EQ((Pattern{.regex = "cerd/c", .min_count = 2}.describe()), "pattern(/cerd/c/, at least 2)");
}

TEST(PatternCollect, NamesEachExpressionOnce) {
  Needs needs;
  Pattern{.regex = "a+"}.collect(needs);
  Pattern{.regex = "a+", .min_count = 2}.collect(needs);
  EXPECT_EQ(needs.regexes, std::vector<std::string>{"a+"});
  EXPECT_TRUE(needs.sets.empty());
}

}  // namespace
}  // namespace unct::signals
