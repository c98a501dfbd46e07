#include "engine/store/store.hpp"

#include "engine/store/migrations.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace unct::store {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

Assessment sample_assessment() {
  const checklist::Checklist c = checklist::load_checklist(test::bundled_checklist());
  const ingest::Document d = ingest::read_document(test::source_file("samples/cca-valdoria-2025.md"));
  Assessment a = assess(c, rules::compile(c), d);
  a.created_at = "2026-11-23T10:00:00Z";
  return a;
}

void exec(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(handle);
  sqlite3_close(handle);
}

TEST(Store, CreatesTheLatestSchema) {
  test::TempDir dir;
  const Store store(dir / "a.db");
  EXPECT_EQ(store.schema_version(), latest_schema_version());
  EXPECT_TRUE(std::filesystem::exists(dir / "a.db"));
}

TEST(Store, SavedAssessmentLoadsBackEqual) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment a = sample_assessment();
  const std::int64_t id = store.save(a);
  EXPECT_EQ(store.load(id), a);
}

TEST(Store, StoresADocumentAndChecklistOnceAcrossRuns) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment a = sample_assessment();
  const std::int64_t first = store.save(a);
  const std::int64_t second = store.save(a);
  EXPECT_NE(first, second);
  EXPECT_EQ(store.load(second), a);
  exec(dir / "a.db", "CREATE TABLE counted AS SELECT (SELECT COUNT(*) FROM documents) AS d, "
                     "(SELECT COUNT(*) FROM checklists) AS c");
  sqlite3* handle = nullptr;
  sqlite3_open((dir / "a.db").string().c_str(), &handle);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle, "SELECT d, c FROM counted", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), 1);
  EXPECT_EQ(sqlite3_column_int(statement, 1), 1);
  sqlite3_finalize(statement);
  sqlite3_close(handle);
}

TEST(Store, ReopeningKeepsWhatWasStored) {
  test::TempDir dir;
  const Assessment a = sample_assessment();
  std::int64_t id = 0;
  {
    Store store(dir / "a.db");
    id = store.save(a);
  }
  const Store again(dir / "a.db");
  EXPECT_EQ(again.load(id), a);
}

TEST(Store, UnknownAssessmentIsAnInputError) {
  test::TempDir dir;
  const Store store(dir / "a.db");
  EXPECT_THAT([&] { store.load(42); }, ThrowsMessage<InputError>(HasSubstr("a.db: no assessment with id 42")));
}

TEST(Store, FileThatIsNotADatabaseIsRefusedUnchanged) {
  test::TempDir dir;
  test::write_bytes(dir / "notes.db", "these are my notes, not a database\n");
  EXPECT_THAT([&] { Store store(dir / "notes.db"); },
              ThrowsMessage<InputError>(HasSubstr("notes.db: database error: file is not a database")));
  EXPECT_EQ(test::read_bytes(dir / "notes.db"), "these are my notes, not a database\n");
}

TEST(Store, AnotherProgramsDatabaseIsRefused) {
  test::TempDir dir;
  exec(dir / "other.db", "CREATE TABLE customers (id INTEGER)");
  EXPECT_THAT([&] { Store store(dir / "other.db"); },
              ThrowsMessage<InputError>(HasSubstr("other.db: not an unct-assess database")));
}

// A database written by every earlier schema version opens, is upgraded, keeps what it held and
// takes new assessments.
TEST(Store, UpgradesEveryEarlierSchemaVersion) {
  for (const Migration& last : migrations().first(migrations().size() - 1)) {
    test::TempDir dir;
    std::string sql;
    for (const Migration& m : migrations()) {
      if (m.version > last.version) break;
      sql += std::string(m.sql) + "INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ", 'then');";
    }
    exec(dir / "a.db", sql);
    exec(dir / "a.db", "INSERT INTO documents (sha256, path, format, title, bytes, words, blocks, first_seen) "
                       "VALUES ('abc', 'old.md', 'markdown', 'Old', 1, 1, 1, 'then')");
    Store store(dir / "a.db");
    EXPECT_EQ(store.schema_version(), latest_schema_version()) << "from version " << last.version;
    const Assessment a = sample_assessment();
    EXPECT_EQ(store.load(store.save(a)), a);
  }
}

TEST(Store, NewerSchemaIsRefused) {
  test::TempDir dir;
  { Store store(dir / "a.db"); }
  exec(dir / "a.db", "INSERT INTO schema_migrations VALUES (99, 'future')");
  EXPECT_THAT([&] { Store store(dir / "a.db"); },
              ThrowsMessage<InputError>(HasSubstr("schema version 99 is newer than this unct-assess")));
}

}  // namespace
}  // namespace unct::store
