#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct {
namespace {

using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(InspectCommand, ShowsTheOutlineWithPagesAndPartsOfTheSignedPdf) {
  const auto r = run_cli({"inspect", test::source_file("samples/cca-valdoria-2025.pdf").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(pdf, "));
  EXPECT_THAT(r.out, HasSubstr("Title     Republic of Valdoria: Common Country Analysis 2025"));
  EXPECT_THAT(r.out, HasSubstr("Kind      Common Country Analysis"));
  EXPECT_THAT(r.out, HasSubstr("Year      2025"));
  EXPECT_THAT(r.out, HasSubstr("Pages     "));
  EXPECT_THAT(r.out, HasSubstr("    2. Who is left behind  [p. 1]  -> Leave no one behind analysis"));
  EXPECT_THAT(r.out, HasSubstr("      2.1 Indigenous peoples  [p. "));
  EXPECT_THAT(r.out, HasSubstr("running header, footer or page-number lines left out"));
  EXPECT_THAT(r.out, Not(HasSubstr("BLOCKS")));
}

TEST(InspectCommand, BlocksListsEveryBlockWithItsPlaceAndPart) {
  const auto r = run_cli({"inspect", test::fixture("ingest/outline.docx").string(), "--blocks"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Blocks    14: 3 headings, 4 paragraphs, 3 list items, 4 table cells in 1 table"));
  EXPECT_THAT(r.out, HasSubstr("  list-item 2, lnob: older Roma women"));
  EXPECT_THAT(r.out, HasSubstr("  table-cell 0:1:1, lnob: 41 per cent"));
  EXPECT_THAT(r.out, HasSubstr("  paragraph: Footnote 1: Census 2021, table 4."));
}

TEST(InspectCommand, DocumentWithoutHeadingsIsWarnedAbout) {
  test::TempDir dir;
  test::write_bytes(dir / "flat.txt", "Roma children face discrimination in school.\n");
  const auto r = run_cli({"inspect", (dir / "flat.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("no headings found: document parts cannot be recognised"));
}

TEST(InspectCommand, UnreadableDocumentIsBadInput) {
  const auto r = run_cli({"inspect", test::fixture("ingest/scanned.pdf").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("scanned.pdf: no text layer"));
}

}  // namespace
}  // namespace unct
