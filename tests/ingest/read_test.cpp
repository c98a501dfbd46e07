#include "engine/ingest/read.hpp"

#include "engine/core/error.hpp"
#include "engine/ingest/serialise.hpp"
#include "engine/text/unicode.hpp"
#include "tests/support/document.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::ingest {
namespace {

using test::block_with;
using test::fixture;
using test::texts;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

// The outline fixtures (outline.md, page.html, outline.docx) hold the same analysis: a title,
// two chapters, a paragraph with a line break, a nested list and a two-by-two table.
void expect_testland_outline(const Document& d) {
  EXPECT_EQ(d.title, "Republic of Testland: Common Country Analysis");
  EXPECT_EQ(d.kind, DocumentKind::cca);
  EXPECT_THAT(texts(d, BlockKind::heading),
              ElementsAre("Republic of Testland: Common Country Analysis", "2. Who is left behind", "3. Data"));
  EXPECT_EQ(block_with(d, "Roma children").text, "Roma children face barriers\nin school.");
  EXPECT_THAT(texts(d, BlockKind::list_item), ElementsAre("Roma women", "older Roma women", "Indigenous peoples"));
  EXPECT_EQ(block_with(d, "older Roma").level, 2);
  EXPECT_THAT(texts(d, BlockKind::table_cell), ElementsAre("Group", "Poverty rate", "Roma", "41 per cent"));
  const Block& cell = block_with(d, "41 per cent");
  EXPECT_EQ(cell.row, 1);
  EXPECT_EQ(cell.column, 1);
  EXPECT_EQ(cell.table, 0);
  EXPECT_THAT(cell.section, ElementsAre("2. Who is left behind"));
}

// A sample in another format reads into the same blocks under the same headings as its Markdown.
void expect_same_structure(const Document& markdown, const Document& other) {
  ASSERT_EQ(markdown.blocks.size(), other.blocks.size());
  for (std::size_t i = 0; i < markdown.blocks.size(); ++i) {
    EXPECT_EQ(markdown.blocks[i].kind, other.blocks[i].kind) << i;
    EXPECT_EQ(markdown.blocks[i].section, other.blocks[i].section) << i;
  }
  EXPECT_EQ(markdown.title, other.title);
  EXPECT_EQ(markdown.kind, other.kind);
  EXPECT_EQ(markdown.language, other.language);
  EXPECT_EQ(markdown.year, other.year);
}

Document sample(const std::string& extension) {
  return read_document(test::source_file("samples/cca-valdoria-2025." + extension));
}

TEST(ReadMarkdown, ReadsHeadingsParagraphsListsAndTables) {
  const Document d = read_document(fixture("ingest/outline.md"));
  EXPECT_EQ(d.format, "markdown");
  expect_testland_outline(d);
  EXPECT_EQ(block_with(d, "Intro").text, "Intro paragraph with emphasis and a link & an entity.");
  EXPECT_EQ(block_with(d, "Roma children").line, 7);
}

TEST(ReadMarkdown, SectionPathsLeaveOutTheDocumentTitle) {
  const Document d = read_document(fixture("ingest/outline.md"));
  EXPECT_THAT(block_with(d, "41 per cent").section, ElementsAre("2. Who is left behind"));
  EXPECT_THAT(block_with(d, "Final").section, ElementsAre("3. Data"));
  EXPECT_EQ(section_label(block_with(d, "Final")), "3. Data");
}

TEST(ReadHtml, ReadsHeadingsParagraphsListsAndTablesAndDropsPageChrome) {
  const Document d = read_document(fixture("ingest/page.html"));
  EXPECT_EQ(d.format, "html");
  expect_testland_outline(d);
  EXPECT_EQ(block_with(d, "Roma children").line, 15);
  EXPECT_THAT(texts(d, BlockKind::paragraph),
              ElementsAre("Intro paragraph with emphasis and a link & an entity.",
                          "Roma children face barriers\nin school.", "Final text in a div, with a span."));
  EXPECT_THAT(block_with(d, "Final").section, ElementsAre("3. Data"));
  for (const Block& b : d.blocks) {
    EXPECT_EQ(b.text.find("navigation"), std::string::npos);
    EXPECT_EQ(b.text.find("Hidden"), std::string::npos);
    EXPECT_EQ(b.text.find("Footer"), std::string::npos);
    EXPECT_EQ(b.text.find("not text"), std::string::npos);
  }
}

TEST(ReadHtml, PageInItsDeclaredCharsetIsTranscoded) {
  const Document d = read_document(fixture("ingest/windows-1252.html"));
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(block_with(d, "Caf").text, "Caf\u00e9 et discrimination \u2013 les Roms.");
}

// The same analysis as Markdown and as a web page is rated the same, item by item.
TEST(ReadHtml, SampleAsAWebPageReadsLikeItsMarkdown) { expect_same_structure(sample("md"), sample("html")); }

TEST(ReadDocx, ReadsStylesListsTablesFootnotesAndTrackedChanges) {
  const Document d = read_document(fixture("ingest/outline.docx"));
  EXPECT_EQ(d.format, "docx");
  expect_testland_outline(d);  // "2. Who is left behind" has a custom style based on Heading 2
  EXPECT_THAT(
      texts(d, BlockKind::paragraph),
      ElementsAre("Intro paragraph with a footnote.", "Footnote 1: Census 2021, table 4.",
                  "Roma children face barriers\nin school.", "Data are now disaggregated by ethnicity. Check this."));
  EXPECT_EQ(block_with(d, "Roma children").line, 0);  // DOCX has no lines or pages: quotes cite the heading path
  EXPECT_EQ(block_with(d, "Roma children").page, 0);
}

TEST(ReadDocx, SampleAsWordDocumentReadsLikeItsMarkdown) { expect_same_structure(sample("md"), sample("docx")); }

TEST(ReadPdf, RebuildsParagraphsAndHeadingsAndDropsRunningLines) {
  const Document d = read_document(fixture("ingest/layout.pdf"));
  EXPECT_EQ(d.format, "pdf");
  EXPECT_EQ(d.pages, 3);
  EXPECT_EQ(d.title, "Republic of Testland: Common Country Analysis");
  EXPECT_THAT(texts(d, BlockKind::heading),
              ElementsAre("Republic of Testland: Common Country Analysis", "2. Who is left behind", "3. Data",
                          "3.1 Data gaps", "Annex 1. Results framework"));
  EXPECT_EQ(block_with(d, "3. Data").level, 2);        // 14 points, under the 18-point title
  EXPECT_EQ(block_with(d, "3.1 Data gaps").level, 3);  // numbered, in the body size
  // Line-end hyphenation joined; columns read one after the other; headers and "Page N" gone.
  EXPECT_THAT(texts(d, BlockKind::paragraph),
              ElementsAre("Roma children face barriers in school and the discrimination they meet is rarely recorded.",
                          "Indigenous peoples live mostly in the highlands.",
                          "The left column opens here and ends with its second line.",
                          "The right column comes after the left one.", "No data by ethnicity exist.",
                          "Final paragraph on the last page.", "The matrix is reviewed every year."));
  // The results table: rows of cells, the wrapped indicator joined in its cell.
  EXPECT_THAT(texts(d, BlockKind::table_cell),
              ElementsAre("Indicator", "Baseline", "Target", "Primary completion rate of Roma children, by sex", "61%",
                          "80%", "People who felt discriminated against", "19%", "10%"));
  EXPECT_EQ(block_with(d, "19%").row, 2);
  EXPECT_EQ(block_with(d, "19%").column, 1);
  EXPECT_EQ(block_with(d, "19%").page, 3);
  EXPECT_EQ(block_with(d, "Indigenous").page, 1);
  EXPECT_EQ(block_with(d, "right column").page, 2);
  EXPECT_EQ(block_with(d, "Final paragraph").page, 3);
  EXPECT_THAT(block_with(d, "No data").section, ElementsAre("3. Data", "3.1 Data gaps"));
  EXPECT_THAT(d.warnings, ElementsAre("6 running header, footer or page-number lines left out"));
}

TEST(ReadPdf, SampleAsPdfReadsLikeItsMarkdown) {
  const Document signed_copy = sample("pdf");
  expect_same_structure(sample("md"), signed_copy);
  for (const Block& b : signed_copy.blocks) EXPECT_GT(b.page, 0) << b.text;
  EXPECT_GT(signed_copy.blocks.back().page, 1);
}

// The store's text cache keeps documents in serialise's form; what comes back is what was read.
// What fuzzing found: a damaged cache entry is an error to catch, never a crash or a float cast
// out of range; a long first line is cut into a title at a character's start.
TEST(SerialiseDocument, DamagedCacheIsAnErrorNotACrash) {
  EXPECT_THROW(deserialise(""), std::runtime_error);
  EXPECT_THROW(deserialise("[1, 2]"), std::runtime_error);
  const std::string stored = serialise(read_document(fixture("ingest/outline.md")));
  for (std::size_t cut = 0; cut < stored.size(); ++cut) {
    EXPECT_THROW(deserialise(stored.substr(0, cut)), std::runtime_error) << "cut at " << cut;
  }
  EXPECT_THAT([&] { deserialise(stored + "x"); }, ThrowsMessage<std::runtime_error>(HasSubstr("bytes follow its end")));
  std::string other_format = stored;
  other_format[8] = '\x7F';
  EXPECT_THAT([&] { deserialise(other_format); },
              ThrowsMessage<std::runtime_error>(HasSubstr("a format this program does not know")));
}

// Entries earlier versions stored as JSON are still read, and checked as strictly.
TEST(SerialiseDocument, ReadsTheJsonEarlierVersionsStored) {
  const std::string json =
      R"({"path":"cca.md","sha256":"ab","format":"markdown","bytes":12,"title":"CCA","kind":"cca",)"
      R"("language":"en","year":2025,"country":"Valdoria","pages":0,"warnings":[],"blocks":[)"
      R"({"kind":"heading","text":"CCA","level":1,"line":1,"page":0,"section":["CCA"],"table":-1,)"
      R"("row":-1,"column":-1,"zone":"text"}]})";
  const Document d = deserialise(json);
  EXPECT_EQ(d.title, "CCA");
  EXPECT_EQ(d.kind, DocumentKind::cca);
  EXPECT_EQ(d.year, 2025);
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(deserialise(serialise(d)), d);
  std::string damaged = json;
  damaged.replace(damaged.find("\"pages\":0"), 9, "\"pages\":1e300");
  EXPECT_THAT([&] { deserialise(damaged); },
              ThrowsMessage<std::runtime_error>(HasSubstr("\"pages\" is not a whole number")));
}

TEST(ReadDocument, TitleCutAtACharacterStart) {
  test::TempDir dir;
  std::string line(116, 'a');
  line += "\xE2\x80\x94 and more words after the long dash that make the first line far too long for a title";
  test::write_bytes(dir / "t.txt", line + ".\n");
  const Document d = read_document(dir / "t.txt");
  EXPECT_FALSE(text::find_invalid_utf8(d.title).has_value()) << d.title;
  EXPECT_EQ(d.title, std::string(116, 'a') + "...");
}

TEST(SerialiseDocument, RoundTripsEveryFormat) {
  for (const char* name : {"ingest/outline.docx", "ingest/layout.pdf", "ingest/page.html", "ingest/outline.md"}) {
    const Document d = read_document(fixture(name));
    EXPECT_EQ(deserialise(serialise(d)), d) << name;
  }
}

// The text cache's compressor takes the form in pieces of a bounded size, so that the whole form
// is never held beside the document: a text longer than a piece is cut across pieces.
TEST(SerialiseDocument, GoesToASinkInBoundedPieces) {
  Document d = read_document(fixture("ingest/layout.pdf"));
  d.blocks[1].text = std::string(2 * k_serialised_piece + 7, 'x');
  const std::string whole = serialise(d);
  std::vector<std::size_t> sizes;
  std::string joined;
  serialise(d, [&](std::string_view piece) {
    sizes.push_back(piece.size());
    joined += piece;
  });
  EXPECT_EQ(joined, whole);
  EXPECT_EQ(serialised_size(d), whole.size());
  ASSERT_GE(sizes.size(), 3u);
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    EXPECT_GT(sizes[i], 0u) << "piece " << i;
    EXPECT_LE(sizes[i], k_serialised_piece) << "piece " << i;
  }
  EXPECT_EQ(deserialise(joined), d);
}

