#include "cli/run.hpp"

#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <thread>

namespace unct {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using test::run_cli;

// The names of the parts of a zip file, and one part's text; empty when it is not a zip.
std::vector<std::string> zip_entries(const fs::path& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return {};
  std::vector<std::string> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) out.emplace_back(zip_get_name(archive, static_cast<zip_uint64_t>(i), 0));
  zip_close(archive);
  return out;
}

std::string zip_part(const fs::path& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return {};
  std::string out;
  if (zip_file_t* file = zip_fopen(archive, name.c_str(), 0)) {
    char buffer[4096];
    for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
  }
  zip_close(archive);
  return out;
}

std::size_t documents_in(const fs::path& folder) {
  std::size_t n = 0;
  for (const auto& f : fs::directory_iterator(folder)) n += f.is_regular_file() && ingest::is_document_name(f.path());
  return n;
}

int query(const fs::path& db, const std::string& sql) {
  SQLite::Database database(db.string(), SQLite::OPEN_READONLY);
  database.setBusyTimeout(5000);
  return database.execAndGet(sql).getInt();
}

// The desk reviewer's day: the samples scored as a batch with a manifest, then the portfolio
// queried, one rating overridden, drafts compared and the whole exported.
class SamplesBatch : public ::testing::Test {
protected:
  void SetUp() override {
    const fs::path samples = test::source_file("samples");
    test::write_bytes(m_dir / "manifest.csv",
                      "file,country,region,kind,year,draft\n" + (samples / "cca-valdoria-2025.md").string() +
                          ",Valdoria,Europe and Central Asia,cca,2025,draft 1\n" + (samples / "cca-valdoria-2025.docx").string() +
                          ",Valdoria,Europe and Central Asia,cca,2025,draft 2\n");
    m_batch = run_cli({"batch", samples.string(), "--db", m_db, "--manifest", (m_dir / "manifest.csv").string(), "--jobs", "2"});
    m_documents = documents_in(samples);
  }
  test::TempDir m_dir;
  std::string m_db = (m_dir / "u.db").string();
  test::CliResult m_batch;
  std::size_t m_documents = 0;
};

