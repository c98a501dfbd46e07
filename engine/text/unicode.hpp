#pragma once

// Code-point level facts the matcher, the normaliser and the readers share. "Word characters"
// are letters, digits and combining marks of any script: an apostrophe, a hyphen or a space ends
// a word, so "l'égalité" holds the word "égalité".

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unct::text {

// Byte offset of the first invalid UTF-8 sequence; nullopt when the text is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

namespace detail {
// A letter or digit of ASCII, by three range tests without branches: the form a compiler can
// apply to many bytes at once (count_words' ASCII stretches).
inline constexpr std::uint8_t ascii_word_by_ranges(unsigned char c) {
  return static_cast<std::uint8_t>((static_cast<unsigned char>(c - 'a') < 26) |
                                   (static_cast<unsigned char>(c - 'A') < 26) |
                                   (static_cast<unsigned char>(c - '0') < 10));
}
// The same as one table read, for loops that look at one byte at a time.
inline constexpr std::array<bool, 256> k_ascii_word = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = ascii_word_by_ranges(static_cast<unsigned char>(c)) != 0;
  return table;
}();
inline constexpr bool is_ascii_word(unsigned char c) { return k_ascii_word[c]; }
bool is_word_char_beyond_ascii(char32_t c);
bool is_word_char_before_slow(std::string_view text, std::size_t pos);
bool is_word_char_at_slow(std::string_view text, std::size_t pos);
std::size_t end_of_word_slow(std::string_view text, std::size_t pos);
}  // namespace detail

// The ASCII cases are inline: they are most of the text, and the matcher asks at every hit.
inline bool is_word_char(char32_t c) {
  return c < 0x80 ? detail::is_ascii_word(static_cast<unsigned char>(c)) : detail::is_word_char_beyond_ascii(c);
}

// Whether the code point ending just before `pos` (or starting at `pos`) is a word character.
// False at the ends of the text. Requires: `pos` at a code point boundary of valid UTF-8.
inline bool is_word_char_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[pos - 1]);
  return byte < 0x80 ? detail::is_ascii_word(byte) : detail::is_word_char_before_slow(text, pos);
}
inline bool is_word_char_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[pos]);
  return byte < 0x80 ? detail::is_ascii_word(byte) : detail::is_word_char_at_slow(text, pos);
}

// Byte offset just past the word that contains `pos` (or `pos` when no word starts there).
inline std::size_t end_of_word(std::string_view text, std::size_t pos) {
  while (pos < text.size() && detail::is_ascii_word(static_cast<unsigned char>(text[pos]))) ++pos;
  if (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80) return detail::end_of_word_slow(text, pos);
  return pos;
}

// The text in capitals, letters beyond ASCII included ("Synthèse" -> "SYNTHÈSE"), for headings.
// Requires: valid UTF-8.
std::string to_upper(std::string_view text);

// Where the run of ASCII bytes starting at `pos` ends: the first byte at or after `pos`, before
// `stop`, with its top bit set, or `stop`. Sixteen bytes at a time, then one by one.
// Requires: pos <= stop <= text.size().
std::size_t ascii_end(std::string_view text, std::size_t pos, std::size_t stop);

std::size_t count_words(std::string_view text);
// The same count, but it stops once it passes `limit`: any result above `limit` means "more".
// Costs O(limit words) instead of O(text) when only a bound matters.
std::size_t count_words(std::string_view text, std::size_t limit);

}  // namespace unct::text
