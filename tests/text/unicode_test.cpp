#include "engine/text/unicode.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace unct::text {
namespace {

TEST(CountWords, CountsRunsOfLettersAndDigitsInAnyScript) {
  EXPECT_EQ(count_words(""), 0U);
  EXPECT_EQ(count_words("  ,. - "), 0U);
  EXPECT_EQ(count_words("Roma and Sinti"), 3U);
  EXPECT_EQ(count_words("l'égalité, la non-discrimination"), 5U);  // l, égalité, la, non, discrimination
  EXPECT_EQ(count_words("Общины рома 2024"), 3U);
  EXPECT_EQ(count_words("café"), 1U);  // a word running into a non-ASCII letter stays one word
  EXPECT_EQ(count_words("naïve-ish"), 2U);
}

// Long ASCII stretches are counted in blocks: a word cut by a block's end, or by a non-ASCII
// byte inside it, is still one word, and the count equals a byte-by-byte count.
TEST(CountWords, LongTextsCountTheSameAsByteByByte) {
  std::string text;
  std::size_t expected = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string word = i % 7 == 0 ? "déjà" : (i % 5 == 0 ? "abcdefghij" : "ab1");
    text += word;
    text += i % 11 == 0 ? ", " : " ";
    ++expected;
  }
  EXPECT_EQ(count_words(text), expected);
  // A single word longer than any block.
  EXPECT_EQ(count_words(std::string(10000, 'x')), 1U);
  EXPECT_EQ(count_words(std::string(5000, 'x') + "é" + std::string(5000, 'y')), 1U);
}

// Sixteen bytes are looked at together: words and gaps of every length, starting anywhere
// against those sixteen, in texts longer than the 4 KB stretches counted at once, count as one
// byte at a time does.
TEST(CountWords, AnyMixOfWordsAndGapsCountsTheSameAsByteByByte) {
  std::uint32_t seed = 2021;
  auto next = [&] { return (seed = seed * 1664525U + 1013904223U) >> 16; };
  const std::string alphabet = "aZ09 .,-'(\n\t";  // four word bytes, then others
  for (const std::size_t size : {1U, 15U, 16U, 17U, 31U, 33U, 100U, 4079U, 4080U, 4081U, 4097U, 9000U}) {
    for (int round = 0; round < 8; ++round) {
      std::string text;
      std::size_t expected = 0;
      bool before = false;
      while (text.size() < size) {
        const char c = alphabet[next() % (round % 2 == 0 ? alphabet.size() : 5)];  // odd rounds: long words
        const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        expected += word && !before;
        before = word;
        text += c;
      }
      EXPECT_EQ(count_words(text), expected) << "size " << size << ", round " << round;
    }
  }
  // A word starting at the same place of every sixteen bytes, across whole stretches: each lane
  // counts 255 of them, its most.
  std::string one_letter_words;
  for (int i = 0; i < 4500; ++i) one_letter_words += "a ";
  EXPECT_EQ(count_words(one_letter_words), 4500U);
}

TEST(CountWords, StopsSoonAfterTheLimit) {
  const std::string text = "one two three four five six";
  EXPECT_EQ(count_words(text, 10), 6U);
  EXPECT_GT(count_words(text, 3), 3U);  // any count above the limit means "more"
}

// The end of an ASCII run, wherever its first other byte falls among the sixteen read at once.
TEST(AsciiEnd, StopsAtTheFirstByteWithItsTopBitSet) {
  for (std::size_t at = 0; at < 40; ++at) {
    const std::string text = std::string(at, 'a') + "\u00e9" + std::string(10, 'b');
    EXPECT_EQ(ascii_end(text, 0, text.size()), at);
    EXPECT_EQ(ascii_end(text, at + 2, text.size()), text.size());
    EXPECT_EQ(ascii_end(text, 0, at / 2), at / 2);  // never past `stop`
  }
}

TEST(FindInvalidUtf8, NamesTheFirstBadByteAfterAnyLengthOfAscii) {
  for (std::size_t at = 0; at < 40; ++at) {
    const std::string good = std::string(at, 'x') + "\u00e9\u0416" + std::string(9, 'y');
    EXPECT_FALSE(find_invalid_utf8(good).has_value());
    const std::string bad = std::string(at, 'x') + "\u00e9" + "\xC3" + "(" + std::string(9, 'y');
    ASSERT_TRUE(find_invalid_utf8(bad).has_value());
    EXPECT_EQ(*find_invalid_utf8(bad), at + 2);
  }
}

}  // namespace
}  // namespace unct::text
