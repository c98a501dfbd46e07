#pragma once

// Text as the matcher sees it. Both document text and checklist terms go through `normalise`,
// so a term matches whatever spelling variants fold to the same bytes:
//   - NFKC with full case folding (ligatures, full-width forms, NBSP; "ß" -> "ss"); default
//     ignorables (soft hyphens, bidi controls) removed;
//   - accents removed by script: Latin and Greek lose all marks ("discriminación" =
//     "discriminacion"); Cyrillic folds only "ё" to "е" and keeps "й"; Arabic loses harakat and
//     tatweel;
//   - typographic apostrophes to "'", dashes and minus signs to "-", quotes to '"';
//   - any run of white space to one space;
//   - a hyphen at a line end between lower-case letters is joined ("discrimi-\nnation").
// Every output byte remembers the source byte it came from, so quotes come from the original.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unct::text {

struct NormalisedText {
  std::string text;
  // origin[i] is the source offset of the source character that produced text[i];
  // origin[text.size()] is the source size.
  std::vector<std::uint32_t> origin;

  // The source byte range [first, second) that produced text[begin, end).
  std::pair<std::size_t, std::size_t> source_span(std::size_t begin, std::size_t end) const;
};

// Requires: valid UTF-8 (readers check it).
NormalisedText normalise(std::string_view source);

// The normalised text alone, for checklist terms.
std::string normalise_term(std::string_view term);

}  // namespace unct::text
