#include "cli/run.hpp"
#include "engine/core/compress.hpp"
#include "engine/ingest/serialise.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <nlohmann/json.hpp>

namespace unct {
namespace {

using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string k_sample = test::source_file("samples/cca-valdoria-2025.md").string();

TEST(ScoreCommand, ScoresTheSampleAndStoresIt) {
  test::TempDir dir;
  const auto r = run_cli({"score", k_sample, "--db", (dir / "u.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Common Country Analysis (from the title)"));
  EXPECT_THAT(r.out, HasSubstr("RDM-CCA-05"));
  EXPECT_THAT(r.out, HasSubstr("Saved as assessment 1 in"));
  EXPECT_TRUE(std::filesystem::exists(dir / "u.db"));
}

TEST(ScoreCommand, SameDocumentTwiceGivesTheSameJson) {
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  auto first = run_cli({"score", k_sample, "--db", db, "--format", "json"});
  auto second = run_cli({"score", k_sample, "--db", db, "--format", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto a = nlohmann::json::parse(first.out);
  auto b = nlohmann::json::parse(second.out);
  EXPECT_FALSE(a["created_at"].get<std::string>().empty());
  a.erase("created_at");
  b.erase("created_at");
  EXPECT_EQ(a, b);
  EXPECT_THAT(second.err, HasSubstr("saved as assessment 2"));
}

// The sample analysis as a Word draft, a signed PDF and a web page gets the same level for every
// item as its Markdown source.
TEST(ScoreCommand, SampleAsDocxPdfAndHtmlGetsTheSameLevelsAsItsMarkdown) {
  test::TempDir dir;
  auto levels = [&](const std::string& file) {
    const auto r =
        run_cli({"score", test::source_file(file).string(), "--db", (dir / "u.db").string(), "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    std::map<std::string, std::string> out;
    for (const auto& item : json["items"])
      out[item["id"]] = item["applicable"].get<bool>() ? item["level"].get<std::string>() : "n/a";
    return out;
  };
  const auto markdown = levels("samples/cca-valdoria-2025.md");
  EXPECT_EQ(markdown.size(), 43u);
  EXPECT_EQ(levels("samples/cca-valdoria-2025.html"), markdown);
  EXPECT_EQ(levels("samples/cca-valdoria-2025.docx"), markdown);
  EXPECT_EQ(levels("samples/cca-valdoria-2025.pdf"), markdown);
}

// A document scored before is taken from the database's text cache, not read again: a title
// changed in the cache shows in the next run. An entry by an older reader is read anew.
TEST(ScoreCommand, DocumentScoredBeforeComesFromTheTextCache) {
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  const std::string file = test::source_file("samples/cca-valdoria-2025.docx").string();
  auto title = [&] {
    const auto r = run_cli({"score", file, "--db", db, "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out)["document"]["title"].get<std::string>();
  };
  EXPECT_EQ(title(), "Republic of Valdoria: Common Country Analysis 2025");
  {
    // The cache keeps the document compressed; the entry is written back uncompressed, as entries
    // were kept before compression, which must still be read.
    SQLite::Database database(db, SQLite::OPEN_READWRITE);
    SQLite::Statement select(database, "SELECT content FROM document_text");
    ASSERT_TRUE(select.executeStep());
    const std::string stored(static_cast<const char*>(select.getColumn(0).getBlob()),
                             static_cast<std::size_t>(select.getColumn(0).getBytes()));
    ASSERT_TRUE(is_zstd_frame(stored));
    ingest::Document cached = ingest::deserialise(zstd_decompress(stored, std::size_t{1} << 30).value_or(""));
    std::size_t text_bytes = 0;
    for (const ingest::Block& block : cached.blocks) text_bytes += block.text.size();
    EXPECT_LT(stored.size(), text_bytes * 6 / 10) << "stored " << stored.size() << " bytes for " << text_bytes;
    auto renamed = [](std::string& text) {
      for (std::size_t at; (at = text.find("Republic of Valdoria")) != std::string::npos;) {
        text.replace(at, std::string("Republic of Valdoria").size(), "Cached Valdoria");
      }
    };
    renamed(cached.title);
    for (ingest::Block& block : cached.blocks) renamed(block.text);
    select.reset();
    SQLite::Statement update(database, "UPDATE document_text SET content = ?");
    update.bind(1, ingest::serialise(cached));
    update.exec();
  }
  EXPECT_EQ(title(), "Cached Valdoria: Common Country Analysis 2025");
  {
    SQLite::Database database(db, SQLite::OPEN_READWRITE);
    database.exec("UPDATE document_text SET reader_version = 0");
  }
  EXPECT_EQ(title(), "Republic of Valdoria: Common Country Analysis 2025");
  SQLite::Database database(db, SQLite::OPEN_READONLY);
  EXPECT_EQ(database.execAndGet("SELECT COUNT(*) FROM document_text WHERE reader_version = 0").getInt(), 0);
  EXPECT_EQ(database.execAndGet("SELECT COUNT(*) FROM document_text").getInt(), 1);
}

TEST(ScoreCommand, TitleAndCountryOptionsOverrideTheTitle) {
  test::TempDir dir;
  const auto detected = run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(detected.out)["document"]["country"], "Republic of Valdoria");
  const auto given = run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--format", "json", "--country",
                              "Valdoria", "--title", "Valdoria CCA, second draft"});
  ASSERT_EQ(given.exit_code, 0) << given.err;
  const auto json = nlohmann::json::parse(given.out);
  EXPECT_EQ(json["document"]["country"], "Valdoria");
  EXPECT_EQ(json["document"]["title"], "Valdoria CCA, second draft");
}

TEST(ScoreCommand, KindOptionOverridesDetection) {
  test::TempDir dir;
  const auto r = run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--kind", "cf", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["document"]["kind"], "cf");
  EXPECT_EQ(json["document"]["kind_source"], "given");
  EXPECT_EQ(json["overall"]["applicable"], 13);  // the Cooperation Framework items
  for (const auto& item : json["items"]) {
    const std::string id = item["id"];
    EXPECT_EQ(item["applicable"].get<bool>(), id.rfind("RDM-CF-", 0) == 0) << id;
  }
}

// The COVID-19 item of the CCA part applies from 2020: a 2019 analysis is not rated on it, however
// much it says about the pandemic, and the year comes from the title unless --year says otherwise.
TEST(ScoreCommand, CovidItemDoesNotApplyToAnalysesBefore2020) {
  test::TempDir dir;
  const std::string passage = test::fixture("items/RDM-CCA-15.meets.md").string();  // titled "... 2021"
  auto level_of = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"score", passage, "--db", (dir / "u.db").string(), "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    for (const auto& item : json["items"]) {
      if (item["id"] == "RDM-CCA-15") return item["applicable"].get<bool>() ? item["level"].get<std::string>() : "n/a";
    }
    return std::string("absent");
  };
  EXPECT_EQ(level_of({}), "meets");
  EXPECT_EQ(level_of({"--year", "2019"}), "n/a");
}

TEST(ScoreCommand, ExplainPrintsTheSignalTreeOfAnItem) {
  test::TempDir dir;
  const auto r = run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--explain", "RDM-CCA-04"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("RDM-CCA-04  Data gaps and rights-based data"));
  EXPECT_THAT(r.out, HasSubstr("[met] gap-stated (approaches)"));
  EXPECT_THAT(r.out, HasSubstr("[yes] mentions(data-gaps)"));
  EXPECT_THAT(r.out, HasSubstr("in 6. Data and statistics, line"));
  EXPECT_THAT(r.out, HasSubstr("[no] mentions(data-steps): no term of \"data-steps\" found"));
  EXPECT_THAT(r.out, Not(HasSubstr("RDM-CCA-01")));  // only the item asked for
  EXPECT_THAT(r.out, HasSubstr("Saved as assessment 1"));
}

TEST(ScoreCommand, ExplainUnknownItemIsBadInput) {
  test::TempDir dir;
  const auto r = run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--explain", "RDM-XX-99"});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("no item \"RDM-XX-99\""));
  EXPECT_FALSE(std::filesystem::exists(dir / "u.db"));
}

TEST(ScoreCommand, TimingsListEveryPhase) {
  test::TempDir dir;
  const auto r = run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--timings"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* phase : {"read", "normalise", "scan", "evaluate", "store", "total"}) {
    EXPECT_THAT(r.out, HasSubstr("\n  " + std::string(phase) + " ")) << phase;
  }
  EXPECT_THAT(r.out, HasSubstr("MB/s over "));
  EXPECT_THAT(r.out, HasSubstr(" bytes of normalised text"));  // not the file's size, markup and all
}

// Bad input: one clear message naming the file, exit code 2, and the database byte-identical.
class BadInput : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(run_cli({"score", k_sample, "--db", db()}).exit_code, 0);
    m_before = test::read_bytes(db());
  }
  std::string db() const { return (m_dir / "u.db").string(); }
  void expect_refused(const std::vector<std::string>& args, const std::string& message) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(test::read_bytes(db()), m_before) << "the database changed";
  }
  test::TempDir m_dir;
  std::string m_before;
};

