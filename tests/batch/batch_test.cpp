#include "engine/batch/batch.hpp"

#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "tests/support/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::batch {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

// A folder of three passages, a truncated PDF and a file that is not a document.
class Folder : public ::testing::Test {
protected:
  void SetUp() override {
    for (const char* name : {"RDM-CCA-01.meets.md", "RDM-CCA-02.meets.md", "RDM-CCA-03.meets.md"}) {
      fs::copy_file(test::fixture(std::string("items/") + name), m_dir / name);
    }
    fs::copy_file(test::fixture("ingest/truncated.pdf"), m_dir / "broken.pdf");
    test::write_bytes(m_dir / "notes.csv", "not,a,document\n");
  }
  std::vector<std::string> names(const std::vector<Entry>& entries) const {
    std::vector<std::string> out;
    for (const Entry& e : entries) out.push_back(fs::relative(e.path, m_dir.path()).string());
    return out;
  }
  test::TempDir m_dir;
};

TEST_F(Folder, TakesTheDocumentsSortedAndSubfoldersOnlyWhenRecursive) {
  fs::create_directory(m_dir / "2024");
  test::write_bytes(m_dir / "2024" / "cf.txt", "Cooperation Framework\n");
  EXPECT_THAT(names(entries_in_directory(m_dir.path(), false).entries),
              ElementsAre("RDM-CCA-01.meets.md", "RDM-CCA-02.meets.md", "RDM-CCA-03.meets.md", "broken.pdf"));
  EXPECT_EQ(entries_in_directory(m_dir.path(), true).entries.size(), 5u);
  EXPECT_THAT([&] { entries_in_directory(m_dir / "none", false); },
              ThrowsMessage<InputError>(HasSubstr("none: not a folder")));
}

// What is not taken is listed with the reason, so a reviewer knows the .doc was not scored.
TEST_F(Folder, ListsTheFilesPassedOverAndWhy) {
  test::write_bytes(m_dir / "old.doc", "x");
  test::write_bytes(m_dir / "~$draft.docx", "x");
  test::write_bytes(m_dir / ".DS_Store", "x");
  const Listing listing = entries_in_directory(m_dir.path(), false);
  ASSERT_EQ(listing.passed_over.size(), 3u);
  EXPECT_EQ(listing.passed_over[0],
            (Passed{m_dir / "notes.csv", "a spreadsheet, table or slides, not a document to score"}));
  EXPECT_EQ(listing.passed_over[1],
            (Passed{m_dir / "old.doc", "not a format the readers take: save it as DOCX or PDF to score it"}));
  EXPECT_EQ(listing.passed_over[2],
            (Passed{m_dir / "~$draft.docx", "an Office lock file, left while the document is open"}));
}

// A link to a document inside the folder is taken; a link out of it (to a system file named like
// a document) is not read.
TEST_F(Folder, LinksOutOfTheFolderAreNotFollowed) {
  const test::TempDir elsewhere;
  test::write_bytes(elsewhere / "secret.txt", "Not for the portfolio.\n");
  fs::create_symlink(elsewhere / "secret.txt", m_dir / "notes.txt");
  fs::create_symlink(m_dir / "RDM-CCA-01.meets.md", m_dir / "again.md");
  std::vector<std::string> files;  // by name: fs::relative would resolve the links
  for (const Entry& e : entries_in_directory(m_dir.path(), false).entries) files.push_back(e.path.filename().string());
  EXPECT_THAT(files, ElementsAre("RDM-CCA-01.meets.md", "RDM-CCA-02.meets.md", "RDM-CCA-03.meets.md", "again.md",
                                 "broken.pdf"));
}

TEST_F(Folder, ListFileNamesDocumentsRelativeToItself) {
  test::write_bytes(m_dir / "list.txt", "# the CCAs\nRDM-CCA-01.meets.md\n\n  RDM-CCA-02.meets.md  \r\n");
  EXPECT_THAT(names(entries_in_list(m_dir / "list.txt")), ElementsAre("RDM-CCA-01.meets.md", "RDM-CCA-02.meets.md"));
  test::write_bytes(m_dir / "bad.txt", "RDM-CCA-01.meets.md\nmissing.pdf\n");
  EXPECT_THAT([&] { entries_in_list(m_dir / "bad.txt"); },
              ThrowsMessage<InputError>(HasSubstr("bad.txt:2: no such file: ")));
  test::write_bytes(m_dir / "twice.txt", "RDM-CCA-01.meets.md\n./RDM-CCA-01.meets.md\n");
  EXPECT_THAT([&] { entries_in_list(m_dir / "twice.txt"); }, ThrowsMessage<InputError>(HasSubstr("twice.txt:2: ")));
}

