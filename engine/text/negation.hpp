#pragma once

// Where a sentence says that something is not so, or is missing: "administrative data are not
// disaggregated by ethnicity", "no data exist on ...", "data by ethnicity are not available",
// "sin datos", "les données ne sont pas ventilées". Signals may ask for hits outside such
// stretches (a claim of disaggregation) or inside them (a data gap).

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace unct::text {

// The byte ranges [begin, end) of normalised text that a negation governs:
//   - after a negation word ("not", "no", "without", "lack of", "ne", "pas", "sans", "aucun",
//     "sin", "ningún", "falta de"...), up to ten words, to the end of its clause (a comma,
//     semicolon, colon, bracket, sentence end, or "but", "while", "mais", "pero"...);
//   - before an absence word in the same clause ("... are missing", "unavailable", "not
//     available", "do not exist", "no disponibles", "manquantes").
// "Leave no one behind", "not only" and "ne laisser personne" negate nothing. `language` ("en",
// "fr", "es") picks the words; empty uses all three. The ranges are sorted and do not overlap.
std::vector<std::pair<std::uint32_t, std::uint32_t>> negated_spans(std::string_view normalised,
                                                                   std::string_view language);

// The same ranges, each moved by `offset` (where `normalised` starts in a longer text), appended
// to `out`. One pass over the words, allocating nothing when there is no negation.
void append_negated_spans(std::string_view normalised, std::string_view language, std::uint32_t offset,
                          std::vector<std::pair<std::uint32_t, std::uint32_t>>& out);

// For a reader that finds words with its own matcher and would read only the sentences that
// may hold a negated range. A range needs a negation word of the document's language or an
// absence word in its sentence:
//   - negation_words(): those of two letters or more, in all three languages;
//   - holds_one_letter_negation_word: whether `sentence` holds one of the others as a whole word
//     (French "n'"), for `language` as append_negated_spans takes it.
// A sentence with neither has no negated range. One-letter words are looked for apart because
// a matcher stops at nearly every occurrence of their letter, inside words too.
std::vector<std::string_view> negation_words();
bool holds_one_letter_negation_word(std::string_view sentence, std::string_view language);

}  // namespace unct::text