TEST_F(BadInput, MalformedChecklist) {
  const std::string checklist = test::fixture("checklist/malformed.xml").string();
  expect_refused({"score", k_sample, "--db", db(), "--checklist", checklist},
                 "malformed.xml:4:37: opening and ending tag mismatch");
}

TEST_F(BadInput, MissingDocument) {
  expect_refused({"score", (m_dir / "draft.md").string(), "--db", db()}, "draft.md: no such file");
}

TEST_F(BadInput, EmptyDocument) {
  test::write_bytes(m_dir / "empty.md", "");
  expect_refused({"score", (m_dir / "empty.md").string(), "--db", db()}, "empty.md: the file is empty");
}

TEST_F(BadInput, BinaryDocument) {
  test::write_bytes(m_dir / "photo.txt", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
  expect_refused({"score", (m_dir / "photo.txt").string(), "--db", db()}, "photo.txt: binary data");
}

TEST_F(BadInput, UnknownOption) {
  expect_refused({"score", k_sample, "--db", db(), "--colour"}, "unrecognised option '--colour' (see --help)");
}

TEST_F(BadInput, UnknownKind) {
  expect_refused({"score", k_sample, "--db", db(), "--kind", "plan"}, "unknown --kind \"plan\"");
}

TEST(ScoreCommand, ZipBombIsRefusedWithExit2AndTheDatabaseUntouched) {
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  ASSERT_EQ(run_cli({"score", k_sample, "--db", db}).exit_code, 0);
  const std::string before = test::read_bytes(db);
  const auto r = run_cli({"score", test::fixture("ingest/bomb.docx").string(), "--db", db});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("bomb.docx: word/media/zeros.bin expands 1028 times"));
  EXPECT_EQ(test::read_bytes(db), before);
}

