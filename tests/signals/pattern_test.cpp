#include "engine/signals/pattern/pattern.hpp"

#include "engine/rules/document_index.hpp"
#include "tests/signals/fixture.hpp"

#include <re2/re2.h>

#include <string>
#include <utility>
#include <vector>

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

// Blocks without an expression's literal start are not given to RE2: the start must be one every
// match has, whatever the expression's author wrote.
TEST(PatternLiteralPrefix, IsWhatEveryMatchStartsWith) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"cerd/c/[a-z]{2,4}/co/[0-9]+(-[0-9]+)?", "cerd/c/"},
      {"a/hrc/[0-9]+/[0-9]+", "a/hrc/"},
      {"cerd/cx?", "cerd/c"},
      {"cerd/c*", "cerd/"},
      {"cerd/c+", "cerd/"},
      {"ab{0}c", "a"},  // 'b' may be absent, so the start is only "a"
      {"xyz|cerd", ""},
      {"(?i)cerd", ""},
      {"[c]erd", ""},
      {"\\Qcerd\\E", ""},
      {"cerd\\/c", "cerd"},
      {"^cerd", ""},
      {"cerd.c", "cerd"},
      {"égalité", ""},
      {"(cerd)", ""},
  };
  for (const auto& [pattern, expected] : cases) {
    const std::string prefix = rules::literal_prefix(pattern);
    EXPECT_EQ(prefix, expected) << pattern;
    // Whatever RE2 finds in these texts starts with the prefix.
    const re2::RE2 regex(pattern, re2::RE2::Quiet);
    ASSERT_TRUE(regex.ok()) << pattern;
    for (const std::string text : {"cerd/c/val/co/18-20", "cerd/", "cerd/cx", "ac", "xyz", "CERD", "égalité cerd.c",
                                   "a/hrc/1/2", "cerd/ccc", "cerd"}) {
      re2::StringPiece match;
      if (regex.Match(text, 0, text.size(), re2::RE2::UNANCHORED, &match, 1)) {
        EXPECT_EQ(std::string(match.data(), match.size()).rfind(prefix, 0), 0U) << pattern << " in " << text;
      }
    }
  }
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
