#include "engine/text/negation.hpp"

#include "engine/text/normalise.hpp"
#include "engine/text/term_matcher.hpp"
#include "engine/text/unicode.hpp"

#include <gtest/gtest.h>

#include <random>

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

TEST(Negation, OneLetterWordsAreWholeWordsOfTheirLanguage) {
  EXPECT_TRUE(holds_one_letter_negation_word(normalise("Il n'existe aucune donnée.").text, "fr"));
  EXPECT_TRUE(holds_one_letter_negation_word(normalise("Il n'existe aucune donnée.").text, ""));
  EXPECT_FALSE(holds_one_letter_negation_word(normalise("Il n'existe aucune donnée.").text, "en"));
  EXPECT_FALSE(holds_one_letter_negation_word(normalise("La nation, son plan, un an.").text, "fr"));
  EXPECT_TRUE(holds_one_letter_negation_word("n", "fr"));
  EXPECT_FALSE(holds_one_letter_negation_word("", "fr"));
  // Against a look at every byte, on texts long and short of letters, digits, accents, combining
  // marks and punctuation beside the letter, so that every stretch and both ends are tried.
  const std::vector<std::string> pieces = {"n", "n", "a", "e", "1", " ", "'", "é", "ñ", "\u0301", "-", "N", "_"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 90);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (std::size_t k = length(random); k > 0; --k) text += pieces[pick(random)];
    bool expected = false;
    for (std::size_t at = 0; at < text.size(); ++at)
      expected |= text[at] == 'n' && !is_word_char_before(text, at) && !is_word_char_at(text, at + 1);
    ASSERT_EQ(holds_one_letter_negation_word(text, "fr"), expected) << text;
  }
}

// A reader that finds negation_words() with a matcher, and the one-letter ones apart, reads
// every sentence that has a negated range: random sentences of negation, absence and clause
// words, idioms, words that hold a negation word ("nation", "notable", "isn't") and punctuation,
// in each language.
TEST(Negation, ASentenceWithARangeHoldsANegationWord) {
  const std::vector<std::string_view> words = negation_words();
  const TermMatcher matcher(std::vector<std::string>(words.begin(), words.end()));
  const std::vector<std::string> pool = {
      "not",          "no",        "never",   "without",    "cannot",  "lack",      "isn't",     "don't",
      "ne",           "n'existe",  "pas",     "sans",       "aucune",  "jamais",    "ni",        "sin",
      "ningún",       "falta",     "nunca",   "tampoco",    "missing", "absent",    "lacking",   "manquantes",
      "inexistentes", "available", "exist",   "disponible", "but",     "however",   "mais",      "pero",
      "one",          "only",      "laisser", "dejar",      "a",       "nation",    "notable",   "nonetheless",
      "noted",        "annex",     "données", "data",       "Roma",    "ethnicity", "l'analyse", "n",
      "no-one",       "2021",      ",",       ";",          ".",       "(",         ")",         ":",
      "não",          "nó"};
  std::mt19937 random(2021);
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<std::size_t> length(1, 14);
  std::size_t with_range = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string sentence;
    for (std::size_t w = length(random); w > 0; --w) sentence += pool[pick(random)] + " ";
    const std::string text = normalise(sentence).text;
    std::vector<TermMatch> found;
    matcher.scan(text, found);
    for (const char* language : {"en", "fr", "es", ""}) {
      if (negated_spans(text, language).empty()) continue;
      ++with_range;
      EXPECT_TRUE(!found.empty() || holds_one_letter_negation_word(text, language))
          << "\"" << text << "\" in " << language;
    }
  }
  EXPECT_GT(with_range, 10000U);
}

}  // namespace
}  // namespace unct::text
