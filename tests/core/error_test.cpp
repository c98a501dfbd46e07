#include "engine/core/error.hpp"
#include "engine/core/level.hpp"
#include "engine/core/sha256.hpp"

#include <gtest/gtest.h>

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

TEST(Level, ParsesCodesAndRejectsOthers) {
  EXPECT_EQ(parse_level("MEETS"), Level::meets);
  EXPECT_EQ(parse_level("exceeds"), Level::exceeds);
  EXPECT_FALSE(parse_level("good").has_value());
  EXPECT_EQ(parse_document_kind("UNDAF"), DocumentKind::cf);
  EXPECT_FALSE(parse_document_kind("plan").has_value());
}

TEST(Sha256, MatchesKnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace unct