TEST(DetectCountry, FromTheTitleInEnglishFrenchAndSpanish) {
  auto country = [](const std::string& title) {
    Document d;
    d.title = title;
    return detect_country(d);
  };
  EXPECT_EQ(country("Republic of Valdoria: Common Country Analysis 2025"), "Republic of Valdoria");
  EXPECT_EQ(country("Valdoria \u2013 United Nations Sustainable Development Cooperation Framework 2026\u20132030"),
            "Valdoria");
  EXPECT_EQ(country("Cooperation Framework for Valdoria 2026-2030"), "Valdoria");
  EXPECT_EQ(country("Common Country Analysis of the Republic of Moldova (2023)"), "the Republic of Moldova");
  EXPECT_EQ(country("Bilan commun de pays du Tchad 2024"), "Tchad");
  EXPECT_EQ(country("An\u00e1lisis Com\u00fan de Pa\u00eds para Colombia 2023"), "Colombia");
  EXPECT_EQ(country("Annual report 2024"), "");
  EXPECT_EQ(country("Common Country Analysis 2025"), "");
}

TEST(ReadText, FindsNumberedAndUpperCaseHeadings) {
  const Document d = read_document(fixture("ingest/outline.txt"));
  EXPECT_EQ(d.format, "text");
  EXPECT_THAT(texts(d, BlockKind::heading), ElementsAre("COMMON COUNTRY ANALYSIS OF TESTLAND", "1. Introduction",
                                                        "2.1 Who is left behind", "ANNEX 1: CONSULTATIONS"));
  EXPECT_EQ(block_with(d, "2.1 Who").level, 2);
  EXPECT_EQ(d.kind, DocumentKind::cca);
}

