#include "engine/text/negation.hpp"

#include "engine/text/unicode.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace unct::text {
namespace {

constexpr std::size_t k_scope_words = 10;

// What a word may be, as bits: a word can be a cue in one language and a clause word in another.
enum Role : std::uint8_t { cue_en = 1, cue_fr = 2, cue_es = 4, absent = 8, negatable = 16, opens_clause = 32 };

struct Word {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view text;
  std::size_t clause = 0;
  bool cue = false;       // a negation in the document's language
  std::uint8_t role = 0;  // every Role it has
};

// Normalised text: lower case, no accents. "isn't" and the like are cut at the apostrophe: their
// first part is the cue.
constexpr std::string_view k_cues_en[] = {
    "not",  "no",   "never", "without", "none", "neither", "nor",  "cannot", "lack", "lacks",  "absence", "isn",
    "aren", "wasn", "weren", "doesn",   "don",  "didn",    "hasn", "haven",  "hadn", "couldn", "shouldn", "wouldn"};
constexpr std::string_view k_cues_fr[] = {"ne",     "n",  "pas",     "sans",   "aucun", "aucune",
                                          "jamais", "ni", "absence", "manque", "faute"};
constexpr std::string_view k_cues_es[] = {"no",      "sin",   "ni",       "nunca",  "ningun",  "ninguna",
                                          "ninguno", "falta", "ausencia", "carece", "carecen", "tampoco"};
// Absence stated after what is absent.
constexpr std::string_view k_absent[] = {"unavailable",   "lacking",    "missing",     "absent",      "nonexistent",
                                         "manquant",      "manquants",  "manquante",   "manquantes",  "indisponible",
                                         "indisponibles", "inexistant", "inexistants", "inexistente", "inexistentes"};
// Words that state absence when a negation stands just before them ("not available").
constexpr std::string_view k_negatable[] = {"available",   "exist",  "collected", "recorded", "disponible",
                                            "disponibles", "existe", "existen",   "existent", "recueillies"};
// Words that open a new clause.
constexpr std::string_view k_clause_words[] = {"but",    "however",  "while",     "whereas", "although", "though",
                                               "yet",    "mais",     "cependant", "tandis",  "alors",    "pero",
                                               "aunque", "mientras", "sino",      "embargo"};

// The role of a word: the listed words bucketed by length, a first-letter check before each
// comparison. This runs on every word of every block with a hit a polarity signal reads, so it
// must cost little more than reading the word.
std::uint8_t role_of(std::string_view word) {
  constexpr std::size_t k_longest = 13;
  struct Listed {
    std::string_view word;
    std::uint8_t role;
  };
  static const std::array<std::vector<Listed>, k_longest + 1> k_by_length = [] {
    std::array<std::vector<Listed>, k_longest + 1> by_length;
    auto add = [&](const auto& list, Role role) {
      for (std::string_view w : list) {
        auto& bucket = by_length[w.size()];
        const auto it = std::find_if(bucket.begin(), bucket.end(), [&](const Listed& l) { return l.word == w; });
        if (it == bucket.end())
          bucket.push_back({w, static_cast<std::uint8_t>(role)});
        else
          it->role |= role;
      }
    };
    add(k_cues_en, cue_en);
    add(k_cues_fr, cue_fr);
    add(k_cues_es, cue_es);
    add(k_absent, absent);
    add(k_negatable, negatable);
    add(k_clause_words, opens_clause);
    return by_length;
  }();
  // Which (length, first byte) pairs some listed word has: most words are none of them.
  static const std::array<std::array<bool, 256>, k_longest + 1> k_may_be = [] {
    std::array<std::array<bool, 256>, k_longest + 1> may_be{};
    for (std::size_t length = 0; length <= k_longest; ++length) {
      for (const Listed& listed : k_by_length[length])
        may_be[length][static_cast<unsigned char>(listed.word.front())] = true;
    }
    return may_be;
  }();
  if (word.empty() || word.size() > k_longest || !k_may_be[word.size()][static_cast<unsigned char>(word.front())])
    return 0;
  for (const Listed& listed : k_by_length[word.size()]) {
    if (listed.word.front() == word.front() && listed.word == word) return listed.role;
  }
  return 0;
}

std::uint8_t cue_roles(std::string_view language) {
  if (language == "en") return cue_en;
  if (language == "fr") return cue_fr;
  if (language == "es") return cue_es;
  return cue_en | cue_fr | cue_es;
}

bool breaks_clause(char c) {
  return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')';
}

std::vector<Word> words_of(std::string_view text, std::string_view language) {
  const std::uint8_t cues = cue_roles(language);
  std::vector<Word> out;
  out.reserve(text.size() / 6);
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
    const std::uint8_t role = role_of(word);
    if ((role & opens_clause) != 0) ++clause;
    out.push_back(
        {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), word, clause, (role & cues) != 0, role});
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

std::vector<std::pair<std::uint32_t, std::uint32_t>> negated_spans(std::string_view normalised,
                                                                   std::string_view language) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  const std::vector<Word> words = words_of(normalised, language);
  std::size_t clause_start = 0;  // the first word of the current word's clause
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (i > 0 && word.clause != words[i - 1].clause) clause_start = i;
    if (word.cue && !is_idiom(words, i)) {
      std::size_t last = i;
      while (last + 1 < words.size() && words[last + 1].clause == word.clause && last + 1 - i <= k_scope_words) ++last;
      if (last > i) out.emplace_back(words[i + 1].begin, words[last].end);
    }
    const bool negated_before = (i > 0 && words[i - 1].cue) || (i > 1 && words[i - 2].cue);
    if ((word.role & absent) != 0 || ((word.role & negatable) != 0 && negated_before)) {
      if (clause_start < i) out.emplace_back(words[clause_start].begin, word.begin);
    }
  }
  // Sorted and merged, so that a reader finds a position's span by binary search.
  std::sort(out.begin(), out.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  for (const auto& span : out) {
    if (!merged.empty() && span.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, span.second);
    else
      merged.push_back(span);
  }
  return merged;
}

}  // namespace unct::text
