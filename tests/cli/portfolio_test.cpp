#include "cli/run.hpp"

#include "engine/store/store.hpp"
#include "tests/support/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace unct {
namespace {

using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;

// Two drafts of one analysis: the first names no group in its COVID-19 chapter, the second does.
class TwoDrafts : public ::testing::Test {
protected:
  void SetUp() override {
    m_db = (m_dir / "u.db").string();
    ASSERT_EQ(score("items/RDM-CCA-15.approaches.vulnerable-only.md"), 0);
    ASSERT_EQ(score("items/RDM-CCA-15.exceeds.md"), 0);
  }
  int score(const std::string& fixture) {
    return run_cli({"score", test::fixture(fixture).string(), "--db", m_db, "--country", "Valdoria"}).exit_code;
  }
  test::TempDir m_dir;
  std::string m_db;
};

TEST_F(TwoDrafts, HistoryListsNewestFirstAndFiltersByCountry) {
  const auto r = run_cli({"history", "--db", m_db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.out.find("\n2 "), r.out.find("\n1 "));
  EXPECT_THAT(r.out, HasSubstr("Common Country Analysis 2021"));
  EXPECT_THAT(r.out, HasSubstr("Valdoria"));
  EXPECT_THAT(run_cli({"history", "--db", m_db, "--country", "Elsewhere"}).out,
              HasSubstr("No assessments about this country."));
  // Part of the name, in any case, as a user types it.
  EXPECT_THAT(run_cli({"history", "--db", m_db, "--country", "valdo"}).out, HasSubstr("Common Country Analysis 2021"));
  EXPECT_THAT(run_cli({"gaps", "--db", m_db, "--country", "VALDORIA"}).out, Not(HasSubstr("No assessments")));
}

TEST_F(TwoDrafts, CompareShowsTheGapClosed) {
  const auto r = run_cli({"compare", "1", "2", "--db", m_db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Change  +7 points; 6 up, 0 down, 1 gap closed, 0 opened"));
  EXPECT_THAT(r.out, HasSubstr("RDM-CCA-15"));
  EXPECT_THAT(r.out, HasSubstr("Approaches -> Exceeds  (gap closed)"));
  EXPECT_THAT(r.out, HasSubstr("Missing    -> Approaches"));
  EXPECT_THAT(r.out, Not(HasSubstr("RDM-CCA-02 ")));  // unchanged items are left out
}

TEST_F(TwoDrafts, CompareAsHtmlHighlightsTheChange) {
  const auto r = run_cli({"compare", "1", "2", "--db", m_db, "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<strong>Gaps closed</strong> (now at Meets or above): RDM-CCA-15"));
  EXPECT_THAT(r.out, HasSubstr("<tr class=\"up\"><td>RDM-CCA-15 COVID-19 or crisis impact</td>"));
  EXPECT_THAT(r.out, HasSubstr("<span class=\"badge exceeds\">Exceeds minimum requirements</span>"));
  EXPECT_THAT(r.out, HasSubstr("<span class=\"delta\">(+7)</span>"));
  EXPECT_THAT(r.out, Not(HasSubstr("RDM-CF-01")));  // rated in neither
}

TEST_F(TwoDrafts, CompareWithAnUnknownIdIsBadInput) {
  const auto r = run_cli({"compare", "1", "9", "--db", m_db});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("no assessment with id 9"));
}

// Gaps count the latest assessment of each document: the two drafts are two documents here.
TEST_F(TwoDrafts, GapsRankItemsByTheShareOfDocumentsBelowMeets) {
  ASSERT_EQ(run_cli({"score", test::source_file("samples/cca-valdoria-2025.md").string(), "--db", m_db}).exit_code, 0);
  const auto r = run_cli({"gaps", "--db", m_db, "--documents"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              HasSubstr("RDM-CCA-04    Data gaps and rights-based data                         3 of 3        100%"));
  EXPECT_THAT(r.out,
              HasSubstr("RDM-CCA-13    Legal identity, citizenship, statelessness and displ... 2 of 3        67%"));
  EXPECT_THAT(r.out, HasSubstr("    - Republic of Valdoria: Common Country Analysis 2025 ("));
  EXPECT_LT(r.out.find("\nRDM-CCA-14 "), r.out.find("\nRDM-CCA-01 "));  // most often below Meets first
  // "Valdoria" finds "Republic of Valdoria" too; "republic" finds it alone.
  const auto valdoria = run_cli({"gaps", "--db", m_db, "--country", "Valdoria"});
  EXPECT_THAT(valdoria.out,
              HasSubstr("RDM-CCA-04    Data gaps and rights-based data                         3 of 3        100%"));
  const auto republic = run_cli({"gaps", "--db", m_db, "--country", "republic"});
  EXPECT_THAT(republic.out,
              HasSubstr("RDM-CCA-04    Data gaps and rights-based data                         1 of 1        100%"));
  EXPECT_THAT(run_cli({"gaps", "--db", m_db, "--kind", "cf"}).out, HasSubstr("No assessed documents match."));
  EXPECT_EQ(run_cli({"gaps", "--db", m_db, "--kind", "report"}).exit_code, cli::k_exit_bad_input);
}

TEST_F(TwoDrafts, PortfolioPageShowsAHeatMapAndTheGaps) {
  const auto r = run_cli({"gaps", "--db", m_db, "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<h1>Portfolio: 2 documents</h1>"));
  EXPECT_THAT(r.out, HasSubstr("<th class=\"item\">RDM-CCA-15</th>"));
  EXPECT_THAT(r.out, Not(HasSubstr("<th class=\"item\">RDM-CF-01</th>")));  // rated in no document
  EXPECT_THAT(r.out, HasSubstr("<td class=\"exceeds\" title=\"RDM-CCA-15: Exceeds minimum requirements\">E</td>"));
  EXPECT_THAT(r.out,
              HasSubstr("<td class=\"approaches\" title=\"RDM-CCA-15: Approaches minimum requirements\">A</td>"));
  EXPECT_THAT(r.out, HasSubstr("<h2>Items most often below Meets</h2>"));
  EXPECT_THAT(r.out, HasSubstr("<tr><td>RDM-CCA-15 COVID-19 or crisis impact</td><td>1 of 2</td><td>50%</td></tr>"));
}

TEST_F(TwoDrafts, ExportWritesTheMatrixAndTheFindings) {
  const std::string out = (m_dir / "portfolio.csv").string();
  const auto r = run_cli({"export", "--db", m_db, "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(2 documents)"));
  const std::string matrix = test::read_bytes(out);
  EXPECT_THAT(matrix, ::testing::StartsWith("assessment,document,kind,country,region,year,RDM-CCA-01,"));
  EXPECT_THAT(matrix, Not(HasSubstr("RDM-CF-01")));
  EXPECT_EQ(std::count(matrix.begin(), matrix.end(), '\n'), 3);  // the header and two documents
  EXPECT_THAT(matrix, HasSubstr(",cca,Valdoria,,2021,"));
  const std::string findings = test::read_bytes((m_dir / "portfolio-findings.csv").string());
  EXPECT_THAT(findings, ::testing::StartsWith("document,item,title,level,not_found,what_to_add,review\r\n"));
  EXPECT_THAT(findings, HasSubstr(",RDM-CCA-15,COVID-19 or crisis impact,approaches,"));
  EXPECT_EQ(run_cli({"export", "--db", m_db, "--out", out, "--format", "ods"}).exit_code, cli::k_exit_bad_input);
}

TEST_F(TwoDrafts, DbCheckIsCleanThenFindsADanglingRow) {
  const auto clean = run_cli({"db", "check", "--db", m_db});
  EXPECT_EQ(clean.exit_code, 0) << clean.out;
  EXPECT_THAT(clean.out,
              HasSubstr(": ok (schema version " + std::to_string(store::latest_schema_version()) + ", 2 assessments)"));
  {
    SQLite::Database database(m_db, SQLite::OPEN_READWRITE);
    database.exec("PRAGMA foreign_keys = OFF");
    database.exec("UPDATE item_results SET assessment_id = 99 WHERE id = 1");
  }
  const auto broken = run_cli({"db", "check", "--db", m_db});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("foreign key: row 1 of item_results points to a missing row of assessments"));
}

TEST(DbCheck, MissingDatabaseIsBadInputAndNotCreated) {
  test::TempDir dir;
  const auto r = run_cli({"db", "check", "--db", (dir / "none.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("none.db: no such database"));
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

}  // namespace
}  // namespace unct
