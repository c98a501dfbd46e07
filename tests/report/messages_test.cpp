#include "engine/report/messages.hpp"
#include "engine/text/unicode.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace unct::report {
namespace {

std::size_t placeholders(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t at = text.find("{}"); at != std::string_view::npos; at = text.find("{}", at + 2)) ++n;
  return n;
}

TEST(Messages, EveryMessageIsWrittenInEveryLanguageWithTheSameArguments) {
  for (std::size_t i = 0; i < static_cast<std::size_t>(Msg::count); ++i) {
    const auto key = static_cast<Msg>(i);
    const std::string_view english = messages("en")[key];
    EXPECT_FALSE(english.empty()) << "message " << i;
    for (std::string_view lang : report_languages()) {
      const std::string_view text = messages(lang)[key];
      EXPECT_FALSE(text.empty()) << "message " << i << " in " << lang;
      EXPECT_EQ(placeholders(text), placeholders(english)) << "message " << i << " in " << lang << ": " << text;
    }
  }
  for (std::string_view lang : report_languages()) {
    for (Level level : k_levels) {
      EXPECT_FALSE(messages(lang).level(level).empty());
      EXPECT_FALSE(messages(lang).un_level(level).empty());
    }
  }
}

TEST(Messages, ArgumentsAreFilledInOrder) {
  EXPECT_EQ(messages("en")(Msg::overall_line, {"4", "15", "27%"}), "4 of 15 applicable items at Meets or above (27%)");
  EXPECT_EQ(messages("fr")(Msg::points_line, {"15", "45"}), "15 points sur 45");
  EXPECT_EQ(messages("es").level(Level::meets), "Cumple");
  EXPECT_EQ(messages("fr").un_level(Level::exceeds), "Dépasse les exigences minimales");
}

TEST(Messages, TheReportLanguageIsTheOneAskedForElseTheDocumentsElseEnglish) {
  EXPECT_EQ(report_language("es", "fr"), "es");
  EXPECT_EQ(report_language("", "fr"), "fr");
  EXPECT_EQ(report_language("", "ar"), "en");
  EXPECT_EQ(report_language("", ""), "en");
  EXPECT_EQ(messages("de").lang(), "en");
}

// Forms and answer sheets are read back in every language they are printed in: each level name the
// catalogue prints, short or in the UN scorecard's wording, reads as its level (parse_level_name
// keeps its own list, below the reports), in capitals too.
TEST(Messages, EveryLevelNamePrintedReadsBackAsItsLevel) {
  for (std::string_view lang : report_languages()) {
    for (Level level : k_levels) {
      const Messages& m = messages(lang);
      EXPECT_EQ(parse_level_name(m.level(level)), level) << lang << ": " << m.level(level);
      EXPECT_EQ(parse_level_name(m.un_level(level)), level) << lang << ": " << m.un_level(level);
      EXPECT_EQ(parse_level_name(text::to_upper(m.un_level(level))), level) << lang << ": " << m.un_level(level);
    }
  }
  EXPECT_EQ(parse_level_name("meets"), Level::meets);            // the codes stay
  EXPECT_EQ(parse_level_name("S’approche"), Level::approaches);  // the apostrophe a word processor writes
  EXPECT_EQ(parse_level_name("  Cumple   los requisitos  mínimos "), Level::meets);
  EXPECT_EQ(parse_level_name("Repond"), std::nullopt);  // accents as written
  EXPECT_EQ(parse_level_name("good"), std::nullopt);
}

}  // namespace
}  // namespace unct::report
