// Tables of the bundled PDF samples come out cell by cell, as scripts/make-samples writes them
// from samples/sources/*.md. That writer sets each cell as one line at its column's left edge, so
// long cells run on into the next column with no gap before the next cell's text.

#include "engine/ingest/read.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

namespace unct::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Rows = std::vector<std::vector<std::string>>;

// The document's tables as read: rows of cells, a cell left out of the blocks (empty) as "".
std::vector<Rows> tables_of(const Document& d) {
  std::vector<Rows> tables;
  for (const Block& b : d.blocks) {
    if (b.kind != BlockKind::table_cell) continue;
    const auto t = static_cast<std::size_t>(b.table);
    const auto r = static_cast<std::size_t>(b.row);
    const auto c = static_cast<std::size_t>(b.column);
    if (tables.size() <= t) tables.resize(t + 1);
    if (tables[t].size() <= r) tables[t].resize(r + 1);
    if (tables[t][r].size() <= c) tables[t][r].resize(c + 1);
    tables[t][r][c] = b.text;
  }
  return tables;
}

Document sample(const std::string& name) { return read_document(test::source_file("samples/" + name)); }

struct Text {
  double x, y;  // from the bottom left of the page
  std::string text;
};

// A one-page PDF setting each text in Helvetica 10 where it says, as scripts/lib/pdf.py writes
// the samples, for table layouts the samples do not have.
Document read_page(const std::vector<Text>& texts) {
  std::string content;
  for (const Text& t : texts) {
    content += "BT /F1 10 Tf " + std::to_string(t.x) + " " + std::to_string(t.y) + " Td (" + t.text + ") Tj ET\n";
  }
  const std::vector<std::string> objects{
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"};
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 6\n0000000000 65535 f \n";
  for (std::size_t i = 0; i < objects.size(); ++i) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", pdf.size());
    xref += entry;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  pdf += xref + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(pdf.size()) + "\n%%EOF\n";
  const test::TempDir dir;
  test::write_bytes(dir / "page.pdf", pdf);
  return read_document(dir / "page.pdf");
}

Rows results_matrix() {
  const std::vector<Rows> tables = tables_of(sample("cf-tessaly-2024.pdf"));
  if (tables.empty()) throw std::runtime_error("no table in cf-tessaly-2024.pdf");
  return tables.front();
}

std::vector<std::string> column(const Rows& rows, std::size_t c) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(c < row.size() ? row[c] : "");
  return out;
}

TEST(PdfTables, ResultsMatrixHeaderAndOverflowingRowsAsWritten) {
  const Rows matrix = results_matrix();
  ASSERT_EQ(matrix.size(), 13u);
  EXPECT_THAT(matrix[0], ElementsAre("Indicator", "Baseline (2022)", "Target (2028)", "Source"));
  // The indicator runs on over the baseline's place and the baseline over the target's.
  EXPECT_THAT(matrix[1], ElementsAre("1.a Unemployment rate, by sex and age", "12%; women 15%; youth 24%",
                                     "8%; youth 16%", "Labour Force Survey"));
  // "as" of the indicator starts where the baseline "41%" does.
  EXPECT_THAT(matrix[2], ElementsAre("1.b Informal employment as a share of total employment, by sex", "41%", "33%",
                                     "Labour Force Survey"));
}

TEST(PdfTables, ResultsMatrixRow2aIsARowOfItsOwn) {
  const Rows matrix = results_matrix();
  ASSERT_EQ(matrix.size(), 13u);
  EXPECT_THAT(matrix[4], ElementsAre("1.d Number of MSMEs with access to finance, by sex of owner", "1,200", "3,500",
                                     "Development Bank"));
  // Its target runs into the source column with no wider gap than a space before "Ministry".
  EXPECT_THAT(matrix[5], ElementsAre("2.a Upper-secondary completion rate, by sex and location",
                                     "71%; outer islands 54%", "82%; outer islands 70%", "Ministry of Education"));
}

TEST(PdfTables, ResultsMatrixBaselineAndTargetHoldOnlyTheirValues) {
  const Rows matrix = results_matrix();
  ASSERT_EQ(matrix.size(), 13u);
  EXPECT_THAT(column(matrix, 1), ElementsAre("Baseline (2022)", "12%; women 15%; youth 24%", "41%", "10%", "1,200",
                                             "71%; outer islands 54%", "28%", "32,000", "94%; outer islands 83%", "61%",
                                             "6%", "14%", "18%"));
  EXPECT_THAT(column(matrix, 2),
              ElementsAre("Target (2028)", "8%; youth 16%", "33%", "45%", "3,500", "82%; outer islands 70%", "22%",
                          "45,000", "99%; outer islands 95%", "100%", "20%", "35%", "40%"));
  EXPECT_EQ(column(matrix, 0)[12], "3.d Share of women in village disaster committees");
  EXPECT_EQ(column(matrix, 3)[12], "National Disaster Management Office");
}

