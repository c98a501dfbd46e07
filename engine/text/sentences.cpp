#include "engine/text/sentences.hpp"

#include "engine/text/lanes.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace unct::text {
namespace {

bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 22> k_abbreviations{
      "e.g", "i.e", "etc", "para", "paras", "no", "nos", "art",    "arts", "mr", "mrs",
      "ms",  "dr",  "vol", "pp",   "fig",   "cf", "vs",  "approx", "incl", "p",  "st"};
  return std::find(k_abbreviations.begin(), k_abbreviations.end(), word) != k_abbreviations.end();
}

// Whether any of the sixteen bytes from `p` is '.', '!' or '?'.
bool may_end_sentence(const char* p) {
  const lanes::Bytes v = lanes::load(p);
  return lanes::any(reinterpret_cast<lanes::Bytes>((v == '.') | (v == '!') | (v == '?')));
}

}  // namespace

SentenceStarts sentence_starts(const NormalisedText& normalised, std::string_view source) {
  SentenceStarts starts{0};
  const std::string& text = normalised.text;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (i + 16 <= text.size() && !may_end_sentence(text.data() + i)) {
      i += 15;  // none of the sixteen ends a sentence
      continue;
    }
    const char c = text[i];
    if ((c != '.' && c != '!' && c != '?') || text[i + 1] != ' ') continue;
    if (c == '.') {
      std::size_t word_start = i;
      while (word_start > 0 && text[word_start - 1] != ' ') --word_start;
      const std::string_view word(text.data() + word_start, i - word_start);
      if (word.size() == 1 || is_abbreviation(word)) continue;
    }
    // The source decides case: folded text no longer knows it.
    const std::size_t next = normalised.origin[i + 2];
    if (next < source.size()) {
      int32_t at = static_cast<int32_t>(next);
      UChar32 cp = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(source.data()), at, static_cast<int32_t>(source.size()), cp);
      if (cp >= 0 && u_islower(cp)) continue;
    }
    starts.push_back(static_cast<std::uint32_t>(i + 2));
  }
  return starts;
}

std::size_t sentence_of(const SentenceStarts& starts, std::size_t at) {
  const auto it = std::upper_bound(starts.begin(), starts.end(), at);
  return static_cast<std::size_t>(it - starts.begin()) - 1;
}

}  // namespace unct::text