TEST_F(Folder, ManifestSetsWhatEachDocumentIs) {
  std::vector<Entry> entries = entries_in_directory(m_dir.path(), false).entries;
  test::write_bytes(m_dir / "manifest.csv",
                    "file,country,region,kind,language,year,draft\n"
                    "RDM-CCA-01.meets.md,Valdoria,Europe,CF,fr,2024,draft 2\n"
                    "broken.pdf,,,,,,\n");
  apply_manifest(entries, read_csv(m_dir / "manifest.csv"));
  EXPECT_EQ(entries[0].kind, DocumentKind::cf);
  EXPECT_EQ(entries[0].language, "fr");
  EXPECT_EQ(entries[0].year, 2024);
  EXPECT_EQ(entries[0].country, "Valdoria");
  EXPECT_EQ(entries[0].region, "Europe");
  EXPECT_EQ(entries[0].draft, "draft 2");
  EXPECT_EQ(entries[3], (Entry{.path = entries[3].path}));  // empty fields leave detection to the engine
  EXPECT_EQ(entries[1], (Entry{.path = entries[1].path}));  // not in the manifest
}

TEST_F(Folder, ManifestErrorsNameTheLine) {
  const std::vector<Entry> entries = entries_in_directory(m_dir.path(), false).entries;
  auto apply = [&](const std::string& csv) {
    test::write_bytes(m_dir / "m.csv", csv);
    std::vector<Entry> copy = entries;
    apply_manifest(copy, read_csv(m_dir / "m.csv"));
  };
  EXPECT_THAT([&] { apply("file,kind\nRDM-CCA-01.meets.md,cca\nRDM-CCA-02.meets.md,report\n"); },
              ThrowsMessage<InputError>(HasSubstr("m.csv:3: unknown kind \"report\": use cca, cf or serp")));
  EXPECT_THAT([&] { apply("file,year\nRDM-CCA-01.meets.md,20x4\n"); },
              ThrowsMessage<InputError>(HasSubstr("m.csv:2: \"20x4\" is not a year")));
  EXPECT_THAT([&] { apply("file,country\nother.pdf,X\n"); },
              ThrowsMessage<InputError>(HasSubstr("m.csv:2: \"other.pdf\" is not one of the documents of this batch")));
  EXPECT_THAT([&] { apply("file,country\nbroken.pdf,X\nbroken.pdf,Y\n"); },
              ThrowsMessage<InputError>(HasSubstr("m.csv:3: \"broken.pdf\" is already described on line 2")));
  EXPECT_THAT([&] { apply("file,colour\nbroken.pdf,X\n"); },
              ThrowsMessage<InputError>(HasSubstr("m.csv:1: unknown column \"colour\"")));
  EXPECT_THAT([&] { apply("country\nX\n"); }, ThrowsMessage<InputError>(HasSubstr("m.csv:1: no \"file\" column")));
}

class Run : public Folder {
protected:
  Summary run_batch(unsigned jobs, bool force = false, bool retry_failed = false, std::size_t min_words = 1) {
    const std::vector<Entry> entries = entries_in_directory(m_dir.path(), false).entries;
    std::size_t calls = 0;
    Summary s = run(m_checklist, m_compiled, entries,
                    {.jobs = jobs,
                     .force = force,
                     .retry_failed = retry_failed,
                     .min_words = min_words,
                     .database = m_dir / "u.db",
                     .source = m_dir.path().string()},
                    [&](const Progress& p, const Outcome&) {
                      ++calls;
                      EXPECT_EQ(p.done, calls);
                      EXPECT_EQ(p.total, entries.size());
                    });
    EXPECT_EQ(calls, entries.size());
    return s;
  }
  int count(const std::string& sql) {
    SQLite::Database db((m_dir / "u.db").string());
    return db.execAndGet(sql).getInt();
  }
  checklist::Checklist m_checklist = checklist::load_checklist(test::bundled_checklist());
  rules::CompiledChecklist m_compiled = rules::compile(m_checklist);
};