TEST(ReadText, KeepsParagraphLinesAndListItems) {
  const Document d = read_document(fixture("ingest/outline.txt"));
  EXPECT_EQ(block_with(d, "Roma children").text, "Roma children face discrimi-\nnation in schools.");
  EXPECT_EQ(block_with(d, "Roma children").line, 10);
  EXPECT_THAT(texts(d, BlockKind::list_item), ElementsAre("Roma women", "Indigenous peoples"));
  // A paragraph that starts with a year is not a numbered heading.
  EXPECT_EQ(block_with(d, "2019 marked").kind, BlockKind::paragraph);
  EXPECT_THAT(block_with(d, "List of organisations").section, ElementsAre("ANNEX 1: CONSULTATIONS"));
}

TEST(DetectKind, RecognisesCooperationFrameworksAndResponsePlans) {
  test::TempDir dir;
  test::write_bytes(dir / "cf.md",
                    "# United Nations Sustainable Development Cooperation Framework 2026-2030\n\nText.\n");
  test::write_bytes(dir / "serp.md", "# COVID-19 Socio-Economic Response Plan\n\nText.\n");
  test::write_bytes(dir / "prse.md", "# Plan de Respuesta Socioecon\xC3\xB3mica a la COVID-19\n\nTexto.\n");
  test::write_bytes(dir / "prse-fr.md",
                    "# Plan de r\xC3\xA9ponse socio-\xC3\xA9"
                    "conomique\n\nTexte.\n");
  test::write_bytes(dir / "other.md", "# Annual report\n\nText.\n");
  EXPECT_EQ(read_document(dir / "cf.md").kind, DocumentKind::cf);
  EXPECT_EQ(read_document(dir / "serp.md").kind, DocumentKind::serp);
  EXPECT_EQ(read_document(dir / "prse.md").kind, DocumentKind::serp);
  EXPECT_EQ(read_document(dir / "prse-fr.md").kind, DocumentKind::serp);
  EXPECT_FALSE(read_document(dir / "other.md").kind.has_value());
}

