#include "engine/text/negation.hpp"

#include "engine/text/unicode.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace unct::text {
namespace {

constexpr std::size_t k_scope_words = 10;

struct Word {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view text;
  std::size_t clause = 0;
};

template <std::size_t N>
bool is_in(std::string_view word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Normalised text: lower case, no accents.
// "isn't" and the like are cut at the apostrophe: their first part is the cue.
constexpr std::array<std::string_view, 24> k_cues_en{"not",   "no",     "never",  "without", "none",   "neither",
                                                     "nor",   "cannot", "lack",   "lacks",   "absence", "isn",
                                                     "aren",  "wasn",   "weren",  "doesn",   "don",     "didn",
                                                     "hasn",  "haven",  "hadn",   "couldn",  "shouldn", "wouldn"};
constexpr std::array<std::string_view, 11> k_cues_fr{"ne", "n", "pas", "sans", "aucun", "aucune", "jamais", "ni",
                                                     "absence", "manque", "faute"};
constexpr std::array<std::string_view, 12> k_cues_es{"no", "sin", "ni", "nunca", "ningun", "ninguna", "ninguno",
                                                     "falta", "ausencia", "carece", "carecen", "tampoco"};
// Absence stated after what is absent.
constexpr std::array<std::string_view, 15> k_absent{"unavailable", "lacking", "missing", "absent", "nonexistent",
                                                    "manquant", "manquants", "manquante", "manquantes", "indisponible",
                                                    "indisponibles", "inexistant", "inexistants", "inexistente",
                                                    "inexistentes"};
// Words that state absence when a negation stands just before them ("not available").
constexpr std::array<std::string_view, 10> k_negatable{"available", "exist", "collected", "recorded", "disponible",
                                                       "disponibles", "existe", "existen", "existent", "recueillies"};
// Words that open a new clause.
constexpr std::array<std::string_view, 16> k_clause_words{"but", "however", "while", "whereas", "although", "though",
                                                          "yet", "mais", "cependant", "tandis", "alors", "pero",
                                                          "aunque", "mientras", "sino", "embargo"};

bool is_cue(std::string_view word, std::string_view language) {
  const bool all = language.empty();
  return ((all || language == "en") && is_in(word, k_cues_en)) || ((all || language == "fr") && is_in(word, k_cues_fr)) ||
         ((all || language == "es") && is_in(word, k_cues_es));
}

bool breaks_clause(char c) { return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')'; }

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t clause = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char_at(text, i)) {
      if (breaks_clause(text[i])) ++clause;
      ++i;
      continue;
    }
    const std::size_t end = end_of_word(text, i);
    const std::string_view word = text.substr(i, end - i);
    if (is_in(word, k_clause_words)) ++clause;
    out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), word, clause});
    i = end;
  }
  return out;
}

// Cues that negate nothing: "leave no one behind", "not only", "ne laisser personne",
// "no dejar a nadie".
bool is_idiom(const std::vector<Word>& words, std::size_t i) {
  const std::string_view next = i + 1 < words.size() ? words[i + 1].text : std::string_view();
  const std::string_view after = i + 2 < words.size() ? words[i + 2].text : std::string_view();
  if (words[i].text == "no" && (next == "one" || (next == "dejar" && after == "a"))) return true;
  if (words[i].text == "not" && next == "only") return true;
  if (words[i].text == "ne" && next == "laisser") return true;
  return false;
}

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> negated_spans(std::string_view normalised, std::string_view language) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  const std::vector<Word> words = words_of(normalised);
  std::size_t clause_start = 0;  // the first word of the current word's clause
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (i > 0 && word.clause != words[i - 1].clause) clause_start = i;
    if (is_cue(word.text, language) && !is_idiom(words, i)) {
      std::size_t last = i;
      while (last + 1 < words.size() && words[last + 1].clause == word.clause && last + 1 - i <= k_scope_words) ++last;
      if (last > i) out.emplace_back(words[i + 1].begin, words[last].end);
    }
    const bool negated_before = i > 0 && is_cue(words[i - 1].text, language);
    const bool negated_two_before = i > 1 && is_cue(words[i - 2].text, language);
    if (is_in(word.text, k_absent) || (is_in(word.text, k_negatable) && (negated_before || negated_two_before))) {
      if (clause_start < i) out.emplace_back(words[clause_start].begin, word.begin);
    }
  }
  // Sorted and merged, so that a reader finds a position's span by binary search.
  std::sort(out.begin(), out.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  for (const auto& span : out) {
    if (!merged.empty() && span.first <= merged.back().second) merged.back().second = std::max(merged.back().second, span.second);
    else merged.push_back(span);
  }
  return merged;
}

}  // namespace unct::text