TEST_F(Run, ScoresEachDocumentAndRecordsTheFailureWithoutStopping) {
  const Summary s = run_batch(1);
  EXPECT_EQ(s.counts, (BatchCounts{.scored = 3, .skipped = 0, .failed = 1}));
  ASSERT_EQ(s.outcomes.size(), 4u);
  EXPECT_EQ(s.outcomes[3].status, Outcome::Status::failed);
  EXPECT_THAT(s.outcomes[3].error, HasSubstr("broken.pdf: the PDF is truncated"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM assessments"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM batch_failures WHERE path LIKE '%broken.pdf' AND error LIKE '%truncated%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM batches WHERE finished_at <> '' AND scored = 3 AND failed = 1"), 1);
}

TEST_F(Run, SecondRunSkipsWhatIsStoredUnlessForced) {
  run_batch(1);
  const Summary again = run_batch(2);
  EXPECT_EQ(again.counts, (BatchCounts{.scored = 0, .skipped = 3, .failed = 1}));
  EXPECT_EQ(again.outcomes[0].assessment_id, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM assessments"), 3);
  const Summary forced = run_batch(2, true);
  EXPECT_EQ(forced.counts, (BatchCounts{.scored = 3, .skipped = 0, .failed = 1}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM assessments"), 6);
}

// A document that failed is not read again by the next run, which reports it failed as before;
// asked to retry, the run reads it again (and scores it, once it has been mended).
TEST_F(Run, FailuresArePassedOverUntilRetried) {
  run_batch(1);
  const Summary again = run_batch(1);
  EXPECT_EQ(again.counts, (BatchCounts{.scored = 0, .skipped = 3, .failed = 1}));
  EXPECT_EQ(again.outcomes[3].failed_in_batch, 1);
  EXPECT_THAT(again.outcomes[3].error, HasSubstr("broken.pdf: the PDF is truncated"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM batch_failures WHERE batch_id = 2"), 1);  // each run lists its failures
  const Summary retried = run_batch(1, false, true);
  EXPECT_EQ(retried.outcomes[3].failed_in_batch, 0);
  EXPECT_THAT(retried.outcomes[3].error, HasSubstr("broken.pdf: the PDF is truncated"));
  // A mended file has another SHA-256: it is read without being asked.
  fs::copy_file(test::source_file("samples/cca-tessaly-2023.pdf"), m_dir / "broken.pdf",
                fs::copy_options::overwrite_existing);
  EXPECT_EQ(run_batch(1).outcomes[3].status, Outcome::Status::scored);
}

// A failure the same bytes met under another name says so, naming both.
TEST_F(Run, AFailedFileUnderAnotherNameIsNamedAsTheSame) {
  run_batch(1);
  fs::rename(m_dir / "broken.pdf", m_dir / "renamed.pdf");
  const Summary again = run_batch(1);
  EXPECT_EQ(again.outcomes[3].failed_in_batch, 1);
  EXPECT_THAT(again.outcomes[3].error,
              HasSubstr("renamed.pdf: the same file as " + (m_dir / "broken.pdf").string() +
                        ", which failed: " + (m_dir / "broken.pdf").string() + ": the PDF is truncated"));
}

TEST_F(Folder, RecursiveListingSkipsHiddenFolders) {
  fs::create_directories(m_dir / ".git" / "objects");
  test::write_bytes(m_dir / ".git" / "objects" / "notes.md", "# Not a document\n");
  const Listing listing = entries_in_directory(m_dir.path(), true);
  EXPECT_EQ(listing.entries.size(), 4u);
  EXPECT_EQ(listing.passed_over.size(), 1u);  // notes.csv; nothing under .git
}

TEST_F(Run, DocumentsTooShortToAssessFail) {
  test::write_bytes(m_dir / "RDM-CCA-02.meets.md", "Draft notes.\n");
  const Summary s = run_batch(1, false, false, 30);
  EXPECT_EQ(s.outcomes[0].status, Outcome::Status::scored);
  EXPECT_EQ(s.outcomes[1].status, Outcome::Status::failed);
  EXPECT_THAT(s.outcomes[1].error, HasSubstr("RDM-CCA-02.meets.md: only 2 words: too short to assess"));
}

TEST_F(Run, ParallelJobsStoreTheSameAsOne) {
  const Summary parallel = run_batch(3);
  EXPECT_EQ(parallel.counts, (BatchCounts{.scored = 3, .skipped = 0, .failed = 1}));
  EXPECT_EQ(count("SELECT COUNT(DISTINCT document_id) FROM assessments"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM item_results"), 3 * 43);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(parallel.outcomes[i].status, Outcome::Status::scored) << i;
}

}  // namespace
}  // namespace unct::batch
