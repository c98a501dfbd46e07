#include "engine/text/negation.hpp"

#include "engine/text/normalise.hpp"

#include <gtest/gtest.h>

namespace unct::text {
namespace {

// Whether `word` stands in a negated stretch of `sentence` (both as written; normalised here).
bool negated(const std::string& sentence, const std::string& word, const std::string& language = "en") {
  const std::string text = normalise(sentence).text;
  const std::size_t at = text.find(normalise_term(word));
  if (at == std::string::npos) throw std::runtime_error("no " + word + " in " + sentence);
  for (const auto& [begin, end] : negated_spans(text, language)) {
    if (begin <= at && at < end) return true;
  }
  return false;
}

TEST(Negation, GovernsTheRestOfItsClause) {
  EXPECT_TRUE(negated("Administrative data are not disaggregated by ethnicity.", "disaggregated"));
  EXPECT_TRUE(negated("There are no data on Roma children.", "data"));
  EXPECT_FALSE(negated("Roma children are not enrolled in school.", "Roma"));
  EXPECT_FALSE(negated("Data are not collected but surveys are disaggregated by ethnicity.", "surveys"));
  EXPECT_FALSE(negated("It is not only poverty that disaggregated data show.", "disaggregated"));
  EXPECT_TRUE(negated("Data haven't been disaggregated by ethnicity.", "disaggregated"));
}

TEST(Negation, AbsenceStatedAfterWhatIsMissing) {
  EXPECT_TRUE(negated("Data disaggregated by ethnicity are not available.", "disaggregated"));
  EXPECT_TRUE(negated("Figures by mother tongue are missing for most districts.", "mother tongue"));
  EXPECT_FALSE(negated("Data disaggregated by ethnicity are available.", "disaggregated"));
}

TEST(Negation, ReachesTenWordsWithinItsClause) {
  const std::string sentence = "Data are not one two three four five six seven eight nine ten eleven.";
  EXPECT_TRUE(negated(sentence, "ten"));
  EXPECT_FALSE(negated(sentence, "eleven"));
  EXPECT_FALSE(negated(sentence, "data"));
  // A cue that ends its clause or the text governs nothing; two cues' stretches join.
  EXPECT_TRUE(negated_spans("data are not", "en").empty());
  EXPECT_TRUE(negated_spans("data are not, says one", "en").empty());
  EXPECT_EQ(negated_spans("no data and no figures", "en"),
            (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{3, 22}}));
  // An idiom's check looks past the end of the text safely.
  EXPECT_TRUE(negated_spans("no", "en").empty());
  EXPECT_EQ(negated_spans("no one", "en").size(), 0U);
}

TEST(Negation, LeaveNoOneBehindNegatesNothing) {
  EXPECT_FALSE(negated("The framework will leave no one behind and reach the most vulnerable.", "vulnerable"));
  EXPECT_FALSE(negated("Ne laisser personne de côté signifie inclure les Roms.", "Roms", "fr"));
  EXPECT_FALSE(negated("No dejar a nadie atrás significa incluir a los pueblos indígenas.", "pueblos", "es"));
}

TEST(Negation, FrenchAndSpanish) {
  EXPECT_TRUE(negated("Les données administratives ne sont pas ventilées par origine ethnique.", "ventilées", "fr"));
  EXPECT_TRUE(negated("Il n'existe aucune donnée sur les Roms.", "donnée", "fr"));
  EXPECT_TRUE(negated("Los registros no están desglosados por etnia.", "desglosados", "es"));
  EXPECT_TRUE(negated("Programas sin datos desglosados.", "datos", "es"));
  EXPECT_FALSE(negated("Los registros están desglosados por etnia.", "desglosados", "es"));
}

}  // namespace
}  // namespace unct::text
