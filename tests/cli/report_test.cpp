#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace unct {
namespace {

using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class ReportCommand : public ::testing::Test {
protected:
  void SetUp() override {
    m_db = (m_dir / "u.db").string();
    const auto r = run_cli({"score", test::source_file("samples/cca-valdoria-2025.md").string(), "--db", m_db});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  test::TempDir m_dir;
  std::string m_db;
};

TEST_F(ReportCommand, MarkdownForAMemo) {
  const auto r = run_cli({"report", "1", "--db", m_db, "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("# Republic of Valdoria: Common Country Analysis 2025\n"));
  EXPECT_THAT(r.out, HasSubstr("> A sourced reconstruction, not the official text"));
  EXPECT_THAT(r.out, HasSubstr("## Summary\n\n**4 of 15 applicable items at Meets or above (27%)**; 15 of 45 points."));
  // Missing before Approaches, each with what to add; then the items at the bar; the rest in a line.
  EXPECT_THAT(r.out, HasSubstr("1. **RDM-CCA-09 Participation and representation in public life** (Missing): Show"));
  EXPECT_THAT(r.out, HasSubstr("5. **RDM-CCA-04 Data gaps and rights-based data** (Approaches): State which data"));
  EXPECT_THAT(r.out, HasSubstr("### At Meets or above\n\n- RDM-CCA-01 Groups named and profiled (Meets)\n"));
  EXPECT_THAT(r.out, HasSubstr("**Not applicable to this document:** RDM-CF-01 Theory of change addresses "
                               "discrimination; RDM-CF-02"));
  EXPECT_THAT(r.out, HasSubstr("**Not assessable from the document (they need the country team's records):** "
                               "RDM-UNCT-01 Coordination focal point or group;"));
  EXPECT_LT(r.out.find("## Summary"), r.out.find("## Items by section"));
  EXPECT_THAT(r.out, HasSubstr("### RDM-CCA-04 Data gaps and rights-based data (Approaches)"));
  // The matched words of a quote in bold: here a breakdown the text says is missing.
  EXPECT_THAT(r.out, HasSubstr("not disaggregated by **ethnicity**"));
}

TEST_F(ReportCommand, CsvHasOneRowPerItem) {
  const auto r = run_cli({"report", "1", "--db", m_db, "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("priority,item,title,section,applicable,level,level_label,criteria_met,criteria_unmet,"
                                "quote,place,gap,engine_level,review_note\r\n"
                                "1,RDM-CCA-09,Participation and representation in public life,cca,yes,missing,"));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 44);  // the header and 43 items
  EXPECT_THAT(r.out, HasSubstr("\r\n,RDM-CCA-01,Groups named and profiled,cca,yes,meets,Meets,"));
  EXPECT_THAT(r.out, HasSubstr("\r\n,RDM-CF-01,Theory of change addresses discrimination,cf,no,,not applicable,"));
  EXPECT_THAT(r.out, HasSubstr(",\"1. Country context, line 23\","));  // a field with a comma is quoted
}

TEST_F(ReportCommand, HtmlIsOneSelfContainedPage) {
  const auto r = run_cli({"report", "1", "--db", m_db, "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_THAT(r.out, HasSubstr("<title>Republic of Valdoria: Common Country Analysis 2025 - unct-assess</title>"));
  EXPECT_THAT(r.out, HasSubstr("A sourced reconstruction, not the official text"));
  std::size_t items = 0;
  for (std::size_t at = r.out.find("<div class=\"item\""); at != std::string::npos;
       at = r.out.find("<div class=\"item\"", at + 1))
    ++items;
  EXPECT_EQ(items, 15u);  // the applicable ones; the others are listed, folded, in the summary
  EXPECT_THAT(r.out, HasSubstr("<span class=\"badge meets\">Meets minimum requirements</span>"));
  EXPECT_THAT(r.out, HasSubstr("<details><summary>Not applicable to this document (20)</summary>"));
  EXPECT_THAT(r.out, HasSubstr("<details><summary>Not assessable from the document (they need the country team&#39;s "
                               "records) (8)</summary>"));
  EXPECT_THAT(r.out, HasSubstr("<ol class=\"priorities\">\n<li><a href=\"#RDM-CCA-09\">RDM-CCA-09 Participation"));
  EXPECT_LT(r.out.find("<h2>Summary</h2>"), r.out.find("<div class=\"item\""));
  EXPECT_THAT(r.out, HasSubstr("<p class=\"question\">Does the analysis name the minorities"));  // from the checklist
  EXPECT_THAT(r.out, HasSubstr("<mark>not disaggregated</mark>"));
  EXPECT_THAT(r.out, HasSubstr("<svg role=\"img\" aria-label=\"Levels of the Common Country Analysis items\""));
  // Each bar is labelled with its item's title, not a number.
  EXPECT_THAT(r.out, HasSubstr("<text x=\"0\" y=\"32\">Groups named and profiled</text>"));
  for (const char* external : {"<link", "src=", "http://", "<script"})
    EXPECT_THAT(r.out, Not(HasSubstr(external))) << external;
}

TEST(ReportHtml, EscapesDocumentText) {
  test::TempDir dir;
  test::write_bytes(
      dir / "x.txt",
      "Valdoria <script>alert('x')</script> & co: Common Country Analysis\n\nRoma face discrimination.\n");
  const auto r = run_cli({"score", (dir / "x.txt").string(), "--db", (dir / "u.db").string(), "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(
      r.out,
      HasSubstr("<h1>Valdoria &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co: Common Country Analysis</h1>"));
  EXPECT_THAT(r.out, Not(HasSubstr("<script>")));
}

TEST_F(ReportCommand, OutWritesAFileAndBadInputExits2) {
  const std::string out = (m_dir / "report.md").string();
  const auto r = run_cli({"report", "1", "--db", m_db, "--format", "md", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(test::read_bytes(out), StartsWith("# Republic of Valdoria"));
  EXPECT_EQ(run_cli({"report", "7", "--db", m_db}).exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(run_cli({"report", "7", "--db", m_db}).err, HasSubstr("no assessment with id 7"));
  EXPECT_THAT(run_cli({"report", "1", "--db", m_db, "--format", "pdf"}).err, HasSubstr("unknown --format \"pdf\""));
  EXPECT_THAT(run_cli({"report", "1", "--db", (m_dir / "none.db").string()}).err,
              HasSubstr("none.db: no such database"));
  EXPECT_FALSE(std::filesystem::exists(m_dir / "none.db"));
}

// Text from a document cannot break the Markdown it is quoted in.
TEST(ReportMarkdown, EscapesDocumentText) {
  test::TempDir dir;
  test::write_bytes(dir / "odd.txt", "Valdoria | *draft* [v2]: Common Country Analysis\n\nRoma face discrimination.\n");
  const auto r = run_cli({"score", (dir / "odd.txt").string(), "--db", (dir / "u.db").string(), "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("# Valdoria \\| \\*draft\\* \\[v2\\]: Common Country Analysis\n"));
  EXPECT_THAT(r.out, HasSubstr("- **Country:** Valdoria \\| \\*draft\\* \\[v2\\]\n"));
  EXPECT_THAT(r.out, HasSubstr("- **Roma** face **discrimination**. ("));  // one quote for two criteria met by it
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("- **Roma** face discrimination. (")));
}

}  // namespace
}  // namespace unct

namespace unct {
namespace {

TEST(ReportLanguage, AFrenchDocumentGetsAFrenchReportInEveryFormat) {
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  const std::string sample = test::source_file("samples/bcp-kavera-2024.html").string();
  const auto text = run_cli({"score", sample, "--db", db});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("SYNTHÈSE\n"));
  EXPECT_THAT(text.out, HasSubstr("PRIORITÉS : CE QU'IL FAUT AJOUTER EN PREMIER"));
  EXPECT_THAT(text.out, HasSubstr("Groupes nommés et décrits"));  // the item's French title
  EXPECT_THAT(text.out, Not(HasSubstr("Not found in the document")));
  const auto html = run_cli({"report", "1", "--db", db, "--format", "html"});
  EXPECT_THAT(html.out, HasSubstr("<html lang=\"fr\">"));
  EXPECT_THAT(html.out, HasSubstr("<h2>Synthèse</h2>"));
  EXPECT_THAT(html.out, HasSubstr("Répond aux exigences minimales"));
  // Criteria in French, from the checklist's translation.
  EXPECT_THAT(html.out, HasSubstr("nomme au moins un groupe victime de discrimination raciale"));
  EXPECT_THAT(html.out, HasSubstr("s&#39;applique à : Plan-cadre de coopération"));  // why an item does not apply
  EXPECT_THAT(html.out, Not(HasSubstr("applies to cf")));
  const auto md = run_cli({"report", "1", "--db", db, "--format", "md"});
  EXPECT_THAT(md.out, HasSubstr("## Synthèse"));
  const auto json = run_cli({"report", "1", "--db", db, "--format", "json"});
  EXPECT_THAT(json.out, HasSubstr("\"report_language\": \"fr\""));
  const auto csv = run_cli({"report", "1", "--db", db, "--format", "csv"});
  EXPECT_THAT(csv.out, HasSubstr(",Groupes nommés et décrits,"));

  // Asked for in another language, the same assessment reads in that one.
  const auto spanish = run_cli({"report", "1", "--db", db, "--report-lang", "es"});
  EXPECT_THAT(spanish.out, HasSubstr("RESUMEN\n"));
  EXPECT_THAT(spanish.out, HasSubstr("Grupos nombrados y caracterizados"));
  const auto english = run_cli({"report", "1", "--db", db, "--report-lang", "en"});
  EXPECT_THAT(english.out, HasSubstr("PRIORITIES: WHAT TO ADD FIRST"));
  EXPECT_THAT(english.out, HasSubstr("Groups named and profiled"));
}

TEST(ReportLanguage, ASpanishDocumentGetsASpanishReport) {
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  const auto text = run_cli({"score", test::source_file("samples/mc-aldemar-2026.md").string(), "--db", db});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("RESUMEN\n"));
  EXPECT_THAT(text.out, HasSubstr("PRIORIDADES: QUÉ AÑADIR PRIMERO"));
  EXPECT_THAT(text.out, HasSubstr("Marco de Cooperación"));
  const auto html = run_cli({"report", "1", "--db", db, "--format", "html"});
  EXPECT_THAT(html.out, HasSubstr("<html lang=\"es\">"));
  EXPECT_THAT(html.out, HasSubstr("Cumple los requisitos mínimos"));
  EXPECT_THAT(html.out, HasSubstr("Una reconstrucción"));  // the provenance note, in Spanish
  test::TempDir out;
  ASSERT_EQ(run_cli({"report", "1", "--db", db, "--format", "docx", "--out", (out / "r.docx").string()}).exit_code, 0);
  EXPECT_GT(std::filesystem::file_size(out / "r.docx"), 5000u);
}

TEST(ReportLanguage, AnUnknownLanguageIsRefusedBeforeAnythingIsStored) {
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  const auto r =
      run_cli({"score", test::source_file("samples/cca-valdoria-2025.md").string(), "--db", db, "--report-lang", "de"});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("unknown --report-lang \"de\": use en, fr or es"));
  EXPECT_FALSE(std::filesystem::exists(db));
}

}  // namespace
}  // namespace unct
