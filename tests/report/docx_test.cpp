#include "engine/report/docx.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/zip.hpp"
#include "engine/ingest/read.hpp"
#include "engine/report/assessment.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace unct::report {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> texts(const ingest::Document& d, ingest::BlockKind kind) {
  std::vector<std::string> out;
  for (const ingest::Block& b : d.blocks) {
    if (b.kind == kind) out.push_back(b.text);
  }
  return out;
}

bool has(const std::vector<std::string>& all, std::string_view wanted) {
  return std::any_of(all.begin(), all.end(), [&](const std::string& t) { return t.find(wanted) != std::string::npos; });
}

TEST(WordDocument, ReadsBackWithItsHeadingsParagraphsAndTable) {
  WordDocument doc("fr");
  doc.paragraph(ParagraphStyle::title, "Rapport");
  doc.paragraph(ParagraphStyle::heading1, "Synthèse");
  doc.paragraph(ParagraphStyle::normal,
                {Span{.text = "Les "}, Span{.text = "Roms", .marked = true}, Span{.text = " & co"}});
  doc.table({2000, 2000}, {{TableCell{{Span{.text = "Élément"}}}, TableCell{{Span{.text = "Niveau"}}}},
                           {TableCell{{Span{.text = "RDM-CCA-01"}}}, TableCell{{Span{.text = "Répond"}}, "27AE60"}}});
  test::TempDir dir;
  test::write_bytes(dir / "r.docx", doc.finish("Rapport"));

  const ingest::Document read = ingest::read_document(dir / "r.docx");
  EXPECT_EQ(read.title, "Rapport");
  EXPECT_TRUE(has(texts(read, ingest::BlockKind::heading), "Synthèse"));
  EXPECT_TRUE(has(texts(read, ingest::BlockKind::paragraph), "Les Roms & co"));
  EXPECT_TRUE(has(texts(read, ingest::BlockKind::table_cell), "Répond"));
}

TEST(WordReport, HoldsTheSummaryEveryApplicableItemAndItsQuotes) {
  const checklist::Checklist c = checklist::load_checklist(test::bundled_checklist());
  const Assessment a =
      assess(c, rules::compile(c), ingest::read_document(test::source_file("samples/cca-valdoria-2025.md")));
  std::ostringstream bytes;
  render_docx(a, bytes, {.checklist = &c, .lang = ""});
  test::TempDir dir;
  test::write_bytes(dir / "report.docx", bytes.str());

  // Only our own parts, each once: a package Word opens without repairing it.
  const std::string package = bytes.str();
  const ZipPackage zip(package, dir / "report.docx", {}, "a DOCX file");
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/_rels/document.xml.rels", "docProps/core.xml"}) {
    EXPECT_TRUE(zip.has(part)) << part;
  }

  const ingest::Document read = ingest::read_document(dir / "report.docx");
  const std::vector<std::string> headings = texts(read, ingest::BlockKind::heading);
  EXPECT_EQ(read.title, "Republic of Valdoria: Common Country Analysis 2025");
  EXPECT_TRUE(has(headings, "Summary"));
  EXPECT_TRUE(has(headings, "Priorities: what to add first"));
  EXPECT_TRUE(has(headings, "RDM-CCA-01 Groups named and profiled"));
  EXPECT_LT(std::find(headings.begin(), headings.end(), "Summary") - headings.begin(),
            std::find_if(headings.begin(), headings.end(), [](const std::string& h) {
              return h.starts_with("RDM-CCA-01");
            }) - headings.begin());
  const std::vector<std::string> paragraphs = texts(read, ingest::BlockKind::paragraph);
  EXPECT_TRUE(has(paragraphs, "4 of 15 applicable items at Meets or above (27%)"));
  EXPECT_TRUE(has(paragraphs, "A sourced reconstruction, not the official text"));  // the provenance note
  EXPECT_TRUE(has(paragraphs, "Does the analysis name the minorities"));            // the item's question
  EXPECT_TRUE(has(paragraphs, "not disaggregated by ethnicity"));                   // a quote
  // The priorities table: the first row after the header is the first Missing item.
  const std::vector<std::string> cells = texts(read, ingest::BlockKind::table_cell);
  ASSERT_GE(cells.size(), 8u);
  EXPECT_EQ(cells[4], "1");
  EXPECT_EQ(cells[5], "RDM-CCA-09 Participation and representation in public life");
  EXPECT_EQ(cells[6], "Missing");
  EXPECT_THAT(cells[7], HasSubstr("Show with figures"));
}

}  // namespace
}  // namespace unct::report
