#include "cli/run.hpp"

#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <random>
#include <thread>

namespace unct {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;

// The names of the parts of a zip file, and one part's text; empty when it is not a zip.
std::vector<std::string> zip_entries(const fs::path& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return {};
  std::vector<std::string> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i)
    out.emplace_back(zip_get_name(archive, static_cast<zip_uint64_t>(i), 0));
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
    for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;)
      out.append(buffer, static_cast<std::size_t>(n));
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
    test::write_bytes(m_dir / "manifest.csv", "file,country,region,kind,year,draft\n" +
                                                  (samples / "cca-valdoria-2025.md").string() +
                                                  ",Valdoria,Europe and Central Asia,cca,2025,draft 1\n" +
                                                  (samples / "cca-valdoria-2025.docx").string() +
                                                  ",Valdoria,Europe and Central Asia,cca,2025,draft 2\n");
    m_batch = run_cli(
        {"batch", samples.string(), "--db", m_db, "--manifest", (m_dir / "manifest.csv").string(), "--jobs", "2"});
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
  EXPECT_THAT(m_batch.err,
              HasSubstr("[" + std::to_string(m_documents) + "/" + std::to_string(m_documents) + "] scored "));

  const auto region = run_cli({"gaps", "--db", m_db, "--region", "Europe and Central Asia"});
  ASSERT_EQ(region.exit_code, 0) << region.err;
  EXPECT_THAT(region.out,
              HasSubstr("RDM-CCA-04    Data gaps and rights-based data                         2 of 2        100%"));

  const auto same = run_cli({"compare", "draft 1", "draft 2", "--db", m_db});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_THAT(same.out, HasSubstr("No item changed level."));

  const auto by_name =
      run_cli({"override", "draft 2", "RDM-CCA-04", "--level", "meets", "--note",
               "The annex table gives school data by ethnicity", "--reviewer", "A. Reviewer", "--db", m_db});
  EXPECT_EQ(by_name.exit_code, cli::k_exit_bad_input);  // override takes an id
  const int id = query(m_db, "SELECT id FROM assessments WHERE draft = 'draft 2'");
  const auto reviewed =
      run_cli({"override", std::to_string(id), "RDM-CCA-04", "--level", "meets", "--note",
               "The annex table gives school data by ethnicity", "--reviewer", "A. Reviewer", "--db", m_db});
  ASSERT_EQ(reviewed.exit_code, 0) << reviewed.err;
  EXPECT_THAT(reviewed.out,
              HasSubstr("RDM-CCA-04 in assessment " + std::to_string(id) + ": Approaches -> Meets, by A. Reviewer."));
  EXPECT_THAT(reviewed.out, HasSubstr("5 of 15 applicable items at Meets or above (33%)"));

  const auto moved = run_cli({"compare", "draft 1", "draft 2", "--db", m_db});
  EXPECT_THAT(moved.out, HasSubstr("1 up, 0 down, 1 gap closed"));
  const auto report = run_cli({"report", std::to_string(id), "--db", m_db});
  EXPECT_THAT(report.out, HasSubstr("Meets (reviewed by A. Reviewer on "));
  EXPECT_THAT(report.out, HasSubstr("(engine: Approaches))"));
  EXPECT_THAT(report.out, HasSubstr("REVIEWER OVERRIDES\n  RDM-CCA-04  Meets, reviewed by A. Reviewer on "));
  const auto trail = run_cli({"override", std::to_string(id), "--db", m_db});
  EXPECT_THAT(
      trail.out,
      HasSubstr("RDM-CCA-04  Approaches -> Meets  by A. Reviewer: The annex table gives school data by ethnicity"));

  const fs::path csv = m_dir / "portfolio.csv";
  ASSERT_EQ(run_cli({"export", "--db", m_db, "--out", csv.string()}).exit_code, 0);
  const std::string matrix = test::read_bytes(csv);
  EXPECT_THAT(matrix, ::testing::StartsWith("assessment,document,kind,country,region,year,RDM-CCA-01,"));
  EXPECT_EQ(std::count(matrix.begin(), matrix.end(), '\n'), static_cast<long>(m_documents + 1));
  EXPECT_THAT(matrix, HasSubstr(",cca,Valdoria,Europe and Central Asia,2025,"));
  EXPECT_THAT(test::read_bytes(m_dir / "portfolio-findings.csv"),
              Not(HasSubstr("A. Reviewer")));  // raised to Meets: no finding

  const fs::path xlsx = m_dir / "portfolio.xlsx";
  const auto workbook = run_cli({"export", "--db", m_db, "--out", xlsx.string()});
  ASSERT_EQ(workbook.exit_code, 0) << workbook.err;
  EXPECT_THAT(workbook.out, HasSubstr("sheets Documents, Items, Findings, About"));
  EXPECT_THAT(zip_entries(xlsx),
              ::testing::IsSupersetOf({"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
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
  const auto r =
      run_cli({"batch", dir.path().string(), "--db", (dir / "u.db").string(), "--jobs", "1", "--min-words", "10"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("1 scored, 0 skipped, 1 failed"));
  EXPECT_THAT(r.out, HasSubstr("Failed:\n  " + (dir / "b.pdf").string() + ": the PDF is truncated"));
  // Progress is in the order documents are done: a.md's line waits for its group to be stored.
  EXPECT_THAT(r.err, HasSubstr("/2] FAILED " + (dir / "b.pdf").string()));
}

// A DOCX whose body is `body` (WordprocessingML inside <w:body>).
void write_docx(const fs::path& path, const std::string& body) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  const std::string document =
      "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
      "wordprocessingml/2006/main\"><w:body>" +
      body + "</w:body></w:document>";
  const std::string types =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
      "wordprocessingml.document.main+xml\"/></Types>";
  const std::vector<std::pair<std::string, const std::string*>> parts{{"[Content_Types].xml", &types},
                                                                      {"word/document.xml", &document}};
  for (const auto& [name, text] : parts) {
    zip_source_t* source = zip_source_buffer(archive, text->data(), text->size(), 0);
    ASSERT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
  }
  ASSERT_EQ(zip_close(archive), 0);  // reads the buffers: they must still be alive
}

std::string repeated(const std::string& part, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += part;
  return out;
}

// The files that crashed earlier readers or a whole batch: each is a failure with its reason,
// and every good document is stored once; a run again passes over them unless asked to retry.
TEST(BatchCommand, CrashClassFilesAreFailuresAndTheRestIsScored) {
  test::TempDir dir;
  const fs::path folder = dir / "portfolio";
  fs::create_directories(folder);
  std::size_t good = 0;
  for (const auto& f : fs::directory_iterator(test::source_file("samples"))) {
    if (!ingest::is_document_name(f.path())) continue;
    fs::copy_file(f.path(), folder / f.path().filename());
    ++good;
  }
  write_docx(folder / "nested-controls.docx", repeated("<w:sdt><w:sdtContent>", 20000) +
                                                  "<w:p><w:r><w:t>Roma</w:t></w:r></w:p>" +
                                                  repeated("</w:sdtContent></w:sdt>", 20000));
  write_docx(folder / "nested-runs.docx",
             "<w:p>" + repeated("<w:r>", 40000) + "<w:t>Roma</w:t>" + repeated("</w:r>", 40000) + "</w:p>");
  test::write_bytes(folder / "long-item.md", "- " + std::string(100000, 'x') + "\n");
  test::write_bytes(folder / "long-heading.md", "## " + std::string(60000, 'y') + "\n");
  fs::copy_file(test::fixture("ingest/truncated.pdf"), folder / "cut.pdf");
  const std::string db = (dir / "u.db").string();

  const auto r = run_cli({"batch", folder.string(), "--db", db, "--jobs", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr(std::to_string(good) + " scored, 0 skipped, 5 failed"));
  for (const char* name : {"long-item.md", "long-heading.md"}) {
    EXPECT_THAT(r.out, HasSubstr((folder / name).string() + ": only 1 word: too short to assess")) << name;
  }
  for (const char* name : {"nested-controls.docx", "nested-runs.docx"}) {
    EXPECT_THAT(r.out, HasSubstr((folder / name).string() + ": the document has no text")) << name;
  }
  EXPECT_THAT(r.out, HasSubstr((folder / "cut.pdf").string() + ": the PDF is truncated"));
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM assessments"), static_cast<int>(good));
  EXPECT_EQ(query(db, "SELECT COUNT(DISTINCT document_id) FROM assessments"), static_cast<int>(good));
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM batch_failures"), 5);

  const auto again = run_cli({"batch", folder.string(), "--db", db, "--jobs", "2"});
  EXPECT_THAT(again.out, HasSubstr("0 scored, " + std::to_string(good) + " skipped, 5 failed"));
  EXPECT_THAT(again.out,
              HasSubstr("cut.pdf: the PDF is truncated: it does not end with %%EOF (1438 bytes); download or export "
                        "it again (as in batch 1, not read again)"));
  EXPECT_THAT(again.out, HasSubstr("--retry-failed reads them"));
  const auto retried = run_cli({"batch", folder.string(), "--db", db, "--retry-failed"});
  EXPECT_THAT(retried.out, Not(HasSubstr("not read again")));
  EXPECT_EQ(run_cli({"db", "check", "--db", db}).exit_code, 0);
}

TEST(BatchCommand, ListsWhatItPassesOver) {
  test::TempDir dir;
  fs::copy_file(test::source_file("samples/cca-valdoria-2025.md"), dir / "cca.md");
  test::write_bytes(dir / "budget.xlsx", "PK");
  test::write_bytes(dir / "old.doc", "x");
  const auto r = run_cli({"batch", dir.path().string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              HasSubstr("Not scored: 2 files passed over:\n  " + (dir / "budget.xlsx").string() +
                        ": a spreadsheet, table or slides, not a document to score\n  " + (dir / "old.doc").string() +
                        ": not a format the readers take: save it as DOCX or PDF to score it\n"));
  fs::remove(dir / "cca.md");
  fs::remove(dir / "u.db");
  const auto none = run_cli({"batch", dir.path().string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(none.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(
      none.err,
      HasSubstr(": no documents to score (PDF, DOCX, ODT, HTML, Markdown or text files); 2 files passed over:"));
  EXPECT_THAT(run_cli({"batch", dir.path().string(), "--time-limit", "0"}).err,
              HasSubstr("--time-limit 0: use 0.1 to 86400 seconds"));
  EXPECT_THAT(run_cli({"batch", dir.path().string(), "--min-words", "-5"}).err,
              HasSubstr("--min-words -5: use 0 to 1000000"));
}

TEST(BatchCommand, BadManifestLeavesNoDatabase) {
  test::TempDir dir;
  fs::copy_file(test::fixture("items/RDM-CCA-01.meets.md"), dir / "a.md");
  test::write_bytes(dir / "m.csv", "file,kind\na.md,plan\n");
  const auto r =
      run_cli({"batch", dir.path().string(), "--db", (dir / "u.db").string(), "--manifest", (dir / "m.csv").string()});
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

// kill -9 at ten random moments of a batch (creating the database, reading, storing), then a run
// to the end: every document is stored once, nothing is half-written, and db check is clean.
TEST(BatchProcess, KilledTenTimesThenResumedStoresEveryDocumentOnce) {
  test::TempDir dir;
  constexpr int k_documents = 24;
  const fs::path folder = make_portfolio(dir / "portfolio", k_documents);
  const fs::path db = dir / "u.db";
  // How long a whole run takes here, so that the kills fall inside one.
  const auto started = std::chrono::steady_clock::now();
  {
    test::Program timing({"batch", folder.string(), "--db", (dir / "timing.db").string(), "--jobs", "2"},
                         dir / "timing.log");
    ASSERT_EQ(timing.wait(), 0) << test::read_bytes(dir / "timing.log");
  }
  const auto whole = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  std::mt19937 random(20261130);
  std::uniform_int_distribution<long> moment(0, whole.count());
  for (int kill = 0; kill < 10; ++kill) {
    test::Program batch({"batch", folder.string(), "--db", db.string(), "--jobs", "2"}, dir / "killed.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(moment(random)));
    batch.kill_hard();
  }
  if (fs::exists(db)) {
    const int before = query(db, "SELECT COUNT(*) FROM assessments");
    EXPECT_LE(before, k_documents);
    EXPECT_EQ(query(db, "SELECT COUNT(DISTINCT document_id) FROM assessments"), before);
    EXPECT_EQ(query(db, "SELECT COUNT(*) FROM item_results"), before * 43);  // no assessment half-written
    EXPECT_EQ(run_cli({"db", "check", "--db", db.string()}).exit_code, 0);
  }

  const auto resumed = run_cli({"batch", folder.string(), "--db", db.string(), "--jobs", "2"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM assessments"), k_documents);
  EXPECT_EQ(query(db, "SELECT COUNT(DISTINCT document_id) FROM assessments"), k_documents);
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM item_results"), k_documents * 43);
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM batch_failures"), 0);
  const auto check = run_cli({"db", "check", "--db", db.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_THAT(check.out, HasSubstr(": ok (schema version "));
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