// The many names a Cooperation Framework and a CCA go by, in the title or in the opening lines
// of a cover that the reader takes for paragraphs.
TEST(DetectKind, KnowsTheNamesRealDocumentsUse) {
  const std::vector<std::pair<std::string, DocumentKind>> titles{
      {"Partnership Framework for Sustainable Development 2018-2022", DocumentKind::cf},
      {"Development Partnership Framework 2016-2020", DocumentKind::cf},
      {"United Nations Sustainable Development Framework for Pakistan (UNSDF)", DocumentKind::cf},
      {"One United Nations Programme III 2018-2022", DocumentKind::cf},
      {"Programme of Cooperation for Sustainable Development 2017-2021", DocumentKind::cf},
      {"Common Development Plan", DocumentKind::cf},
      {"UNDAF 2018-2022", DocumentKind::cf},
      {"Marco de Cooperaci\xC3\xB3n para el Desarrollo 2015-2019", DocumentKind::cf},
      {"Marco Estrat\xC3\xA9gico de Cooperaci\xC3\xB3n de las Naciones Unidas", DocumentKind::cf},
      {"Plan-cadre des Nations Unies pour l'aide au d\xC3\xA9veloppement (PNUAD)", DocumentKind::cf},
      {"Bilan commun de pays", DocumentKind::cca},
      {"An\xC3\xA1lisis Com\xC3\xBAn de Pa\xC3\xADs", DocumentKind::cca},
      {"Common Country Assessment", DocumentKind::cca},
  };
  test::TempDir dir;
  for (const auto& [title, kind] : titles) {
    test::write_bytes(dir / "d.md", "# " + title + "\n\nText.\n");
    const Document d = read_document(dir / "d.md");
    ASSERT_TRUE(d.kind.has_value()) << title;
    EXPECT_EQ(*d.kind, kind) << title;
  }
  // The cover's second line names it; the title heading the reader found does not.
  test::write_bytes(dir / "cover.txt",
                    "Republic of Testland | United Nations\nMarco de Cooperaci\xC3\xB3n 2026-2030\n\n"
                    "El documento presenta las prioridades del sistema.\n");
  EXPECT_EQ(read_document(dir / "cover.txt").kind, DocumentKind::cf);
  // A CCA that mentions the framework it will inform is still a CCA.
  test::write_bytes(dir / "cca.md",
                    "# Common Country Analysis of Testland\n\nThe analysis informs the Cooperation Framework.\n");
  EXPECT_EQ(read_document(dir / "cca.md").kind, DocumentKind::cca);
}

