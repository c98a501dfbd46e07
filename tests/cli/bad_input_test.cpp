// Hostile or mistaken input through the command line: one clear message naming the file, exit 2,
// nothing read that could block or never end, and the database left byte for byte as it was.

#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sys/stat.h>

namespace unct {
namespace {

using ::testing::HasSubstr;
using test::run_cli;

const std::string k_sample = test::source_file("samples/cca-valdoria-2025.md").string();

class RefusedInput : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(run_cli({"score", k_sample, "--db", m_db}).exit_code, cli::k_exit_ok);
    m_before = test::read_bytes(m_db);
  }
  void expect_refused(const std::vector<std::string>& args, const std::string& message) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, cli::k_exit_bad_input) << r.err;
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_EQ(test::read_bytes(m_db), m_before) << "the database changed";
  }
  test::TempDir m_dir;
  std::string m_db = (m_dir / "u.db").string();
  std::string m_before;
};

TEST_F(RefusedInput, PipesAndDevicesAreRefusedUnread) {
  const std::string fifo = (m_dir / "pipe.md").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  expect_refused({"score", fifo, "--db", m_db}, "pipe.md: not a regular file (a pipe, device or socket)");
  expect_refused({"score", "/dev/zero", "--db", m_db}, "/dev/zero: not a regular file");
  expect_refused({"score", k_sample, "--self", "/dev/zero", "--db", m_db}, "/dev/zero: not a regular file");
  expect_refused({"batch", test::source_file("samples").string(), "--manifest", "/dev/zero", "--db", m_db},
                 "/dev/zero: not a regular file");
}

// Files a user has rather than the formats read get a message that says what to do.
TEST_F(RefusedInput, BlankSelfAssessmentFormDoesNotWipeRatings) {
  test::write_bytes(m_dir / "blank.csv", "item,level,justification,source\nRDM-CCA-01,,,\nRDM-UNCT-01,,,\n");
  expect_refused({"self-assess", "import", "1", (m_dir / "blank.csv").string(), "--db", m_db},
                 "blank.csv: no item has a level: fill in the level column");
}

TEST_F(RefusedInput, FormatsNotReadSayWhatToSaveAs) {
  const std::vector<std::pair<std::string, std::string>> files{
      {"old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12)},
      {"notes.rtf", "{\\rtf1\\ansi Roma children}"},
      {"wide.txt", std::string("\xFF\xFER\0o\0m\0a\0", 10)}};
  for (const auto& [name, bytes] : files) test::write_bytes(m_dir / name, bytes);
  expect_refused({"score", (m_dir / "old.doc").string(), "--db", m_db}, "old.doc: a legacy Word (.doc) or password-protected");
  expect_refused({"score", (m_dir / "notes.rtf").string(), "--db", m_db}, "notes.rtf: a Rich Text (RTF) file: save it as DOCX");
  expect_refused({"score", (m_dir / "wide.txt").string(), "--db", m_db}, "wide.txt: UTF-16 text: save the file as UTF-8");
}

TEST_F(RefusedInput, OutNeverReplacesTheDatabaseNorFollowsALink) {
  expect_refused({"report", "1", "--db", m_db, "--format", "html", "--out", m_db}, "--out would overwrite --db");
  std::filesystem::create_symlink(m_db, m_dir / "report.html");
  expect_refused({"report", "1", "--db", m_db, "--format", "html", "--out", (m_dir / "report.html").string()},
                 "report.html: --out is a symbolic link");
  expect_refused({"export", "--db", m_db, "--out", m_db}, "--out would overwrite --db");
}

TEST_F(RefusedInput, ExportNamesItsFormat) {
  expect_refused({"export", "--db", m_db, "--out", (m_dir / "portfolio.ods").string()}, "portfolio.ods: --out must end in .csv");
  EXPECT_FALSE(std::filesystem::exists(m_dir / "portfolio.ods"));
}

TEST_F(RefusedInput, NumbersOutOfRangeAreNamedAsGiven) {
  expect_refused({"evaluate", test::source_file("samples").string(), "--min-exact", "90"}, "--min-exact is a share from 0 to 1");
  expect_refused({"batch", m_dir.path().string(), "--jobs", "-1", "--db", m_db}, "--jobs -1: use 1 to 256");
  expect_refused({"score", k_sample, "--max-size", "inf", "--db", m_db}, "--max-size must be a number of MB above 0 and at most 4096");
  expect_refused({"score", k_sample, "--max-size", "1e300", "--db", m_db}, "--max-size must be a number of MB");
}

// Item ids as users type them.
TEST_F(RefusedInput, ItemIdsInAnyCase) {
  EXPECT_THAT(run_cli({"checklist", "show", "--item", "rdm-cf-04"}).out, HasSubstr("RDM-CF-04  Indicators disaggregated"));
  const auto r = run_cli({"override", "1", "rdm-cca-04", "--level", "meets", "--note", "Annex 2", "--reviewer", "A. Reviewer",
                          "--db", m_db});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(run_cli({"override", "1", "--db", m_db}).out, HasSubstr("RDM-CCA-04"));
}

// Another program's SQLite file is refused as it is: not switched to WAL, no -wal or -shm left.
TEST(ForeignDatabase, IsRefusedUntouched) {
  test::TempDir dir;
  const std::filesystem::path db = dir / "other.db";
  {
    SQLite::Database other(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')");
  }
  const std::string before = test::read_bytes(db);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"history", "--db", db.string()}, {"score", k_sample, "--db", db.string()}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, cli::k_exit_bad_input) << args.front();
    EXPECT_THAT(r.err, HasSubstr("other.db: not an unct-assess database"));
    EXPECT_EQ(test::read_bytes(db), before) << args.front();
    EXPECT_FALSE(std::filesystem::exists(dir / "other.db-wal")) << args.front();
    EXPECT_FALSE(std::filesystem::exists(dir / "other.db-shm")) << args.front();
  }
}

// Bytes that are not UTF-8 inside a Word run are replaced, with a warning, and the document is
// scored and stored (its text cache included) instead of failing inside.
TEST(BadText, InvalidUtf8InAWordRunIsReplacedNotFatal) {
  test::TempDir dir;
  const auto r = run_cli({"score", test::fixture("ingest/bad-utf8.docx").string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  const auto inspected = run_cli({"inspect", test::fixture("ingest/bad-utf8.docx").string()});
  EXPECT_THAT(inspected.out, HasSubstr("1 byte of text was not valid UTF-8 and was replaced"));
}

// Document text that a spreadsheet would run as a formula is written as text.
TEST(CsvOutput, FormulasFromDocumentTextAreNeutralised) {
  test::TempDir dir;
  test::write_bytes(dir / "d.md", "# =HYPERLINK(\"http://x\") Common Country Analysis of Testland\n\nRoma face discrimination.\n");
  const std::string db = (dir / "u.db").string();
  ASSERT_EQ(run_cli({"score", (dir / "d.md").string(), "--db", db}).exit_code, cli::k_exit_ok);
  const auto r = run_cli({"export", "--db", db, "--out", (dir / "p.csv").string()});
  ASSERT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  const std::string matrix = test::read_bytes(dir / "p.csv");
  EXPECT_THAT(matrix, HasSubstr("\"'=HYPERLINK(\"\"http://x\"\")"));
  EXPECT_THAT(matrix, ::testing::Not(HasSubstr(",=HYPERLINK")));
}

}  // namespace
}  // namespace unct
