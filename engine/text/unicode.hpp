#pragma once

// Code-point level facts the matcher, the normaliser and the readers share. "Word characters"
// are letters, digits and combining marks of any script: an apostrophe, a hyphen or a space ends
// a word, so "l'égalité" holds the word "égalité".

#include <cstddef>
#include <optional>
#include <string_view>

namespace unct::text {

// Byte offset of the first invalid UTF-8 sequence; nullopt when the text is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

bool is_word_char(char32_t c);

// Whether the code point ending just before `pos` (or starting at `pos`) is a word character.
// False at the ends of the text. Requires: `pos` at a code point boundary of valid UTF-8.
bool is_word_char_before(std::string_view text, std::size_t pos);
bool is_word_char_at(std::string_view text, std::size_t pos);

// Byte offset just past the word that contains `pos` (or `pos` when no word starts there).
std::size_t end_of_word(std::string_view text, std::size_t pos);

std::size_t count_words(std::string_view text);

}  // namespace unct::text