TEST(ReadText, LinesOfCellsAreATable) {
  test::TempDir dir;
  test::write_bytes(
      dir / "t.txt",
      "Results\n\n| Indicator | Baseline | Target |\n|---|---|---|\n| Roma children in school | 61% | 80% |\n\n"
      "Indicator\tDisaggregation\nLiteracy rate\tby ethnicity\n\n"
      "Contents\nIntroduction\t3\nData\t7\n");
  const Document d = read_document(dir / "t.txt");
  EXPECT_EQ(block_with(d, "Roma children in school").kind, BlockKind::table_cell);
  EXPECT_EQ(block_with(d, "Roma children in school").row, 1);
  EXPECT_EQ(block_with(d, "80%").column, 2);
  EXPECT_EQ(block_with(d, "by ethnicity").table, 1);
  EXPECT_EQ(block_with(d, "by ethnicity").row, 1);
  // A table of contents laid out with tabs is not a table, nor a list marked before a tab.
  EXPECT_NE(block_with(d, "Data\t7").kind, BlockKind::table_cell);
  test::write_bytes(dir / "l.txt", "a)\tRoma children\nb)\tIndigenous peoples\n");
  EXPECT_EQ(block_with(read_document(dir / "l.txt"), "Roma children").kind, BlockKind::list_item);
}

TEST(ReadText, VeryLongLinesAreRead) {
  test::TempDir dir;
  test::write_bytes(dir / "long.txt", "- " + std::string(100000, 'a') + "\n\n## " + std::string(60000, 'b') + "\n");
  const Document d = read_document(dir / "long.txt");
  EXPECT_EQ(d.blocks.size(), 2u);
}

// Nesting a reader would recurse through is bounded, and what is left out is said, not lost in
// silence.
TEST(ReadDocument, DeepNestingIsBoundedWithAWarning) {
  const Document docx = read_document(fixture("ingest/deep.docx"));
  EXPECT_EQ(block_with(docx, "Roma children").text, "Roma children face discrimination in schools.");
  EXPECT_THAT(docx.warnings, Contains(HasSubstr("nested more than 64 levels deep")));

  test::TempDir dir;
  std::string page = "<html><body><p>Roma children face discrimination.</p>";
  for (int i = 0; i < 400; ++i) page += "<div>";
  page += "deep";
  for (int i = 0; i < 400; ++i) page += "</div>";
  test::write_bytes(dir / "deep.html", page + "<p>After.</p></body></html>");
  const Document html = read_document(dir / "deep.html");
  EXPECT_EQ(block_with(html, "Roma children").text, "Roma children face discrimination.");
  EXPECT_THAT(html.warnings, Contains(HasSubstr("nested too deep from line 1")));
}

TEST(ReadDocument, HashesTheBytes) {
  const Document d = read_document(fixture("ingest/outline.md"));
  EXPECT_EQ(d.sha256.size(), 64u);
  EXPECT_EQ(d.bytes, test::read_bytes(fixture("ingest/outline.md")).size());
}

