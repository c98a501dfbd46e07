#include "engine/text/unicode.hpp"

#include "engine/text/lanes.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace unct::text {
namespace {

char32_t decode(std::string_view text, std::size_t& pos) {
  UChar32 c = 0;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  pos = static_cast<std::size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  for (std::size_t start = 0; (start = ascii_end(text, start, text.size())) < text.size();) {
    auto i = static_cast<int32_t>(start);
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) return start;
    start = static_cast<std::size_t>(i);
  }
  return std::nullopt;
}

namespace detail {

bool is_word_char_beyond_ascii(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (u_isalnum(cp)) return true;
  const int8_t type = u_charType(cp);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_word_char_before_slow(std::string_view text, std::size_t pos) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c >= 0 && is_word_char(static_cast<char32_t>(c));
}

bool is_word_char_at_slow(std::string_view text, std::size_t pos) { return is_word_char(decode(text, pos)); }

std::size_t end_of_word_slow(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    std::size_t next = pos;
    if (!is_word_char(decode(text, next))) break;
    pos = next;
  }
  return pos;
}

}  // namespace detail

std::size_t count_words(std::string_view text) { return count_words(text, text.size()); }

namespace {

// 0xFF in each lane holding an ASCII letter or digit: ascii_word_by_ranges, sixteen at once.
lanes::Bytes ascii_word_lanes(lanes::Bytes v) {
  return reinterpret_cast<lanes::Bytes>((v - 'a' < 26) | (v - 'A' < 26) | (v - '0' < 10));
}

// Word starts in a stretch of ASCII, given whether a word runs into it. A byte starts a word when
// it is a letter or digit and the byte before it is not: sixteen bytes at a time, each compared
// with the sixteen that start a byte earlier, the starts counted in lanes, which are added up
// every 255 rounds at most (a lane holds 255). count_words' stretches of 4 KB take 255 rounds.
std::size_t ascii_word_starts(const unsigned char* bytes, std::size_t size, bool in_word) {
  const auto word = detail::ascii_word_by_ranges;
  if (size == 0) return 0;
  std::size_t starts = word(bytes[0]) & static_cast<std::uint8_t>(!in_word);
  std::size_t i = 1;
  while (i + 16 <= size) {
    lanes::Bytes counts = {};
    for (int round = 0; round < 255 && i + 16 <= size; ++round, i += 16)
      counts -= ascii_word_lanes(lanes::load(bytes + i)) & ~ascii_word_lanes(lanes::load(bytes + i - 1));
    starts += lanes::sum(counts);
  }
  for (; i < size; ++i) starts += word(bytes[i]) & (word(bytes[i - 1]) ^ 1U);
  return starts;
}

}  // namespace

std::size_t ascii_end(std::string_view text, std::size_t pos, std::size_t stop) {
  for (; pos + 16 <= stop; pos += 16) {
    if (lanes::any(lanes::load(text.data() + pos) & 0x80)) break;
  }
  while (pos < stop && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

std::size_t count_words(std::string_view text, std::size_t limit) {
  // How far the ASCII path counts before checking `limit`: at most 4 KB, and no further than the
  // words still allowed could reach (8 bytes each, and 72 more), so that a small limit stops soon.
  constexpr std::size_t k_stretch = 4096;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t pos = 0; pos < text.size() && words <= limit;) {
    if (bytes[pos] < 0x80) {
      // ASCII, most of the text: up to the next other byte, counted without decoding.
      const std::size_t more = limit - words;  // words <= limit here: more + 1 words may still come
      const std::size_t stretch = more < (k_stretch - 72) / 8 ? 72 + 8 * more : k_stretch;
      const std::size_t end = ascii_end(text, pos, std::min(text.size(), pos + stretch));
      words += ascii_word_starts(bytes + pos, end - pos, in_word);
      in_word = detail::is_ascii_word(bytes[end - 1]);
      pos = end;
      continue;
    }
    const bool word = is_word_char(decode(text, pos));
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

std::string to_upper(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toUpper(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

}  // namespace unct::text