TEST(ScoreCommand, MaxSizeRefusesLargerDocuments) {
  test::TempDir dir;
  const auto r = run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--max-size", "0.001"});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("cca-valdoria-2025.md: file is 6 KiB, above the limit of 1 KiB"));
  EXPECT_FALSE(std::filesystem::exists(dir / "u.db"));
  EXPECT_EQ(run_cli({"score", k_sample, "--db", (dir / "u.db").string(), "--max-size", "0"}).exit_code,
            cli::k_exit_bad_input);
}

TEST(ScoreCommand, NewDatabaseIsNotCreatedOnBadInput) {
  test::TempDir dir;
  const auto r = run_cli({"score", (dir / "missing.md").string(), "--db", (dir / "new.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_FALSE(std::filesystem::exists(dir / "new.db"));
}

TEST(ScoreCommand, DatabaseThatIsNotADatabaseIsBadInput) {
  test::TempDir dir;
  test::write_bytes(dir / "notes.db", "not a database");
  const auto r = run_cli({"score", k_sample, "--db", (dir / "notes.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("notes.db: database error: file is not a database"));
  EXPECT_THAT(r.out, Not(HasSubstr("RDM-CCA-01")));
}

// PDF text comes from a module of the program's own (unct-pdf.so, which links poppler), opened
// when a PDF is first read. A unct-assess copied alone elsewhere reads every other format, and
// for a PDF says where it looked; nothing is stored.
TEST(ScoreCommand, WithoutThePdfModuleAPdfIsRefusedAndOtherFormatsAreRead) {
  if (std::filesystem::exists(UNCT_PDF_MODULE_INSTALLED)) GTEST_SKIP() << "unct-assess is installed on this machine";
  test::TempDir dir;
  const std::filesystem::path alone = dir / "bin/unct-assess";
  test::copy_to(UNCT_PROGRAM, alone);
  const std::string db = (dir / "u.db").string();
  auto r = test::run_program(alone, {"score", k_sample, "--db", db});
  ASSERT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  const std::string before = test::read_bytes(db);
  r = test::run_program(alone, {"score", test::source_file("samples/cca-tessaly-2023.pdf").string(), "--db", db});
  EXPECT_EQ(r.exit_code, cli::k_exit_internal_error);
  EXPECT_THAT(r.err, HasSubstr("reading PDF files needs unct-pdf.so, a part of unct-assess, which is not there: "
                               "looked for " +
                               (dir / "bin" / UNCT_PDF_MODULE_FROM_BINDIR).lexically_normal().string() + ", " +
                               (dir / "bin/unct-pdf.so").string() + " and "));
  EXPECT_THAT(r.err, Not(HasSubstr("internal error")));
  EXPECT_EQ(test::read_bytes(db), before);
}

// The layout `cmake --install` makes (bin/unct-assess, the module where the install puts it
// relative to bin/), copied elsewhere: a PDF is read.
TEST(ScoreCommand, FindsThePdfModuleWhereTheInstallPutsIt) {
  test::TempDir dir;
  const std::filesystem::path program = dir / "bin/unct-assess";
  const std::filesystem::path module = (dir / "bin" / UNCT_PDF_MODULE_FROM_BINDIR).lexically_normal();
  test::copy_to(UNCT_PROGRAM, program);
  test::copy_to(UNCT_PDF_MODULE_FILE, module);
  const auto r = test::run_program(
      program, {"score", test::source_file("samples/cca-tessaly-2023.pdf").string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Kingdom of Tessaly: Common Country Analysis 2023"));
}

TEST(Cli, HelpAndUsage) {
  EXPECT_EQ(run_cli({"--help"}).exit_code, 0);
  EXPECT_THAT(run_cli({"--help"}).out, HasSubstr("score"));
  const auto score_help = run_cli({"score", "--help"});
  EXPECT_EQ(score_help.exit_code, 0);
  EXPECT_THAT(score_help.out, HasSubstr("--checklist"));
  EXPECT_EQ(run_cli({}).exit_code, cli::k_exit_bad_input);
  const auto unknown = run_cli({"scroe"});
  EXPECT_EQ(unknown.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(unknown.err, HasSubstr("unknown command \"scroe\""));
}

}  // namespace
}  // namespace unct
