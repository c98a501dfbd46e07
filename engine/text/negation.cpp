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

// The role of a word: the listed words bucketed by length, with the (length, first byte) and
// (length, last byte) pairs some listed word has, so that most words are ruled out by two table
// reads. This runs on every word of every sentence with both a hit a polarity signal reads and a
// negation word, so it must cost little more than reading the word.
class Roles {
public:
  static const Roles& get() {
    static const Roles roles;
    return roles;
  }

  std::uint8_t of(std::string_view word) const {
    if (word.empty() || word.size() > k_longest || !m_may_start[word.size()][byte(word.front())] ||
        !m_may_end[word.size()][byte(word.back())])
      return 0;
    for (const Listed& listed : m_by_length[word.size()]) {
      // The words are short: compared here, not through a call to memcmp.
      std::size_t i = 0;
      while (i < word.size() && word[i] == listed.word[i]) ++i;
      if (i == word.size()) return listed.role;
    }
    return 0;
  }

  static constexpr std::size_t k_longest = 13;
  struct Listed {
    std::string_view word;
    std::uint8_t role;  // every Role it has
  };
  // The listed words of `length` bytes (at most k_longest).
  const std::vector<Listed>& of_length(std::size_t length) const { return m_by_length[length]; }

private:
  static unsigned char byte(char c) { return static_cast<unsigned char>(c); }

  Roles() {
    add(k_cues_en, cue_en);
    add(k_cues_fr, cue_fr);
    add(k_cues_es, cue_es);
    add(k_absent, absent);
    add(k_negatable, negatable);
    add(k_clause_words, opens_clause);
  }
  template <typename List>
  void add(const List& list, Role role) {
    for (std::string_view w : list) {
      auto& bucket = m_by_length[w.size()];
      const auto it = std::find_if(bucket.begin(), bucket.end(), [&](const Listed& l) { return l.word == w; });
      if (it == bucket.end())
        bucket.push_back({w, static_cast<std::uint8_t>(role)});
      else
        it->role |= role;
      m_may_start[w.size()][byte(w.front())] = true;
      m_may_end[w.size()][byte(w.back())] = true;
    }
  }

  std::array<std::vector<Listed>, k_longest + 1> m_by_length;
  std::array<std::array<bool, 256>, k_longest + 1> m_may_start{};
  std::array<std::array<bool, 256>, k_longest + 1> m_may_end{};
};

std::uint8_t cue_roles(std::string_view language) {
  if (language == "en") return cue_en;
  if (language == "fr") return cue_fr;
  if (language == "es") return cue_es;
  return cue_en | cue_fr | cue_es;
}

// Whether `letter` stands in `text` as a word of its own. The letter is frequent inside words:
// each stretch of 32 bytes is first tested, without branches (a form GCC vectorises at -O3), for
// the letter with no ASCII letter or digit on either side; only such a stretch is looked at.
bool holds_one_letter_word(std::string_view text, char letter) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  auto alone = [&](std::size_t at) { return !is_word_char_before(text, at) && !is_word_char_at(text, at + 1); };
  if (size < 3) {
    for (std::size_t at = 0; at < size; ++at) {
      if (text[at] == letter && alone(at)) return true;
    }
    return false;
  }
  if ((text.front() == letter && alone(0)) || (text.back() == letter && alone(size - 1))) return true;
  const auto wanted = static_cast<unsigned char>(letter);
  for (std::size_t from = 1; from + 1 < size; from += 32) {
    const std::size_t to = std::min(from + 32, size - 1);
    std::uint8_t maybe = 0;
    for (std::size_t at = from; at < to; ++at) {
      const unsigned alone_here = static_cast<unsigned>(bytes[at] == wanted) &
                                  (detail::ascii_word_by_ranges(bytes[at - 1]) ^ 1U) &
                                  (detail::ascii_word_by_ranges(bytes[at + 1]) ^ 1U);
      maybe = static_cast<std::uint8_t>(maybe | alone_here);
    }
    if (maybe == 0) continue;
    for (std::size_t at = from; at < to; ++at) {
      if (text[at] == letter && alone(at)) return true;
    }
  }
  return false;
}

bool breaks_clause(char c) {
  return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')';
}

// The words of a text one at a time, with their roles and clause number: a clause ends at
// punctuation (breaks_clause) and before a word that opens one ("but", "mais", "pero"...).
class WordReader {
public:
  WordReader(std::string_view text, std::uint8_t cues) : m_text(text), m_cues(cues), m_roles(&Roles::get()) {}

  struct Word {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::size_t clause = 0;
    bool cue = false;       // a negation in the document's language
    std::uint8_t role = 0;  // every Role it has
  };

