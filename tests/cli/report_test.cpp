#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace unct {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using test::run_cli;

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
  EXPECT_THAT(r.out, HasSubstr("| RDM-UNCT-01 | Coordination focal point or group | not assessable from the document |"));
  EXPECT_THAT(r.out, HasSubstr("### RDM-CCA-04 Data gaps and rights-based data (Approaches)"));
  EXPECT_THAT(r.out, HasSubstr("**What to add:** State which data on the groups are missing"));
  EXPECT_THAT(r.out, HasSubstr("**not disaggregated**"));  // the matched words of a quote in bold
}

TEST_F(ReportCommand, CsvHasOneRowPerItem) {
  const auto r = run_cli({"report", "1", "--db", m_db, "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("item,title,section,applicable,level,level_label,criteria_met,criteria_unmet,quote,place,gap\r\n"));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 44);  // the header and 43 items
  EXPECT_THAT(r.out, HasSubstr("\r\nRDM-CCA-01,Groups named and profiled,cca,yes,meets,Meets,"));
  EXPECT_THAT(r.out, HasSubstr("\r\nRDM-CF-01,Theory of change addresses discrimination,cf,no,,not applicable,"));
  EXPECT_THAT(r.out, HasSubstr(",\"1. Country context, line 23\","));  // a field with a comma is quoted
}

TEST_F(ReportCommand, OutWritesAFileAndBadInputExits2) {
  const std::string out = (m_dir / "report.md").string();
  const auto r = run_cli({"report", "1", "--db", m_db, "--format", "md", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(test::read_bytes(out), StartsWith("# Republic of Valdoria"));
  EXPECT_EQ(run_cli({"report", "7", "--db", m_db}).exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(run_cli({"report", "7", "--db", m_db}).err, HasSubstr("no assessment with id 7"));
  EXPECT_THAT(run_cli({"report", "1", "--db", m_db, "--format", "pdf"}).err, HasSubstr("unknown --format \"pdf\""));
  EXPECT_THAT(run_cli({"report", "1", "--db", (m_dir / "none.db").string()}).err, HasSubstr("none.db: no such database"));
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
