#include "engine/text/normalise.hpp"
#include "engine/text/sentences.hpp"

#include <gtest/gtest.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <random>

namespace unct::text {
namespace {

TEST(Normalise, FoldsCaseAndCollapsesWhiteSpace) {
  EXPECT_EQ(normalise("Racial   Discrimination\n\tAND Roma").text, "racial discrimination and roma");
}

TEST(Normalise, StripsLatinAccents) {
  EXPECT_EQ(normalise_term("Discriminación"), "discriminacion");
  EXPECT_EQ(normalise_term("Minorités"), "minorites");
  EXPECT_EQ(normalise_term("PUEBLOS INDÍGENAS"), "pueblos indigenas");
}

TEST(Normalise, AppliesCompatibilityAndFullCaseFolding) {
  EXPECT_EQ(normalise_term("\xEF\xAC\x81nancial"), "financial");  // "ﬁ" ligature
  EXPECT_EQ(normalise_term("Stra\xC3\x9F"
                           "e"),
            "strasse");  // "ß"
  EXPECT_EQ(normalise_term("a\xC2\xA0"
                           "b"),
            "a b");  // NBSP
}

TEST(Normalise, UnifiesApostrophesAndDashes) {
  EXPECT_EQ(normalise_term("l\xE2\x80\x99\xC3\xA9galit\xC3\xA9"), "l'egalite");  // l’égalité
  EXPECT_EQ(normalise_term("Afro\xE2\x80\x91"
                           "descendant"),
            "afro-descendant");                            // non-breaking hyphen
  EXPECT_EQ(normalise_term("a \xE2\x80\x94 b"), "a - b");  // em dash
}

TEST(Normalise, FoldsCyrillicYoButKeepsShortI) {
  EXPECT_EQ(normalise_term("\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0"), "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0");  // Ёлка -> елка
  EXPECT_EQ(normalise_term("\xD0\x99"), "\xD0\xB9");  // Й -> й, never и
}

TEST(Normalise, DropsArabicHarakatAndTatweel) {
  // "عَرَبـي" with fatha marks and a tatweel folds to "عربي".
  EXPECT_EQ(normalise_term("\xD8\xB9\xD9\x8E\xD8\xB1\xD9\x8E\xD8\xA8\xD9\x80\xD9\x8A"),
            "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A");
}

TEST(Normalise, JoinsLineEndHyphenation) {
  EXPECT_EQ(normalise("racial discrimi-\nnation persists").text, "racial discrimination persists");
  EXPECT_EQ(normalise("Afro-\nDescendant").text, "afro- descendant");  // not lower-case on both sides
  // A typographic hyphen (U+2010) or soft line-end dash joins the same way, inside a text too.
  EXPECT_EQ(normalise("racial discrimi\u2010\nnation persists").text, "racial discrimination persists");
  EXPECT_EQ(normalise("discrimi\u2010\nnation").text, "discrimination");
  EXPECT_EQ(normalise("Afro\u2010\nDescendant").text, "afro- descendant");
}

TEST(Normalise, MapsEveryByteBackToTheSource) {
  const std::string source =
      "Die  Stra\xC3\x9F"
      "e";  // "Die  Straße"
  const NormalisedText n = normalise(source);
  ASSERT_EQ(n.text, "die strasse");
  ASSERT_EQ(n.origin.size(), n.text.size() + 1);
  const auto [begin, end] = n.source_span(4, 11);  // "strasse"
  EXPECT_EQ(source.substr(begin, end - begin),
            "Stra\xC3\x9F"
            "e");
  const auto [b2, e2] = n.source_span(0, 3);
  EXPECT_EQ(source.substr(b2, e2 - b2), "Die");
}

// ASCII is folded a stretch at a time: white space collapses across the stretch's ends, a hyphen
// joins a next line that starts with an accented letter, and the bytes after a skipped space or
// a joined line end still point at their own source bytes.
TEST(Normalise, AsciiStretchesMeetTheOtherCharacters) {
  EXPECT_EQ(normalise("Roma\u00A0 \tand\n\u00A0Sinti").text, "roma and sinti");
  EXPECT_EQ(normalise("des r\u00E9fu-\n  \u00E9gi\u00E9s").text, "des refuegies");
  EXPECT_EQ(normalise("  Minority   rights  ").text, "minority rights");
  const std::string source = "A  bc-\n de";
  const NormalisedText n = normalise(source);
  ASSERT_EQ(n.text, "a bcde");
  const std::string expected_origin[] = {"A", " ", "b", "c", "d", "e"};
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    const auto [begin, end] = n.source_span(i, i + 1);
    EXPECT_EQ(source.substr(begin, 1), expected_origin[i]) << "byte " << i;
  }
}

// Long ASCII text goes 32 bytes at a time where there is nothing to decide: against the rules
// applied one byte at a time (fold, one space for a run of white space, a line-end hyphen between
// lower-case letters joined), on texts whose hyphens, white space and line ends fall at every
// offset of the windows; and every byte still points at a source byte that folds to it.
TEST(Normalise, LongAsciiTextFollowsTheRulesByteForByte) {
  auto fold = [](char c) {
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c + 32);
    return (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') ? ' ' : c;
  };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto expected = [&](const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      if (s[i] == '-' && i > 0 && lower(s[i - 1])) {
        std::size_t j = i + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
        if (j < s.size() && s[j] == '\n') {
          ++j;
          while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
          if (j < s.size() && lower(s[j])) {
            i = j;
            continue;
          }
        }
      }
      const char c = fold(s[i++]);
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out += c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  const char* pieces[] = {"minority",
                          "Roma",
                          "rights",
                          "-",
                          " ",
                          "  ",
                          "\n",
                          "\t",
                          " \n ",
                          "-\n",
                          "- \n  ",
                          "x",
                          "CERD/C/KEN",
                          "2019",
                          ".",
                          "\r\n",
                          "Afro-descendant",
                          "\x01",
                          "\x7f"};
  std::mt19937 random(2021);
  for (int t = 0; t < 3000; ++t) {
    std::string source;
    const std::size_t pieces_in = 10 + random() % 90;
    for (std::size_t p = 0; p < pieces_in; ++p) source += pieces[random() % std::size(pieces)];
    const NormalisedText n = normalise(source);
    ASSERT_EQ(n.text, expected(source)) << "source: " << source;
    ASSERT_EQ(n.origin.size(), n.text.size() + 1);
    for (std::size_t i = 0; i < n.text.size(); ++i)
      ASSERT_EQ(fold(source[n.origin[i]]), n.text[i]) << "byte " << i << " of: " << source;
  }
}

// A precomposed letter ("é") is read from a table made once, a decomposed one ("e" + U+0301)
// by ICU each time: both must give the same text, for every code point the table holds.
TEST(Normalise, PrecomposedAndDecomposedLettersAgree) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  int decomposable = 0;
  for (UChar32 c = 0xA0; c < 0x250; ++c) {
    const icu::UnicodeString one(c);
    const icu::UnicodeString parts = nfd->normalize(one, status);
    std::string composed;
    std::string decomposed;
    one.toUTF8String(composed);
    parts.toUTF8String(decomposed);
    if (composed == decomposed) continue;
    ++decomposable;
    EXPECT_EQ(normalise("x" + composed + "y").text, normalise("x" + decomposed + "y").text) << "U+" << std::hex << c;
    EXPECT_EQ(normalise(composed + " " + composed).text, normalise(decomposed + " " + decomposed).text)
        << "U+" << std::hex << c;
  }
  EXPECT_GT(decomposable, 200);
  EXPECT_EQ(normalise("Égalité ÑANDÚ Straße").text, "egalite nandu strasse");
}

TEST(Normalise, ReadsACombiningMarkWithThePlainLetterBeforeIt) {
  // "Minorités" with its accent as a combining mark after a plain "e", mid-word: the "e" and the
  // mark fold together, and every byte still maps back to where it came from.
  const std::string source =
      "Minorite\xCC\x81"
      "s DATA-\nbase";
  const NormalisedText n = normalise(source);
  ASSERT_EQ(n.text, "minorites data- base");
  const std::vector<std::uint32_t> expected{0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22};
  ASSERT_EQ(n.origin.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(n.origin[i], expected[i]) << i;
}

TEST(SentenceStarts, SplitsAtFullStopsButNotAbbreviations) {
  const std::string source = "Roma face barriers, e.g. in schools. Data are scarce! see para. 4 below";
  const NormalisedText n = normalise(source);
  const auto starts = sentence_starts(n, source);
  ASSERT_EQ(starts.size(), 2u);
  EXPECT_EQ(n.text.substr(starts[1]), "data are scarce! see para. 4 below");
  EXPECT_EQ(sentence_of(starts, 5), 0u);
  EXPECT_EQ(sentence_of(starts, starts[1] + 1), 1u);
}

}  // namespace
}  // namespace unct::text