TEST(PdfTables, EveryTableOfTheTessalyCooperationFrameworkAsWritten) {
  const std::vector<Rows> tables = tables_of(sample("cf-tessaly-2024.pdf"));
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(
      tables[0],
      (Rows{
          {"Indicator", "Baseline (2022)", "Target (2028)", "Source"},
          {"1.a Unemployment rate, by sex and age", "12%; women 15%; youth 24%", "8%; youth 16%",
           "Labour Force Survey"},
          {"1.b Informal employment as a share of total employment, by sex", "41%", "33%", "Labour Force Survey"},
          {"1.c Share of the outer islands' catch sold through cold storage", "10%", "45%", "Ministry of Fisheries"},
          {"1.d Number of MSMEs with access to finance, by sex of owner", "1,200", "3,500", "Development Bank"},
          {"2.a Upper-secondary completion rate, by sex and location", "71%; outer islands 54%",
           "82%; outer islands 70%", "Ministry of Education"},
          {"2.b Premature mortality from non-communicable diseases", "28%", "22%", "Ministry of Health"},
          {"2.c Households covered by the Social Welfare Allowance, by location", "32,000", "45,000",
           "Ministry of Social Welfare"},
          {"2.d Share of births attended by skilled personnel, by location", "94%; outer islands 83%",
           "99%; outer islands 95%", "Ministry of Health"},
          {"3.a Inhabited islands covered by early warning", "61%", "100%", "National Disaster Management Office"},
          {"3.b Territorial waters in marine protected areas", "6%", "20%", "Ministry of Environment"},
          {"3.c Share of electricity from renewable sources", "14%", "35%", "Ministry of Energy"},
          {"3.d Share of women in village disaster committees", "18%", "40%", "National Disaster Management Office"},
      }));
  // The funding table: its header cells fill their columns and meet with a space between them.
  EXPECT_EQ(tables[1],
            (Rows{
                {"Strategic priority", "Required (million USD)", "Available (million USD)", "Gap (million USD)"},
                {"1. Shared prosperity and decent work", "52", "28", "24"},
                {"2. People-centred services", "61", "39", "22"},
                {"3. Climate resilience", "33", "20", "13"},
                {"Total", "146", "87", "59"},
            }));
  EXPECT_EQ(tables[2], (Rows{
                           {"Acronym", "Meaning"},
                           {"CCA", "Common Country Analysis"},
                           {"LNOB", "Leaving no one behind"},
                           {"MSME", "Micro, small and medium enterprises"},
                           {"SDG", "Sustainable Development Goal"},
                           {"UNCT", "United Nations Country Team"},
                           {"UPR", "Universal Periodic Review"},
                       }));
}

TEST(PdfTables, TessalyAnalysisPopulationTableAsWritten) {
  const std::vector<Rows> tables = tables_of(sample("cca-tessaly-2023.pdf"));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], (Rows{
                           {"Group", "Population", "Share (%)"},
                           {"Main island", "1,420,000", "68"},
                           {"Northern islands", "390,000", "19"},
                           {"Outer islands", "290,000", "14"},
                           {"Tessalian", "1,680,000", "80"},
                           {"Marro", "210,000", "10"},
                           {"Indo-Tessalian", "147,000", "7"},
                           {"Other", "63,000", "3"},
                       }));
}

// A cell wrapped onto a second line (tests/fixtures/ingest/make-pdf) is one cell of its row.
TEST(PdfTables, WrappedIndicatorIsOneCell) {
  const std::vector<Rows> tables = tables_of(read_document(test::fixture("ingest/layout.pdf")));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], (Rows{
                           {"Indicator", "Baseline", "Target"},
                           {"Primary completion rate of Roma children, by sex", "61%", "80%"},
                           {"People who felt discriminated against", "19%", "10%"},
                       }));
}

TEST(PdfTables, RunningTextAroundTablesStaysText) {
  EXPECT_THAT(tables_of(sample("cca-valdoria-2025.pdf")), IsEmpty());
  const Document d = sample("cf-tessaly-2024.pdf");
  std::vector<std::string> around;
  for (const Block& b : d.blocks) {
    if (b.kind == BlockKind::paragraph && (b.text.rfind("The results matrix sets out", 0) == 0 ||
                                           b.text.rfind("The Framework's estimated budget", 0) == 0 ||
                                           b.text.rfind("The Joint Steering Committee", 0) == 0)) {
      around.push_back(b.text.substr(0, 20));
    }
  }
  EXPECT_THAT(around, ElementsAre("The results matrix s", "The Joint Steering C", "The Framework's esti"));
}

