// OpenDocument text read like DOCX. The fixtures come from tests/fixtures/ingest/make-odt.

#include "cli/run.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/ingest/serialise.hpp"
#include "tests/support/document.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>

namespace unct::ingest {
namespace {

using test::block_with;
using test::fixture;
using test::texts;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::ThrowsMessage;

const Block& heading(const Document& d, const std::string& text) {
  for (const Block& b : d.blocks) {
    if (b.kind == BlockKind::heading && b.text == text) return b;
  }
  throw std::runtime_error("no heading " + text);
}

bool has_text(const Document& d, const std::string& text) {
  return std::any_of(d.blocks.begin(), d.blocks.end(),
                     [&](const Block& b) { return b.text.find(text) != std::string::npos; });
}

Document odt(const std::string& name) { return read_document(fixture("ingest/" + name)); }

// The same analysis as outline.md and outline.docx, with the same blocks (read_test.cpp).
TEST(ReadOdt, ReadsHeadingsListsTablesFootnotesAndTrackedChanges) {
  const Document d = odt("outline.odt");
  EXPECT_EQ(d.format, "odt");
  EXPECT_THAT(d.warnings, IsEmpty());
  // The title is the first heading, as for DOCX, not meta.xml's dc:title.
  EXPECT_EQ(d.title, "Republic of Testland: Common Country Analysis");
  EXPECT_EQ(d.kind, DocumentKind::cca);
  // "2. Who is left behind" is a paragraph whose automatic style has a custom parent based on Heading 2.
  EXPECT_THAT(texts(d, BlockKind::heading),
              ElementsAre("Republic of Testland: Common Country Analysis", "2. Who is left behind", "3. Data"));
  EXPECT_EQ(block_with(d, "2. Who").level, 2);
  // White space the producer indented with collapses; a space between two spans is kept; the
  // deletion is left out and the comment's text too.
  EXPECT_THAT(texts(d, BlockKind::paragraph),
              ElementsAre("Intro paragraph with a footnote.", "Footnote 1: Census 2021, table 4.",
                          "Roma children face barriers\nin school.", "Data are now disaggregated by ethnicity."));
  EXPECT_THAT(texts(d, BlockKind::list_item), ElementsAre("Roma women", "older Roma women", "Indigenous peoples"));
  EXPECT_EQ(block_with(d, "Roma women").level, 1);
  EXPECT_EQ(block_with(d, "older Roma").level, 2);
  EXPECT_THAT(texts(d, BlockKind::table_cell), ElementsAre("Group", "Poverty rate", "Roma", "41 per cent"));
  const Block& cell = block_with(d, "41 per cent");
  EXPECT_EQ(cell.table, 0);
  EXPECT_EQ(cell.row, 1);
  EXPECT_EQ(cell.column, 1);
  EXPECT_THAT(cell.section, ElementsAre("2. Who is left behind"));
  EXPECT_EQ(block_with(d, "Roma children").page, 0);  // pages depend on the layout: quotes cite the heading path
}

// The same blocks, kinds and headings, item for item, as the DOCX reader gives the same file.
TEST(ReadOdt, ReadsLikeTheSameDocumentAsDocx) {
  const Document docx = read_document(fixture("ingest/outline.docx"));
  const Document open = odt("outline.odt");
  ASSERT_EQ(docx.blocks.size(), open.blocks.size());
  for (std::size_t i = 0; i < docx.blocks.size(); ++i) {
    EXPECT_EQ(docx.blocks[i].kind, open.blocks[i].kind) << i;
    EXPECT_EQ(docx.blocks[i].section, open.blocks[i].section) << i;
    EXPECT_EQ(docx.blocks[i].level, open.blocks[i].level) << i;
    EXPECT_EQ(docx.blocks[i].table, open.blocks[i].table) << i;
    EXPECT_EQ(docx.blocks[i].row, open.blocks[i].row) << i;
    EXPECT_EQ(docx.blocks[i].column, open.blocks[i].column) << i;
  }
}

TEST(ReadOdt, HeadingLevelsComeFromOutlineLevelsAndStyles) {
  const Document d = odt("details.odt");
  // Title style, text:h with a level (and the number last laid out), text:h with its style's
  // level only; a paragraph style based on Heading 2 but set to body text is no heading, nor is
  // LibreOffice's "Contents Heading", which has no outline level.
  EXPECT_THAT(texts(d, BlockKind::heading),
              ElementsAre("Republic of Testland: Cooperation Framework 2026-2030", "1. Who is left behind",
                          "Data gaps by region", "2. Results framework"));
  EXPECT_EQ(heading(d, "Republic of Testland: Cooperation Framework 2026-2030").level, 1);
  EXPECT_EQ(heading(d, "1. Who is left behind").level, 1);
  EXPECT_EQ(heading(d, "Data gaps by region").level, 3);
  EXPECT_THAT(heading(d, "Data gaps by region").section, ElementsAre("1. Who is left behind", "Data gaps by region"));
  EXPECT_EQ(block_with(d, "Not a heading").kind, BlockKind::paragraph);
  EXPECT_EQ(d.title, "Republic of Testland: Cooperation Framework 2026-2030");
  EXPECT_EQ(d.kind, DocumentKind::cf);
}

TEST(ReadOdt, SpacesTabsAndFieldsAreTextAndFramesAreNot) {
  const Document d = odt("details.odt");
  // text:s counts its spaces (a hostile count is capped), text:tab is a space as Word's tab
  // is, a field reads as its value, hidden text is left out.
  EXPECT_EQ(block_with(d, "Spaces:").text,
            "Spaces:   three, a tab here, a field 4 and hidden text" + std::string(100, ' ') + "end.");
  // A text box is a drawing: not read, as in DOCX.
  EXPECT_EQ(block_with(d, "Roma mediators").text, "Roma mediators work in 40 schools.");
  EXPECT_FALSE(has_text(d, "Box 1"));
  // The table of contents is read and marked as such.
  EXPECT_EQ(block_with(d, "2. Results framework 7").zone, Zone::contents);
  EXPECT_EQ(block_with(d, "Roma mediators").zone, Zone::text);
}

TEST(ReadOdt, ListsAndNumberedParagraphsAreListItems) {
  const Document d = odt("details.odt");
  EXPECT_EQ(block_with(d, "Roma youth").kind, BlockKind::list_item);
  EXPECT_EQ(block_with(d, "Roma youth").level, 2);
}

TEST(ReadOdt, NotesFollowTheParagraphOrTableThatCitesThem) {
  const Document d = odt("details.odt");
  const auto paragraphs = texts(d, BlockKind::paragraph);
  const auto at = [&](const std::string& text) {
    return std::find(paragraphs.begin(), paragraphs.end(), text) - paragraphs.begin();
  };
  // An endnote inside a section, with its own mark.
  EXPECT_EQ(at("Endnote i: Consultation report, 2024."), at("Indigenous peoples were consulted.") + 1);
  // A footnote cited in a cell comes after the table, which stays whole.
  EXPECT_EQ(at("Footnote 1: Census definition."), at("After the table.") - 1);
  EXPECT_EQ(block_with(d, "by sex").text, "by ethnicity\nby sex");
}

// Results tables become the table_cell blocks DOCX gives, so that row-scoped signals hold.
TEST(ReadOdt, TablesAreRowsOfCells) {
  const Document d = odt("details.odt");
  const Block& indicator = block_with(d, "Primary completion rate");
  EXPECT_EQ(indicator.kind, BlockKind::table_cell);
  EXPECT_EQ(indicator.text, "Primary completion rate\nof Roma children");  // two paragraphs in the cell
  EXPECT_EQ(indicator.row, 1);
  EXPECT_EQ(indicator.column, 0);
  EXPECT_EQ(block_with(d, "by ethnicity").row, 1);  // a list in a cell
  EXPECT_EQ(block_with(d, "by ethnicity").column, 3);
  EXPECT_EQ(block_with(d, "Disaggregation").row, 0);  // the header row
  // A merged cell covers the next column; a table nested in a cell is read as its lines.
  EXPECT_EQ(block_with(d, "Merged").column, 0);
  EXPECT_EQ(block_with(d, "10%").column, 2);
  EXPECT_EQ(block_with(d, "by age").text, "by age\nby region");
  EXPECT_EQ(block_with(d, "by age").column, 3);
  // Repeated rows and cells keep their place: two empty rows, then three empty cells.
  EXPECT_EQ(block_with(d, "Last cell").row, 5);
  EXPECT_EQ(block_with(d, "Last cell").column, 3);
  for (const char* text : {"Indicator", "61%", "10%", "Last cell"}) EXPECT_EQ(block_with(d, text).table, 0) << text;
  EXPECT_THAT(block_with(d, "61%").section, ElementsAre("2. Results framework"));
}

// A results matrix in ODT is rated as in DOCX: every item the same level.
TEST(ScoreOdt, ResultsFrameworkGetsTheSameLevelsAsItsDocx) {
  test::TempDir dir;
  auto levels = [&](const std::filesystem::path& file) {
    const auto r = test::run_cli({"score", file.string(), "--db", (dir / "u.db").string(), "--format", "json"});
    EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    std::map<std::string, std::string> out;
    for (const auto& item : json["items"])
      out[item["id"]] = item["applicable"].get<bool>() ? item["level"].get<std::string>() : "n/a";
    return out;
  };
  const auto docx = levels(test::source_file("samples/cf-norvania-2025.docx"));
  ASSERT_FALSE(docx.empty());
  EXPECT_EQ(levels(fixture("ingest/cf-norvania-2025.odt")), docx);
}

TEST(ReadOdt, SampleReadsLikeItsMarkdown) {
  const Document markdown = read_document(test::source_file("samples/cca-valdoria-2025.md"));
  const Document open = odt("cca-valdoria-2025.odt");
  ASSERT_EQ(markdown.blocks.size(), open.blocks.size());
  for (std::size_t i = 0; i < markdown.blocks.size(); ++i) {
    EXPECT_EQ(markdown.blocks[i].kind, open.blocks[i].kind) << i;
    EXPECT_EQ(markdown.blocks[i].section, open.blocks[i].section) << i;
  }
  EXPECT_EQ(markdown.title, open.title);
  EXPECT_EQ(markdown.kind, open.kind);
  EXPECT_EQ(markdown.language, open.language);
  EXPECT_EQ(markdown.year, open.year);
}

// Nesting the reader would recurse through is bounded, and what is left out is said.
TEST(ReadOdt, DeepNestingIsBoundedWithAWarning) {
  const Document d = odt("deep.odt");
  EXPECT_EQ(block_with(d, "Roma children").text, "Roma children face discrimination in schools.");
  EXPECT_EQ(d.blocks.back().text, "After.");
  EXPECT_FALSE(has_text(d, "Deep in"));
  EXPECT_THAT(d.warnings,
              ElementsAre("content nested more than 64 levels deep (sections, lists, tables, spans) was left "
                          "out: 9 words from \"Deep in sections. Deep in spans. Deep in lists.\""));
}

TEST(ReadOdt, InvalidUtf8IsReplacedWithAWarning) {
  const Document d = odt("bad-utf8.odt");
  EXPECT_EQ(block_with(d, "Roma").text, "Roma children face discrimination \xEF\xBF\xBD in schools.");
  EXPECT_THAT(d.warnings, Contains("1 byte of text was not valid UTF-8 and was replaced by \xEF\xBF\xBD"));
}

// Not every producer stores the mimetype entry first: content.xml then says what it is.
TEST(ReadOdt, PackageWithoutMimetypeIsReadByItsParts) {
  const Document d = odt("no-mimetype.odt");
  EXPECT_EQ(d.format, "odt");
  EXPECT_EQ(block_with(d, "Roma").text, "Roma children face discrimination in schools.");
}

TEST(ReadOdt, RoundTripsThroughTheTextCache) {
  for (const char* name : {"outline.odt", "details.odt"}) {
    const Document d = odt(name);
    EXPECT_EQ(deserialise(serialise(d)), d) << name;
  }
}

TEST(ReadOdt, IsADocumentName) {
  EXPECT_TRUE(is_document_name("a/draft.odt"));
  EXPECT_TRUE(is_document_name("DRAFT.ODT"));
  EXPECT_FALSE(is_document_name("matrix.ods"));
  EXPECT_FALSE(is_document_name("slides.odp"));
}

class BadOdt : public ::testing::Test {
protected:
  // The message reading a committed fixture gives, or "no error".
  static std::string error_in(const std::string& name, const ReadOptions& options = {}) {
    try {
      read_document(fixture("ingest/" + name), options);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  // A copy of outline.odt cut after `size` bytes, as an interrupted download leaves it.
  std::filesystem::path truncated(std::size_t size) {
    const std::filesystem::path path = m_dir / "truncated.odt";
    test::write_bytes(path, test::read_bytes(fixture("ingest/outline.odt")).substr(0, size));
    return path;
  }
  test::TempDir m_dir;
};

TEST_F(BadOdt, TruncatedPackageNamesTheFile) {
  for (const std::size_t size : {std::size_t{100}, std::size_t{1500}}) {
    EXPECT_THAT([&] { read_document(truncated(size)); },
                ThrowsMessage<InputError>(HasSubstr("truncated.odt: not a readable zip package (")))
        << size;
    EXPECT_THAT([&] { read_document(truncated(size)); },
                ThrowsMessage<InputError>(HasSubstr("an OpenDocument text file may be damaged or truncated")))
        << size;
  }
}

TEST_F(BadOdt, BrokenPartsAreNamed) {
  EXPECT_THAT(error_in("malformed.odt"), HasSubstr("malformed.odt: content.xml:4:36: malformed XML"));
  EXPECT_THAT(error_in("no-text.odt"), HasSubstr("no-text.odt: content.xml has no office:text body"));
  EXPECT_THAT(error_in("outline.odt", {.max_unzipped_bytes = 1024}),
              HasSubstr("outline.odt: the package expands to more than 1 KiB"));
}

TEST_F(BadOdt, SpreadsheetIsRefusedWithAdvice) {
  EXPECT_EQ(error_in("sheet.ods"),
            test::fixture("ingest/sheet.ods").string() +
                ": an OpenDocument spreadsheet (.ods), not a text document: export it as PDF, or save "
                "its text as ODT or DOCX, and score that");
}

TEST_F(BadOdt, PasswordProtectedIsRefusedWithAdvice) {
  EXPECT_THAT(
      error_in("encrypted.odt"),
      HasSubstr("encrypted.odt: a password-protected OpenDocument file: save it without a password, or as DOCX or "
                "PDF, and score that"));
}

// The whole way a user goes: score an .odt, see the report, find it stored.
TEST(ScoreOdt, ScoresAnOdtEndToEnd) {
  test::TempDir dir;
  const auto r =
      test::run_cli({"score", fixture("ingest/cca-valdoria-2025.odt").string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Republic of Valdoria: Common Country Analysis 2025"));
  EXPECT_THAT(r.out, HasSubstr("Common Country Analysis (from the title)"));
  EXPECT_THAT(r.out, HasSubstr("RDM-CCA-01"));
  EXPECT_THAT(r.out, HasSubstr("Saved as assessment 1 in"));
  const auto again = test::run_cli(
      {"score", fixture("ingest/cca-valdoria-2025.odt").string(), "--db", (dir / "u.db").string(), "--format", "json"});
  ASSERT_EQ(again.exit_code, cli::k_exit_ok) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["document"]["format"], "odt");
}

TEST(ScoreOdt, BrokenOrOtherOpenDocumentFilesExitTwoNamingTheFile) {
  test::TempDir dir;
  test::write_bytes(dir / "draft.odt", test::read_bytes(fixture("ingest/outline.odt")).substr(0, 1500));
  for (const auto& [file, message] : std::vector<std::pair<std::string, std::string>>{
           {(dir / "draft.odt").string(), "draft.odt: not a readable zip package"},
           {fixture("ingest/sheet.ods").string(),
            "sheet.ods: an OpenDocument spreadsheet (.ods), not a text document"}}) {
    const auto r = test::run_cli({"score", file, "--db", (dir / "u.db").string()});
    EXPECT_EQ(r.exit_code, cli::k_exit_bad_input) << file;
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_THAT(r.out, Not(HasSubstr("Saved as assessment")));
  }
}

}  // namespace
}  // namespace unct::ingest
