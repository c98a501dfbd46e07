#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

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
  EXPECT_THAT(r.out, HasSubstr("**4 of 15 applicable items at Meets or above** (27%)."));
  EXPECT_THAT(r.out, HasSubstr("| RDM-CCA-01 | Groups named and profiled | Meets |"));
  EXPECT_THAT(r.out, HasSubstr("| RDM-CF-01 | Theory of change addresses discrimination | not applicable |"));
  EXPECT_THAT(r.out,
              HasSubstr("| RDM-UNCT-01 | Coordination focal point or group | not assessable from the document |"));
  EXPECT_THAT(r.out, HasSubstr("### RDM-CCA-04 Data gaps and rights-based data (Approaches)"));
  EXPECT_THAT(r.out, HasSubstr("**What to add:** State which data on the groups are missing"));
  // The matched words of a quote in bold: here a breakdown the text says is missing.
  EXPECT_THAT(r.out, HasSubstr("not disaggregated by **ethnicity**"));
}

TEST_F(ReportCommand, CsvHasOneRowPerItem) {
  const auto r = run_cli({"report", "1", "--db", m_db, "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              StartsWith("item,title,section,applicable,level,level_label,criteria_met,criteria_unmet,quote,place,gap,"
                         "engine_level,review_note\r\n"));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 44);  // the header and 43 items
  EXPECT_THAT(r.out, HasSubstr("\r\nRDM-CCA-01,Groups named and profiled,cca,yes,meets,Meets,"));
  EXPECT_THAT(r.out, HasSubstr("\r\nRDM-CF-01,Theory of change addresses discrimination,cf,no,,not applicable,"));
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
  EXPECT_EQ(items, 43u);
  EXPECT_THAT(r.out, HasSubstr("<span class=\"badge meets\">Meets minimum requirements</span>"));
  EXPECT_THAT(r.out, HasSubstr("<span class=\"badge external\">Not assessable from the document</span>"));
  EXPECT_THAT(r.out, HasSubstr("<p class=\"question\">Does the analysis name the minorities"));  // from the checklist
  EXPECT_THAT(r.out, HasSubstr("<mark>not disaggregated</mark>"));
  EXPECT_THAT(r.out, HasSubstr("<svg role=\"img\" aria-label=\"Levels of the Common Country Analysis items\""));
  EXPECT_THAT(r.out, HasSubstr("<h2>Gaps, by weight</h2>"));
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