  // The next word into `out`; false at the end of the text.
  bool next(Word& out) {
    const std::size_t size = m_text.size();
    while (m_at < size) {
      const auto byte = static_cast<unsigned char>(m_text[m_at]);
      if (byte < 0x80) {
        if (detail::is_ascii_word(byte)) break;
        if (breaks_clause(static_cast<char>(byte))) ++m_clause;
      } else if (is_word_char_at(m_text, m_at)) {
        break;
      }
      ++m_at;
    }
    if (m_at == size) return false;
    const std::size_t end = end_of_word(m_text, m_at);
    const std::uint8_t role = m_roles->of(m_text.substr(m_at, end - m_at));
    if ((role & opens_clause) != 0) ++m_clause;
    out = {static_cast<std::uint32_t>(m_at), static_cast<std::uint32_t>(end), m_clause, (role & m_cues) != 0, role};
    m_at = end;
    return true;
  }

  std::string_view text(const Word& word) const { return m_text.substr(word.begin, word.end - word.begin); }

private:
  std::string_view m_text;
  std::uint8_t m_cues;
  const Roles* m_roles;
  std::size_t m_at = 0;
  std::size_t m_clause = 0;
};

// Cues that negate nothing: "leave no one behind", "not only", "ne laisser personne",
// "no dejar a nadie". `next` and `after` are the two words that follow the cue, if any.
bool is_idiom(std::string_view cue, std::string_view next, std::string_view after) {
  if (cue == "no" && (next == "one" || (next == "dejar" && after == "a"))) return true;
  if (cue == "not" && next == "only") return true;
  if (cue == "ne" && next == "laisser") return true;
  return false;
}

}  // namespace

void append_negated_spans(std::string_view normalised, std::string_view language, std::uint32_t offset,
                          std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  using Word = WordReader::Word;
  // One pass over the words; a cue (a word or two in a sentence, if any) reads ahead on a copy of
  // the reader for the idioms and for its stretch, so most words cost only being read.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;  // allocates only where there is one
  WordReader reader(normalised, cue_roles(language));
  constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  std::size_t index = 0;           // of the word
  std::size_t clause = k_none;     // the word's clause...
  std::size_t clause_first = 0;    // ...its first word...
  std::uint32_t clause_begin = 0;  // ...and where that begins
  std::size_t last_cue = k_none;   // the last word before this one that is a cue
  for (Word word; reader.next(word); ++index) {
    if (word.clause != clause) {
      clause = word.clause;
      clause_first = index;
      clause_begin = word.begin;
    }
    if (word.role == 0) continue;
    if (word.cue) {
      WordReader ahead = reader;
      Word next;
      Word after;
      const bool has_next = ahead.next(next);
      const bool has_after = has_next && ahead.next(after);
      if (!is_idiom(reader.text(word), has_next ? reader.text(next) : std::string_view(),
                    has_after ? reader.text(after) : std::string_view())) {
        // Up to k_scope_words words after the cue, within its clause.
        WordReader scope = reader;
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        Word governed;
        for (std::size_t n = 0; n < k_scope_words && scope.next(governed) && governed.clause == word.clause; ++n) {
          if (n == 0) begin = governed.begin;
          end = governed.end;
        }
        if (end > begin) spans.emplace_back(begin, end);
      }
    }
    const bool negated_before = last_cue != k_none && index - last_cue <= 2;
    if ((word.role & absent) != 0 || ((word.role & negatable) != 0 && negated_before)) {
      if (clause_first < index) spans.emplace_back(clause_begin, word.begin);
    }
    if (word.cue) last_cue = index;
  }
  // Sorted and merged, so that a reader finds a position's span by binary search.
  std::sort(spans.begin(), spans.end());
  const std::size_t first = out.size();
  for (const auto& [begin, end] : spans) {
    if (out.size() > first && begin + offset <= out.back().second)
      out.back().second = std::max(out.back().second, end + offset);
    else
      out.emplace_back(begin + offset, end + offset);
  }
}

std::vector<std::string_view> negation_words() {
  std::vector<std::string_view> out;
  for (std::size_t length = 2; length <= Roles::k_longest; ++length) {
    for (const auto& [word, role] : Roles::get().of_length(length)) {
      if ((role & (cue_en | cue_fr | cue_es | absent)) != 0) out.push_back(word);
    }
  }
  return out;
}

bool holds_one_letter_negation_word(std::string_view sentence, std::string_view language) {
  const std::uint8_t needed = cue_roles(language) | absent;
  for (const auto& [word, role] : Roles::get().of_length(1)) {
    if ((role & needed) != 0 && holds_one_letter_word(sentence, word[0])) return true;
  }
  return false;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> negated_spans(std::string_view normalised,
                                                                   std::string_view language) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  append_negated_spans(normalised, language, 0, out);
  return out;
}

}  // namespace unct::text