// Rows set further apart than the lines of a cell: a line filling fewer columns than its row's
// first line carries on that row's cells, in every column that wraps.
TEST(PdfTables, CellsWrappedInSeveralColumnsJoinTheirRow) {
  const Document d = read_page({
      {72, 740, "The matrix sets out each indicator with its baseline and target."},
      {72, 700, "Indicator"},
      {250, 700, "Baseline"},
      {330, 700, "Target"},
      {420, 700, "Source"},
      {72, 682, "1.1 Children in school, by"},
      {250, 682, "61%"},
      {330, 682, "80%"},
      {420, 682, "Ministry of"},
      {72, 670, "ethnicity and sex"},
      {420, 670, "Education"},
      {72, 652, "1.2 People who felt"},
      {250, 652, "19%;"},
      {330, 652, "10%"},
      {420, 652, "Survey"},
      {72, 640, "discriminated against"},
      {250, 640, "Roma 31%"},
      {72, 622, "1.3 Roma women in office"},
      {250, 622, "2%"},
      {330, 622, "5%"},
      {420, 622, "Electoral board"},
  });
  const std::vector<Rows> tables = tables_of(d);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], (Rows{
                           {"Indicator", "Baseline", "Target", "Source"},
                           {"1.1 Children in school, by ethnicity and sex", "61%", "80%", "Ministry of Education"},
                           {"1.2 People who felt discriminated against", "19%; Roma 31%", "10%", "Survey"},
                           {"1.3 Roma women in office", "2%", "5%", "Electoral board"},
                       }));
  EXPECT_EQ(d.blocks.front().text, "The matrix sets out each indicator with its baseline and target.");
}

// Rows one line apart, as make-samples sets them: a row label on two lines is one cell.
TEST(PdfTables, RowLabelOnTwoLinesIsOneCell) {
  const std::vector<Rows> tables = tables_of(read_page({
      {72, 700, "Strategic priority"},
      {250, 700, "Required"},
      {330, 700, "Available"},
      {72, 686, "1. Shared prosperity"},
      {250, 686, "52"},
      {330, 686, "28"},
      {72, 672, "and decent work"},
      {72, 658, "2. People-centred services"},
      {250, 658, "61"},
      {330, 658, "39"},
      {72, 644, "Total"},
      {250, 644, "113"},
      {330, 644, "67"},
  }));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], (Rows{
                           {"Strategic priority", "Required", "Available"},
                           {"1. Shared prosperity and decent work", "52", "28"},
                           {"2. People-centred services", "61", "39"},
                           {"Total", "113", "67"},
                       }));
}

// A header set apart from rows one line apart does not make a row with an empty cell a
// continuation.
TEST(PdfTables, RowWithAnEmptyCellUnderAHeaderSetApartIsARow) {
  const std::vector<Rows> tables = tables_of(read_page({
      {72, 700, "Group"},
      {250, 700, "Population"},
      {330, 700, "Share"},
      {72, 680, "Roma"},
      {250, 680, "41,000"},
      {330, 680, "3"},
      {72, 666, "Sinti"},
      {330, 666, "1"},
      {72, 652, "Others"},
      {250, 652, "12,000"},
      {330, 652, "1"},
  }));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], (Rows{
                           {"Group", "Population", "Share"},
                           {"Roma", "41,000", "3"},
                           {"Sinti", "", "1"},
                           {"Others", "12,000", "1"},
                       }));
}

// Columns found on a later line keep those found above, whose lines start a little off them.
TEST(PdfTables, ColumnsFoundOnALaterLineKeepTheLinesAbove) {
  const std::vector<Rows> tables = tables_of(read_page({
      {72, 700, "Group"},
      {250, 700, "Population"},
      {75.5, 686, "Roma"},
      {250, 686, "41,000"},
      {68.5, 672, "Sinti"},
      {250, 672, "12,000"},
      {330, 672, "1"},
  }));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], (Rows{{"Group", "Population"}, {"Roma", "41,000"}, {"Sinti", "12,000", "1"}}));
}

// Text set over itself (overprinted, or runs stacked on one place) reads without a crash.
TEST(PdfTables, OverprintedTextReads) {
  std::vector<Text> texts;
  for (int i = 0; i < 40; ++i) texts.push_back({72.0 + (i % 4) * 0.3, 700.0 - (i / 4) * 0.2, "Roma 12% Roma 12%"});
  texts.push_back({72, 600, "A closing sentence of running text."});
  const Document d = read_page(texts);
  EXPECT_FALSE(d.blocks.empty());
  EXPECT_EQ(d.blocks.back().text, "A closing sentence of running text.");
}

// Letters and signs beyond ASCII (WinAnsi bytes for é, è, €, the en dash and curly quotes) come
// out as UTF-8, in cells and in running text.
TEST(PdfTables, AccentsAndSignsReadAsUtf8) {
  const Document d = read_page({
      {72, 700, "Indicateur"},
      {250, 700,
       "R\xE9"
       "f\xE9"
       "rence"},
      {330, 700, "Cible"},
      {72, 686,
       "D\xE9"
       "penses par \xE9"
       "l\xE8"
       "ve"},
      {250, 686, "120 \x80"},
      {330, 686, "150 \x80"},
      {72, 672,
       "Acc\xE8"
       "s \x96 zones rurales"},
      {250, 672, "61%"},
      {330, 672, "80%"},
      {72, 600,
       "Une phrase \x93"
       "cit\xE9"
       "e\x94 apr\xE8"
       "s le tableau."},
  });
  const std::vector<Rows> tables = tables_of(d);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], (Rows{{"Indicateur", "Référence", "Cible"},
                             {"Dépenses par élève", "120 €", "150 €"},
                             {"Accès – zones rurales", "61%", "80%"}}));
  EXPECT_EQ(d.blocks.back().text, "Une phrase “citée” après le tableau.");
}

}  // namespace
}  // namespace unct::ingest
