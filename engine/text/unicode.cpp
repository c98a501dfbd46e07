#include "engine/text/unicode.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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
  int32_t i = 0;
  while (i < size) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) return static_cast<std::size_t>(start);
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

std::size_t count_words(std::string_view text, std::size_t limit) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t pos = 0; pos < text.size() && words <= limit;) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      // ASCII, most of the text: no decoding, and no branch on where words start.
      const bool word = detail::is_ascii_word(byte);
      words += static_cast<std::size_t>(word && !in_word);
      in_word = word;
      ++pos;
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