// Read from a source given up, the document is the same, and the source's bytes are let go.
TEST(ReadDocument, SourceGivenUpLetsGoOfItsBytes) {
  const Document kept = read_source(load_source(fixture("ingest/layout.pdf")));
  Source source = load_source(fixture("ingest/layout.pdf"));
  const Document read = read_source(static_cast<const Source&>(source));
  EXPECT_EQ(read, kept);
  EXPECT_FALSE(source.bytes.empty());
  EXPECT_EQ(read_source(std::move(source)), kept);
  EXPECT_TRUE(source.bytes.empty());  // moved from, and emptied
}

class BadDocument : public ::testing::Test {
protected:
  std::string error_for(const std::string& name, const std::string& bytes) {
    test::write_bytes(m_dir / name, bytes);
    try {
      read_document(m_dir / name);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  // The message reading a committed fixture gives, or "no error".
  static std::string error_in(const std::string& name, const ReadOptions& options = {}) {
    try {
      read_document(fixture("ingest/" + name), options);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  test::TempDir m_dir;
};

TEST_F(BadDocument, MissingFile) {
  EXPECT_THAT([] { read_document("no/such/file.md"); },
              ThrowsMessage<InputError>(HasSubstr("no/such/file.md: no such file")));
}

TEST_F(BadDocument, EmptyFile) { EXPECT_THAT(error_for("empty.md", ""), HasSubstr("empty.md: the file is empty")); }

TEST_F(BadDocument, WhiteSpaceOnly) {
  EXPECT_THAT(error_for("blank.txt", "  \n\n\t\n"), HasSubstr("blank.txt: the document has no text"));
}

TEST_F(BadDocument, BinaryFile) {
  EXPECT_THAT(error_for("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
              HasSubstr("image.txt: binary data, not a text document (NUL byte at offset 8)"));
}

TEST_F(BadDocument, InvalidUtf8NamesLineAndColumn) {
  EXPECT_THAT(error_for("latin1.txt", "Line one\nCaf\xE9 society\n"),
              HasSubstr("latin1.txt:2:4: not valid UTF-8 (byte offset 12)"));
}

TEST_F(BadDocument, BrokenWordPackagesAreNamedWithThePart) {
  EXPECT_THAT(error_for("truncated.docx", std::string("PK\x03\x04rest", 8)),
              HasSubstr("truncated.docx: not a readable zip package ("));
  EXPECT_THAT(error_in("not-word.zip"),
              HasSubstr("not-word.zip: a zip package but not a Word document: it has no word/document.xml"));
  EXPECT_THAT(error_in("workbook.xlsx"), HasSubstr("(it is a spreadsheet)"));
  EXPECT_THAT(error_in("no-body.docx"), HasSubstr("no-body.docx: word/document.xml has no body"));
  EXPECT_THAT(error_in("malformed.docx"), HasSubstr("malformed.docx: word/document.xml:4:27: malformed XML"));
  EXPECT_THAT(
      error_in("bomb.docx"),
      HasSubstr("bomb.docx: word/media/zeros.bin expands 1028 times (limit 100): refused as a likely zip bomb"));
  EXPECT_THAT(error_in("bomb.docx", {.max_unzipped_bytes = 10 * 1024 * 1024, .max_zip_ratio = 5000}),
              HasSubstr("bomb.docx: the package expands to more than 10 MiB: refused as a likely zip bomb"));
  EXPECT_THAT(error_in("outline.docx", {.max_unzipped_bytes = 1024}),
              HasSubstr("outline.docx: the package expands to more than 1 KiB"));
}

TEST_F(BadDocument, BrokenPdfsSayWhatIsWrong) {
  EXPECT_THAT(error_in("encrypted.pdf"), HasSubstr("encrypted.pdf: the PDF is encrypted and needs a password"));
  EXPECT_THAT(error_in("truncated.pdf"), HasSubstr("truncated.pdf: the PDF is truncated: it does not end with %%EOF"));
  EXPECT_THAT(error_in("scanned.pdf"),
              HasSubstr("scanned.pdf: no text layer on any of its 2 pages: this looks like a scanned PDF; run OCR"));
  // A PDF without pages is damaged, not scanned.
  EXPECT_THAT(error_in("no-pages.pdf"), HasSubstr("no-pages.pdf: the PDF has no pages: it is damaged or cut short"));
  EXPECT_THAT(error_for("garbage.pdf", "%PDF-1.7\nnot really a pdf\n%%EOF\n"), HasSubstr("garbage.pdf: "));
}

TEST_F(BadDocument, EmptyHtmlIsNamed) {
  EXPECT_THAT(error_for("empty.html", ""), HasSubstr("empty.html: the file is empty"));
  EXPECT_THAT(error_for("chrome-only.html", "<html><body><nav>Home</nav><script>x()</script></body></html>"),
              HasSubstr("chrome-only.html: the document has no text"));
}

TEST_F(BadDocument, FileAboveTheSizeLimit) {
  test::write_bytes(m_dir / "big.txt", std::string(2 * 1024 * 1024, 'a'));
  EXPECT_THAT([&] { read_document(m_dir / "big.txt", {.max_bytes = 1024 * 1024}); },
              ThrowsMessage<InputError>(HasSubstr("big.txt: file is 2 MiB, above the limit of 1 MiB")));
}

TEST_F(BadDocument, DirectoryIsNotAFile) {
  EXPECT_THAT([&] { read_document(m_dir.path()); }, ThrowsMessage<InputError>(HasSubstr("is a directory")));
}

TEST(ReadDocument, AcceptsByteOrderMarkAndWindowsLineEnds) {
  test::TempDir dir;
  test::write_bytes(dir / "bom.txt", "\xEF\xBB\xBFTitle line\r\n\r\nRoma children\r\nin school.\r\n");
  const Document d = read_document(dir / "bom.txt");
  EXPECT_EQ(block_with(d, "Roma").text, "Roma children\nin school.");
  EXPECT_EQ(d.title, "Title line");
}

TEST(ReadDocument, DetectsLanguageFromCommonWords) {
  EXPECT_EQ(detect_language(read_markdown(
                "The analysis of the situation of minorities and the data that are missing for the groups.\n", "a.md")),
            "en");
  EXPECT_EQ(detect_language(read_markdown(
                "Les minorités et les peuples autochtones dans le pays sont exclus des services pour des raisons.\n",
                "a.md")),
            "fr");
  EXPECT_EQ(detect_language(read_markdown(
                "Los pueblos indígenas y las personas afrodescendientes del país con acceso limitado para el empleo.\n",
                "a.md")),
            "es");
  EXPECT_EQ(detect_language(read_markdown("Roma. Data.\n", "a.md")), "");
}

TEST(ReadDocument, DetectsTheYearInTheTitle) {
  test::TempDir dir;
  auto year_of = [&](const std::string& markdown) {
    test::write_bytes(dir / "a.md", markdown);
    return read_document(dir / "a.md").year;
  };
  EXPECT_EQ(year_of("# Common Country Analysis 2025-2029\n\nText.\n"), 2025);
  EXPECT_EQ(year_of("# UNDAF Valdoria (2016 to 2020)\n\nText.\n"), 2016);
  EXPECT_EQ(year_of("# Analysis of 12345 households\n\nText.\n"), std::nullopt);
  EXPECT_EQ(year_of("# Common Country Analysis\n\nText.\n"), std::nullopt);
}

// A PDF with a line end or byte-order mark before its header is read, as other readers do; a web
// page or text saved under a .pdf or .docx name is refused, not scored as text.
TEST(ReadDocument, NamesThatDoNotMatchTheBytes) {
  const test::TempDir dir;
  test::write_bytes(dir / "leading.pdf", "\n" + test::read_bytes(test::source_file("samples/cca-tessaly-2023.pdf")));
  EXPECT_FALSE(read_document(dir / "leading.pdf").blocks.empty());
  test::write_bytes(dir / "page.docx", "<!DOCTYPE html><html><body><p>Roma</p></body></html>");
  EXPECT_THAT([&] { read_document(dir / "page.docx"); },
              ThrowsMessage<InputError>(
                  HasSubstr("page.docx: named .docx but not a DOCX file (it is a web page: rename it .html")));
  test::write_bytes(dir / "notes.pdf", "Roma inclusion notes\n");
  EXPECT_THAT([&] { read_document(dir / "notes.pdf"); },
              ThrowsMessage<InputError>(HasSubstr("notes.pdf: named .pdf but not a PDF (it does not start as one)")));
}

}  // namespace
}  // namespace unct::ingest
