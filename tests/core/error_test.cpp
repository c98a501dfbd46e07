#include "engine/core/error.hpp"
#include "engine/core/level.hpp"
#include "engine/core/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace unct {
namespace {

TEST(SourceLocation, ReadsLikeACompilerMessage) {
  EXPECT_EQ(to_string(SourceLocation{.file = "c.xml", .line = 12, .column = 7, .item_id = "RDM-CCA-01"}),
            "c.xml:12:7: item RDM-CCA-01: ");
  EXPECT_EQ(to_string(SourceLocation{.file = "doc.pdf", .page = 3}), "doc.pdf: page 3: ");
  EXPECT_EQ(to_string(SourceLocation{}), "");
}

TEST(InputError, WhatCarriesLocationAndMessage) {
  const InputError error({.file = "a.md", .line = 2}, "bad");
  EXPECT_STREQ(error.what(), "a.md:2: bad");
  EXPECT_EQ(error.message(), "bad");
  EXPECT_EQ(error.where().line, 2);
}

TEST(LineColumnAt, CountsCodePointsNotBytes) {
  EXPECT_EQ(line_column_at("ab\ncd", 4), (LineColumn{2, 2}));
  EXPECT_EQ(line_column_at("\xC3\xA9x", 2), (LineColumn{1, 2}));  // after "é"
  EXPECT_EQ(line_column_at("abc", 99), (LineColumn{1, 4}));
}

// Every offset of texts with empty lines, multi-byte characters straddling the index's
// checkpoints, a line far longer than a checkpoint and no final line break.
TEST(LineIndex, AgreesWithCountingFromTheStart) {
  std::string long_line;
  for (int i = 0; i < 300; ++i) long_line += i % 7 == 0 ? "\xC3\xA9" : i % 11 == 0 ? "\xE2\x80\x99" : "a";
  for (const std::string& text :
       {std::string(), std::string("\n"), std::string("ab\ncd"), std::string("\n\n\xC3\xA9x\n"), long_line,
        "<a>\n" + long_line + "\n\n" + long_line + "x"}) {
    const LineIndex index(text);
    for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {
      ASSERT_EQ(index.at(offset), line_column_at(text, offset))
          << "offset " << offset << " of a text of " << text.size();
    }
  }
}

TEST(LineIndex, CountsCodePointsWithinOneLongLine) {
  const std::string text = std::string(1000, 'a') + "\xC3\xA9" + std::string(1000, 'b') + "<x";
  EXPECT_EQ(LineIndex(text).at(text.find("<x")), (LineColumn{1, 2002}));
}

TEST(Level, ParsesCodesAndRejectsOthers) {
  EXPECT_EQ(parse_level("MEETS"), Level::meets);
  EXPECT_EQ(parse_level("exceeds"), Level::exceeds);
  EXPECT_FALSE(parse_level("good").has_value());
  EXPECT_EQ(parse_document_kind("UNDAF"), DocumentKind::cf);
  EXPECT_FALSE(parse_document_kind("plan").has_value());
}

TEST(Sha256, MatchesKnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// A megabyte given whole and in uneven pieces (across the 64-byte blocks): the digest of the bytes.
TEST(Sha256, PiecesGiveTheDigestOfTheWhole) {
  std::string bytes(1000003, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i % 251);
  const std::string expected = "a7c4bea888022868c93104055fd56077cc81fe9eb624820fe2f717f313188782";
  EXPECT_EQ(sha256_hex(bytes), expected);
  Sha256 pieces;
  for (std::size_t at = 0, size = 1; at < bytes.size(); at += size, size = size * 3 % 1000 + 1) {
    pieces.update(std::string_view(bytes).substr(at, size));
  }
  EXPECT_EQ(pieces.hex(), expected);
}

}  // namespace
}  // namespace unct