TEST_F(SamplesBatch, ScoresEverySampleThenGapsCompareOverrideAndExport) {
  ASSERT_EQ(m_batch.exit_code, 0) << m_batch.err;
  EXPECT_THAT(m_batch.out, HasSubstr(std::to_string(m_documents) + " scored, 0 skipped, 0 failed"));
  EXPECT_THAT(m_batch.err, HasSubstr("[" + std::to_string(m_documents) + "/" + std::to_string(m_documents) + "] scored "));

  const auto region = run_cli({"gaps", "--db", m_db, "--region", "Europe and Central Asia"});
  ASSERT_EQ(region.exit_code, 0) << region.err;
  EXPECT_THAT(region.out, HasSubstr("RDM-CCA-04    Data gaps and rights-based data                         2 of 2        100%"));

  const auto same = run_cli({"compare", "draft 1", "draft 2", "--db", m_db});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_THAT(same.out, HasSubstr("No item changed level."));

  const auto by_name = run_cli({"override", "draft 2", "RDM-CCA-04", "--level", "meets", "--note",
                                 "The annex table gives school data by ethnicity", "--reviewer", "A. Reviewer", "--db", m_db});
  EXPECT_EQ(by_name.exit_code, cli::k_exit_bad_input);  // override takes an id
  const int id = query(m_db, "SELECT id FROM assessments WHERE draft = 'draft 2'");
  const auto reviewed = run_cli({"override", std::to_string(id), "RDM-CCA-04", "--level", "meets", "--note",
                                 "The annex table gives school data by ethnicity", "--reviewer", "A. Reviewer", "--db", m_db});
  ASSERT_EQ(reviewed.exit_code, 0) << reviewed.err;
  EXPECT_THAT(reviewed.out, HasSubstr("RDM-CCA-04 in assessment " + std::to_string(id) + ": Approaches -> Meets, by A. Reviewer."));
  EXPECT_THAT(reviewed.out, HasSubstr("5 of 15 applicable items at Meets or above (33%)"));

  const auto moved = run_cli({"compare", "draft 1", "draft 2", "--db", m_db});
  EXPECT_THAT(moved.out, HasSubstr("1 up, 0 down, 1 gap closed"));
  const auto report = run_cli({"report", std::to_string(id), "--db", m_db});
  EXPECT_THAT(report.out, HasSubstr("Meets (reviewed; engine: Approaches)"));
  EXPECT_THAT(report.out, HasSubstr("REVIEWER OVERRIDES\n  RDM-CCA-04  Meets, reviewed by A. Reviewer on "));
  const auto trail = run_cli({"override", std::to_string(id), "--db", m_db});
  EXPECT_THAT(trail.out, HasSubstr("RDM-CCA-04  Approaches -> Meets  by A. Reviewer: The annex table gives school data by ethnicity"));

  const fs::path csv = m_dir / "portfolio.csv";
  ASSERT_EQ(run_cli({"export", "--db", m_db, "--out", csv.string()}).exit_code, 0);
  const std::string matrix = test::read_bytes(csv);
  EXPECT_THAT(matrix, ::testing::StartsWith("assessment,document,kind,country,region,year,RDM-CCA-01,"));
  EXPECT_EQ(std::count(matrix.begin(), matrix.end(), '\n'), static_cast<long>(m_documents + 1));
  EXPECT_THAT(matrix, HasSubstr(",cca,Valdoria,Europe and Central Asia,2025,"));
  EXPECT_THAT(test::read_bytes(m_dir / "portfolio-findings.csv"), Not(HasSubstr("A. Reviewer")));  // raised to Meets: no finding

  const fs::path xlsx = m_dir / "portfolio.xlsx";
  const auto workbook = run_cli({"export", "--db", m_db, "--out", xlsx.string()});
  ASSERT_EQ(workbook.exit_code, 0) << workbook.err;
  EXPECT_THAT(workbook.out, HasSubstr("sheets Documents, Items, Findings, About"));
  EXPECT_THAT(zip_entries(xlsx), ::testing::IsSupersetOf({"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                                          "xl/worksheets/sheet4.xml", "xl/styles.xml"}));
  const std::string sheets = zip_part(xlsx, "xl/workbook.xml");
  for (const char* name : {"Documents", "Items", "Findings", "About"}) {
    EXPECT_THAT(sheets, HasSubstr(std::string("<sheet name=\"") + name + "\"")) << name;
  }
  const std::string strings = zip_part(xlsx, "xl/sharedStrings.xml");
  EXPECT_THAT(strings, HasSubstr("Republic of Valdoria: Common Country Analysis 2025"));
  EXPECT_THAT(strings, HasSubstr("A sourced reconstruction, not the official text"));
  EXPECT_THAT(zip_entries(xlsx), ::testing::Contains(HasSubstr("comments")));  // the override's note on its cell
  EXPECT_FALSE(fs::exists(m_dir / "portfolio.xlsx.part"));
}

TEST_F(SamplesBatch, RunningAgainSkipsEverything) {
  ASSERT_EQ(m_batch.exit_code, 0) << m_batch.err;
  const auto again = run_cli({"batch", test::source_file("samples").string(), "--db", m_db, "--jobs", "1"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("0 scored, " + std::to_string(m_documents) + " skipped, 0 failed"));
  EXPECT_EQ(query(m_db, "SELECT COUNT(*) FROM assessments"), static_cast<int>(m_documents));
}

TEST(BatchCommand, AFailedDocumentIsListedAndExitsOne) {
  test::TempDir dir;
  fs::copy_file(test::fixture("items/RDM-CCA-01.meets.md"), dir / "a.md");
  fs::copy_file(test::fixture("ingest/truncated.pdf"), dir / "b.pdf");
  const auto r = run_cli({"batch", dir.path().string(), "--db", (dir / "u.db").string(), "--jobs", "1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("1 scored, 0 skipped, 1 failed"));
  EXPECT_THAT(r.out, HasSubstr("Failed:\n  " + (dir / "b.pdf").string() + ": the PDF is truncated"));
  EXPECT_THAT(r.err, HasSubstr("[2/2] FAILED "));
}

TEST(BatchCommand, BadManifestLeavesNoDatabase) {
  test::TempDir dir;
  fs::copy_file(test::fixture("items/RDM-CCA-01.meets.md"), dir / "a.md");
  test::write_bytes(dir / "m.csv", "file,kind\na.md,plan\n");
  const auto r = run_cli({"batch", dir.path().string(), "--db", (dir / "u.db").string(), "--manifest", (dir / "m.csv").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("m.csv:2: unknown kind \"plan\""));
  EXPECT_FALSE(fs::exists(dir / "u.db"));
  const auto empty = run_cli({"batch", (dir / "m.csv").string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(empty.exit_code, cli::k_exit_bad_input);  // a list naming "file,kind", which does not exist
  EXPECT_THAT(run_cli({"batch", dir.path().string(), "--jobs", "0"}).err, HasSubstr("--jobs 0: use 1 to 256"));
}

// A portfolio of `count` distinct analyses (each the sample with its own title, repeated to make
// it long enough to be caught mid-run).
fs::path make_portfolio(const fs::path& folder, int count) {
  fs::create_directories(folder);
  const std::string body = test::read_bytes(test::source_file("samples/cca-valdoria-2025.md"));
  for (int i = 0; i < count; ++i) {
    std::string text = "# Common Country Analysis of Country " + std::to_string(i) + "\n\n";
    for (int r = 0; r < 3; ++r) text += body + "\n";
    test::write_bytes(folder / ("cca-" + std::to_string(100 + i) + ".md"), text);
  }
  return folder;
}

// kill -9 in the middle of a batch loses at most the document in flight; running the batch
// again completes the rest, and every document is stored once.
TEST(BatchProcess, KilledMidRunThenResumedStoresEveryDocumentOnce) {
  test::TempDir dir;
  constexpr int k_documents = 24;
  const fs::path folder = make_portfolio(dir / "portfolio", k_documents);
  const fs::path db = dir / "u.db";
  {
    test::Program batch({"batch", folder.string(), "--db", db.string(), "--jobs", "1"}, dir / "first.log");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int stored = 0;
    while (stored < 3 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      if (!fs::exists(db)) continue;
      try {
        stored = query(db, "SELECT COUNT(*) FROM assessments");
      } catch (const std::exception&) {
        // the schema is still being created
      }
    }
    batch.kill_hard();
  }
  const int before = query(db, "SELECT COUNT(*) FROM assessments");
  ASSERT_GE(before, 3);
  ASSERT_LT(before, k_documents) << "the batch finished before it could be killed";
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM batches WHERE finished_at = ''"), 1);  // cut short
  EXPECT_EQ(run_cli({"db", "check", "--db", db.string()}).exit_code, 0);

  const auto resumed = run_cli({"batch", folder.string(), "--db", db.string(), "--jobs", "2"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_THAT(resumed.out, HasSubstr(std::to_string(k_documents - before) + " scored, " + std::to_string(before) + " skipped, 0 failed"));
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM assessments"), k_documents);
  EXPECT_EQ(query(db, "SELECT COUNT(DISTINCT document_id) FROM assessments"), k_documents);
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM item_results"), k_documents * 43);
}

// Two batch processes (two jobs each) on one database and the same folder: neither meets
// "database is locked", and each document is stored once.
TEST(BatchProcess, TwoProcessesShareOneDatabase) {
  test::TempDir dir;
  constexpr int k_documents = 16;
  const fs::path folder = make_portfolio(dir / "portfolio", k_documents);
  const fs::path db = dir / "u.db";
  test::Program first({"batch", folder.string(), "--db", db.string(), "--jobs", "2"}, dir / "first.log");
  test::Program second({"batch", folder.string(), "--db", db.string(), "--jobs", "2"}, dir / "second.log");
  EXPECT_EQ(first.wait(), 0) << test::read_bytes(dir / "first.log");
  EXPECT_EQ(second.wait(), 0) << test::read_bytes(dir / "second.log");
  for (const char* log : {"first.log", "second.log"}) {
    EXPECT_THAT(test::read_bytes(dir / log), Not(HasSubstr("locked"))) << log;
  }
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM assessments"), k_documents);
  EXPECT_EQ(query(db, "SELECT COUNT(DISTINCT document_id) FROM assessments"), k_documents);
  EXPECT_EQ(query(db, "SELECT SUM(scored) FROM batches"), k_documents);
  EXPECT_EQ(query(db, "SELECT SUM(skipped) FROM batches"), k_documents);
}

}  // namespace
}  // namespace unct
