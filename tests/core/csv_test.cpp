#include "engine/core/csv.hpp"

#include "engine/core/error.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

TEST(Csv, ReadsQuotedFieldsAndKeepsEachRowsLine) {
  const CsvTable t = parse_csv(
      "\xEF\xBB\xBF"
      "File, Country ,note\r\n"
      "a.pdf,Valdoria,\"plain\"\r\n"
      "\r\n"
      "b.pdf,\"Côte, Nord\",\"two\nlines, \"\"quoted\"\"\"\n"
      "c.pdf,,\n",
      "m.csv");
  EXPECT_EQ(t.header, (std::vector<std::string>{"File", "Country", "note"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[1].line, 4);  // the blank line 3 is skipped, not renumbered
  EXPECT_EQ(t.rows[2].line, 6);  // the quoted line break counts
  EXPECT_EQ(t.field(t.rows[1], t.column("country")), "Côte, Nord");
  EXPECT_EQ(t.field(t.rows[1], t.column("NOTE")), "two\nlines, \"quoted\"");
  EXPECT_EQ(t.field(t.rows[2], t.column("country")), "");
  EXPECT_EQ(t.field(t.rows[2], t.column("absent")), "");
  EXPECT_FALSE(t.column("absent"));
}

TEST(Csv, RowsOfEmptyFieldsAreBlankLines) {
  const CsvTable t = parse_csv("a,b\n,,\n1,2", "x.csv");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 3);
}

TEST(Csv, UnclosedQuoteNamesTheFileAndLine) {
  EXPECT_THAT([] { parse_csv("a,b\n1,2\n3,\"open\nstill open", "m.csv"); },
              ThrowsMessage<InputError>(HasSubstr("m.csv:3: not valid CSV: a quoted field is never closed")));
}

TEST(Csv, TextAfterAClosingQuoteNamesTheLine) {
  EXPECT_THAT([] { parse_csv("a,b\n1,2\n\"x\"y,3\n", "m.csv"); },
              ThrowsMessage<InputError>(HasSubstr("m.csv:3: not valid CSV")));
}

TEST(Csv, EmptyFileIsAnError) {
  EXPECT_THAT([] { parse_csv("\n\n", "m.csv"); }, ThrowsMessage<InputError>(HasSubstr("m.csv: empty CSV file")));
}

// A form saved from a spreadsheet: shared strings, an inline string, a number, an empty row and a
// row with empty cells (tests/fixtures/selfassess/make-xlsx wrote it).
TEST(Xlsx, ReadsTheFirstSheetLikeItsCsv) {
  const CsvTable t = read_table(test::fixture("selfassess/form-filled.xlsx"));
  EXPECT_EQ(t.header, (std::vector<std::string>{"item", "section", "title", "level", "justification", "source"}));
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[1].line, 4);  // the empty row 3 is skipped, the row numbers kept
  EXPECT_EQ(t.field(t.rows[0], t.column("level")), "Missing");
  EXPECT_EQ(t.field(t.rows[1], t.column("justification")), "All CERD recommendations are used");  // inline string
  EXPECT_EQ(t.field(t.rows[2], t.column("source")), "2024");                                      // a number
  EXPECT_EQ(t.field(t.rows[3], t.column("level")), "");
}

TEST(Xlsx, CsvStillReadsAndABrokenWorkbookNamesTheFile) {
  test::TempDir dir;
  test::write_bytes(dir / "a.csv", "item,level\nRDM-CCA-01,meets\n");
  EXPECT_EQ(read_table(dir / "a.csv").rows.size(), 1u);
  std::string truncated = test::read_bytes(test::fixture("selfassess/form-filled.xlsx"));
  truncated.resize(truncated.size() / 2);
  test::write_bytes(dir / "t.xlsx", truncated);
  EXPECT_THAT([&] { read_table(dir / "t.xlsx"); },
              ThrowsMessage<InputError>(HasSubstr("t.xlsx: not a readable zip package")));
}

}  // namespace
}  // namespace unct
