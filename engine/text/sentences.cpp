#include "engine/text/sentences.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace unct::text {
namespace {

bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 22> k_abbreviations{
      "e.g", "i.e", "etc", "para", "paras", "no", "nos", "art",    "arts", "mr", "mrs",
      "ms",  "dr",  "vol", "pp",   "fig",   "cf", "vs",  "approx", "incl", "p",  "st"};
  return std::find(k_abbreviations.begin(), k_abbreviations.end(), word) != k_abbreviations.end();
}

// Whether any of the eight bytes of `word` is '.', '!' or '?' (the test for a zero byte of
// x ^ c, which is exact about whether there is one).
bool may_end_sentence(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  auto has = [&](unsigned char c) {
    const std::uint64_t x = word ^ (ones * c);
    return (x - ones) & ~x & highs;
  };
  return (has('.') | has('!') | has('?')) != 0;
}

}  // namespace

std::vector<std::uint32_t> sentence_starts(const NormalisedText& normalised, std::string_view source) {
  std::vector<std::uint32_t> starts{0};
  const std::string& text = normalised.text;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (i + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      if (!may_end_sentence(word)) {
        i += 7;  // none of the eight ends a sentence
        continue;
      }
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

std::size_t sentence_of(const std::vector<std::uint32_t>& starts, std::size_t at) {
  const auto it = std::upper_bound(starts.begin(), starts.end(), at);
  return static_cast<std::size_t>(it - starts.begin()) - 1;
}

}  // namespace unct::text
