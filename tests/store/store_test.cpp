#include "engine/store/store.hpp"

#include "engine/store/migrations.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>

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
  EXPECT_EQ(store.database().schema_version(), latest_schema_version());
  EXPECT_TRUE(std::filesystem::exists(dir / "a.db"));
}

TEST(Store, SavedAssessmentLoadsBackEqual) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment a = sample_assessment();
  const std::int64_t id = store.assessments().save(a);
  EXPECT_EQ(store.assessments().load(id), a);
}

TEST(Store, StoresADocumentAndChecklistOnceAcrossRuns) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment a = sample_assessment();
  const std::int64_t first = store.assessments().save(a);
  const std::int64_t second = store.assessments().save(a);
  EXPECT_NE(first, second);
  EXPECT_EQ(store.assessments().load(second), a);
  exec(dir / "a.db",
       "CREATE TABLE counted AS SELECT (SELECT COUNT(*) FROM documents) AS d, "
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
    id = store.assessments().save(a);
  }
  const Store again(dir / "a.db");
  EXPECT_EQ(again.assessments().load(id), a);
}

// The concern stores point to the connection, which a move keeps in place.
// A statement kept by the connection is lent to one holder at a time, reset when the lease ends:
// a query left part-read neither holds its rows nor keeps its values for the next holder.
TEST(Store, APreparedStatementIsLentToOneHolderAtATime) {
  test::TempDir dir;
  const Store store(dir / "a.db");
  const std::string sql = "SELECT value FROM json_each(?)";
  {
    const Database::Prepared first = store.database().prepared(sql);
    first->bind(1, "[1, 2, 3]");
    ASSERT_TRUE(first->executeStep());
    EXPECT_EQ(first->getColumn(0).getInt(), 1);
    EXPECT_THROW((void)store.database().prepared(sql), std::logic_error);
  }
  const Database::Prepared again = store.database().prepared(sql);
  EXPECT_FALSE(again->executeStep()) << "the values bound by the last holder are cleared";
  again->reset();
  again->bind(1, "[7]");
  ASSERT_TRUE(again->executeStep());
  EXPECT_EQ(again->getColumn(0).getInt(), 7);
}

TEST(Store, WorksAfterAMove) {
  test::TempDir dir;
  Store first(dir / "a.db");
  Store store = std::move(first);
  const Assessment a = sample_assessment();
  const std::int64_t id = store.assessments().save(a);
  EXPECT_EQ(store.assessments().load(id), a);
  EXPECT_EQ(store.portfolio().documents().size(), 1u);
}

TEST(Store, UnknownAssessmentIsAnInputError) {
  test::TempDir dir;
  const Store store(dir / "a.db");
  EXPECT_THAT([&] { store.assessments().load(42); },
              ThrowsMessage<InputError>(HasSubstr("a.db: no assessment with id 42")));
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
    exec(dir / "a.db",
         "INSERT INTO documents (sha256, path, format, title, bytes, words, blocks, first_seen) "
         "VALUES ('abc', 'old.md', 'markdown', 'Old', 1, 1, 1, 'then')");
    Store store(dir / "a.db");
    EXPECT_EQ(store.database().schema_version(), latest_schema_version()) << "from version " << last.version;
    const Assessment a = sample_assessment();
    EXPECT_EQ(store.assessments().load(store.assessments().save(a)), a);
  }
}

// An assessment's rows go in with ids that grow, so an index that leads with its parent's id takes
// them at its end. One that leads with anything else (item_results' by item_id, before version 11)
// takes each row on another page, which cost a fifth of rescoring a portfolio.
TEST(Store, AssessmentRowsAreIndexedOnlyByWhatTheyBelongTo) {
  test::TempDir dir;
  const Store store(dir / "a.db");
  const std::map<std::string, std::string> parent{
      {"section_scores", "assessment_id"}, {"item_results", "assessment_id"}, {"criterion_results", "item_result_id"},
      {"evidence", "criterion_result_id"}, {"findings", "item_result_id"},    {"self_ratings", "assessment_id"}};
  for (const auto& [table, column] : parent) {
    SQLite::Statement indexes(store.database().sqlite(),
                              "SELECT l.name, i.name FROM pragma_index_list(?1) l "
                              "JOIN pragma_index_info(l.name) i ON i.seqno = 0");
    indexes.bind(1, table);
    int count = 0;
    for (; indexes.executeStep(); ++count)
      EXPECT_EQ(indexes.getColumn(1).getString(), column) << "index " << indexes.getColumn(0).getString();
    EXPECT_GT(count, 0) << table << " has no index";  // its rows are read by what they belong to
  }
}

// Version 10 rebuilds item_results (its level check without a temporary table per row): the
// rows that refer to its rows (criteria, evidence, findings) stay, and the check still holds.
TEST(Store, RebuildingItemResultsKeepsWhatReferToThem) {
  test::TempDir dir;
  std::string sql;
  for (const Migration& m : migrations()) {
    if (m.version >= 10) break;
    sql += std::string(m.sql) + "INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ", 'then');";
  }
  exec(dir / "a.db", sql +
                         "INSERT INTO documents VALUES (1, 'abc', 'old.md', 'markdown', 'Old', 1, 1, 1, 'then');"
                         "INSERT INTO checklists VALUES (1, 'rdm', '1', 'def', 'Checklist', 'ours', 'then');"
                         "INSERT INTO assessments (id, document_id, checklist_id, path, kind, kind_source, "
                         "engine_version, created_at, applicable, at_meets_or_above, points, max_points) "
                         "VALUES (7, 1, 1, 'old.md', 'cca', 'given', '1', 'then', 1, 0, 1, 3);"
                         "INSERT INTO item_results VALUES (40, 7, 0, 'RDM-CCA-01', 'Groups', 'analysis', 1, '', "
                         "'approaches', 1, 0);"
                         "INSERT INTO criterion_results VALUES (50, 40, 0, 'groups-named', 'Names groups', "
                         "'approaches', 1);"
                         "INSERT INTO evidence VALUES (60, 50, 0, 'Roma and Afro-descendants', '0-4', 'Context', 3, "
                         "12, 5);"
                         "INSERT INTO findings VALUES (70, 40, 'gap', 'data', 'Add disaggregated data.');"
                         // A row already pointing to nothing (deleted by hand, say) does not stop the upgrade.
                         "INSERT INTO criterion_results VALUES (51, 999, 0, 'lost', 'Lost', 'meets', 1);");
  {
    Store store(dir / "a.db");
    EXPECT_EQ(store.database().schema_version(), latest_schema_version());
    const Assessment old = store.assessments().load(7);
    ASSERT_EQ(old.items.size(), 1u);
    EXPECT_EQ(old.items[0].level, Level::approaches);
    EXPECT_EQ(old.items[0].gap, "Add disaggregated data.");
    ASSERT_EQ(old.items[0].criteria.size(), 1u);
    ASSERT_EQ(old.items[0].criteria[0].evidence.size(), 1u);
    EXPECT_EQ(old.items[0].criteria[0].evidence[0].quote, "Roma and Afro-descendants");
    const std::vector<std::string> problems = store.database().check();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_THAT(problems[0], HasSubstr("row 51 of criterion_results"));
    EXPECT_EQ(store.database().sqlite().execAndGet("PRAGMA foreign_keys").getInt(), 1);  // on again once migrated
  }
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "a.db").string().c_str(), &handle), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(handle,
                         "INSERT INTO item_results (assessment_id, position, item_id, title, section_id, applicable, "
                         "not_applicable_reason, level, weight) VALUES (7, 1, 'RDM-CCA-02', 't', 's', 1, '', "
                         "'excellent', 1)",
                         nullptr, nullptr, nullptr),
            SQLITE_CONSTRAINT);
  EXPECT_THAT(sqlite3_errmsg(handle), HasSubstr("CHECK constraint failed"));
  sqlite3_close(handle);
}

TEST(Store, NewerSchemaIsRefused) {
  test::TempDir dir;
  { Store store(dir / "a.db"); }
  exec(dir / "a.db", "INSERT INTO schema_migrations VALUES (99, 'future')");
  EXPECT_THAT([&] { Store store(dir / "a.db"); },
              ThrowsMessage<InputError>(HasSubstr("schema version 99 is newer than this unct-assess")));
}

TEST(Store, SaveUnlessAssessedStoresADocumentOncePerChecklist) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment a = sample_assessment();
  EXPECT_FALSE(store.assessments().assessed(a.document.sha256, a.checklist.sha256));
  const std::optional<std::int64_t> first = store.assessments().save_unless_assessed(a);
  ASSERT_TRUE(first);
  EXPECT_EQ(store.assessments().assessed(a.document.sha256, a.checklist.sha256), first);
  EXPECT_FALSE(store.assessments().save_unless_assessed(a));
  Assessment other_checklist = a;
  other_checklist.checklist.sha256 = std::string(64, 'e');
  EXPECT_TRUE(store.assessments().save_unless_assessed(other_checklist));
  EXPECT_EQ(store.assessments().history().size(), 2u);
}

TEST(Store, SaveAllStoresAGroupInOrderInOneTransaction) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment a = sample_assessment();
  Assessment b = a;
  b.document.sha256 = std::string(64, 'b');
  using ToSave = AssessmentStore::ToSave;
  // The second copy of `a` is left out: the first, stored earlier in the same transaction, counts.
  const std::vector<ToSave> group{{.assessment = &a, .unless_assessed = true},
                                  {.assessment = &b, .unless_assessed = true},
                                  {.assessment = &a, .unless_assessed = true},
                                  {.assessment = &a}};
  const std::vector<std::optional<std::int64_t>> ids = store.assessments().save_all(group);
  ASSERT_EQ(ids.size(), 4u);
  ASSERT_TRUE(ids[0] && ids[1] && ids[3]);
  EXPECT_FALSE(ids[2]);
  EXPECT_LT(*ids[0], *ids[1]);
  EXPECT_LT(*ids[1], *ids[3]);
  EXPECT_EQ(store.assessments().load(*ids[0]), a);
  EXPECT_EQ(store.assessments().load(*ids[1]), b);
  EXPECT_EQ(store.assessments().history().size(), 3u);
}

TEST(Store, SaveAllStoresNothingWhenOneOfTheGroupFails) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment a = sample_assessment();
  Assessment twice = a;  // an item twice breaks item_results' UNIQUE (assessment_id, item_id)
  twice.document.sha256 = std::string(64, 'b');
  twice.items.push_back(twice.items.front());
  using ToSave = AssessmentStore::ToSave;
  const std::vector<ToSave> group{{.assessment = &a}, {.assessment = &twice}};
  EXPECT_THAT([&] { store.assessments().save_all(group); },
              ThrowsMessage<InputError>(HasSubstr("UNIQUE constraint failed")));
  EXPECT_TRUE(store.assessments().history().empty());
  EXPECT_FALSE(store.assessments().assessed(a.document.sha256, a.checklist.sha256));
}

TEST(Store, OverrideKeepsTheTrailAndRescores) {
  test::TempDir dir;
  Store store(dir / "a.db");
  const Assessment engine = sample_assessment();
  const std::int64_t id = store.assessments().save(engine);
  ASSERT_EQ(engine.items[3].item_id, "RDM-CCA-04");
  ASSERT_EQ(engine.items[3].level, Level::approaches);

  const OverrideRow first = store.reviews().override_level(id, "RDM-CCA-04", Level::meets, "Annex 2 gives the gaps",
                                                           "A. Reviewer", "2026-11-23T10:00:00Z");
  EXPECT_EQ(first.previous, Level::approaches);
  const OverrideRow second = store.reviews().override_level(id, "RDM-CCA-04", Level::exceeds, "and a plan",
                                                            "B. Reviewer", "2026-11-24T10:00:00Z");
  EXPECT_EQ(second.previous, Level::meets);  // the level it replaced, not the engine's

  const Assessment reviewed = store.assessments().load(id);
  const rules::ItemResult& item = reviewed.items[3];
  EXPECT_EQ(item.level, Level::exceeds);
  ASSERT_TRUE(item.review);
  EXPECT_EQ(*item.review, (rules::Review{.engine_level = Level::approaches,
                                         .reviewer = "B. Reviewer",
                                         .note = "and a plan",
                                         .at = "2026-11-24T10:00:00Z"}));
  EXPECT_EQ(item.criteria, engine.items[3].criteria);  // the engine's evidence stays
  EXPECT_EQ(reviewed.overall.at_meets_or_above, engine.overall.at_meets_or_above + 1);
  EXPECT_EQ(reviewed.overall.points, engine.overall.points + 2);
  EXPECT_EQ(store.assessments().history().front().at_meets_or_above,
            engine.overall.at_meets_or_above + 1);  // stored scores follow
  EXPECT_EQ(store.reviews().overrides(id).size(), 2u);
  for (const GapRow& g : store.portfolio().gaps()) {
    if (g.item_id == "RDM-CCA-04") {
      EXPECT_EQ(g.below_meets, 0u);  // gaps count the reviewed level
    }
  }

  EXPECT_THAT([&] { store.reviews().override_level(id, "RDM-UNCT-01", Level::meets, "x", "", "t"); },
              ThrowsMessage<InputError>(HasSubstr("item RDM-UNCT-01: assessment 1 does not rate this item")));
  EXPECT_THAT([&] { store.reviews().override_level(id, "RDM-NONE", Level::meets, "x", "", "t"); },
              ThrowsMessage<InputError>(HasSubstr("item RDM-NONE: assessment 1 has no such item")));
  EXPECT_THAT([&] { store.reviews().override_level(7, "RDM-CCA-04", Level::meets, "x", "", "t"); },
              ThrowsMessage<InputError>(HasSubstr("no assessment with id 7")));
  EXPECT_EQ(store.reviews().overrides(id).size(), 2u);  // the refused ones wrote nothing
}

// What a rescore reads of an earlier assessment: the document as given, the engine's level of
// every item (not a reviewer's), and the team's ratings.
TEST(Store, LevelsAreTheEnginesWithTheDocumentAndTheTeamsRatings) {
  test::TempDir dir;
  Store store(dir / "a.db");
  Assessment a = sample_assessment();
  a.document.country = "Valdoria";
  a.self.push_back({.item_id = "RDM-UNCT-01", .level = Level::meets, .justification = "a focal point", .line = 2});
  const std::int64_t id = store.assessments().save(a);
  store.reviews().override_level(id, "RDM-CCA-04", Level::exceeds, "a plan", "A. Reviewer", "2026-11-24T10:00:00Z");

  const AssessmentStore::Levels levels = store.assessments().levels(id);
  EXPECT_EQ(levels.document, a.document);
  ASSERT_EQ(levels.items.size(), a.items.size());
  for (const rules::ItemResult& item : a.items) {
    const auto stored = std::find_if(levels.items.begin(), levels.items.end(),
                                     [&](const AssessmentStore::ItemLevel& l) { return l.item_id == item.item_id; });
    ASSERT_NE(stored, levels.items.end()) << item.item_id;
    EXPECT_EQ(stored->applicable, item.applicable) << item.item_id;
    EXPECT_EQ(stored->level, item.level) << item.item_id;  // RDM-CCA-04 too: approaches, as the engine rated it
  }
  EXPECT_EQ(levels.self, a.self);
  EXPECT_THAT([&] { store.assessments().levels(id + 1); },
              ThrowsMessage<InputError>(HasSubstr("no assessment with id 2")));
}

// A connection that commits much can leave copying the write-ahead log into the database file to
// another (a batch's watch thread), so that it never waits for the disk at a checkpoint.
TEST(Store, CheckpointsCanBeLeftToAnotherConnection) {
  test::TempDir dir;
  const std::filesystem::path path = dir / "a.db";
  Store writer(path);
  writer.database().set_automatic_checkpoint_pages(0);
  const auto file_before = std::filesystem::file_size(path);
  // A text the cache keeps at several MB, past SQLite's automatic checkpoint (1,000 pages).
  const store::CachedText cached = test::cached_text_past(writer.database(), 1000);
  ASSERT_GT(cached.bytes.size(), 1000U * test::page_size(writer.database()));
  writer.assessments().save(sample_assessment(), &cached);
  EXPECT_EQ(std::filesystem::file_size(path), file_before) << "the commit copied the log into the file";

  Store beside(path);
  beside.database().checkpoint();
  EXPECT_GT(std::filesystem::file_size(path), file_before + cached.bytes.size());
  EXPECT_TRUE(writer.documents().cached(sample_assessment().document.sha256));
}

// A new database has pages of 8 KB; one made with SQLite's 4 KB pages keeps them and is used as
// it is.
TEST(Store, ANewDatabaseHasPagesOf8KBAndAnOlderOneKeepsItsOwn) {
  test::TempDir dir;
  EXPECT_EQ(test::page_size(Store(dir / "new.db").database()), 8192U);
  {
    // As the program made them before: its tables, in 4 KB pages.
    { const Store made(dir / "old.db"); }
    SQLite::Database older((dir / "old.db").string(), SQLite::OPEN_READWRITE);
    older.exec("PRAGMA journal_mode = DELETE");
    older.exec("PRAGMA page_size = 4096");
    older.exec("VACUUM");
  }
  Store older(dir / "old.db");
  EXPECT_EQ(test::page_size(older.database()), 4096U);
  const std::int64_t id = older.assessments().save(sample_assessment());
  EXPECT_EQ(older.assessments().load(id).items.size(), sample_assessment().items.size());
}

// A connection that only adds assessments may skip checking, row by row, that what a row refers
// to exists; the switch changes that connection alone.
TEST(Store, ForeignKeyChecksCanBeLeftOffForAConnection) {
  test::TempDir dir;
  Store unchecked(dir / "a.db");
  const Store checked(dir / "a.db");
  const auto keys_on = [](const Store& s) { return test::checks_foreign_keys(s.database()) ? 1 : 0; };
  // A finding of an item result that does not exist (each id once: a finding's item is unique).
  const auto dangling = [](int item_result) {
    return "INSERT INTO findings (item_result_id, kind, unmet, text) VALUES (" + std::to_string(item_result) +
           ", 'gap', '', 'x')";
  };
  EXPECT_EQ(keys_on(unchecked), 1);
  EXPECT_THAT([&] { unchecked.database().sqlite().exec(dangling(997)); },
              ThrowsMessage<SQLite::Exception>(HasSubstr("FOREIGN KEY constraint failed")));

  unchecked.database().set_foreign_key_checks(false);
  EXPECT_EQ(keys_on(unchecked), 0);
  EXPECT_EQ(keys_on(checked), 1);
  const std::int64_t id = unchecked.assessments().save(sample_assessment());
  EXPECT_EQ(unchecked.assessments().load(id).items.size(), sample_assessment().items.size());
  EXPECT_TRUE(unchecked.database().check().empty());  // what the store wrote refers to what exists
  EXPECT_NO_THROW(unchecked.database().sqlite().exec(dangling(998)));
  EXPECT_FALSE(unchecked.database().check().empty());

  unchecked.database().set_foreign_key_checks(true);
  EXPECT_EQ(keys_on(unchecked), 1);
  EXPECT_THAT([&] { unchecked.database().sqlite().exec(dangling(999)); },
              ThrowsMessage<SQLite::Exception>(HasSubstr("FOREIGN KEY constraint failed")));
}

TEST(Store, FindsAssessmentsByDraftLabelFileNameOrTitle) {
  test::TempDir dir;
  Store store(dir / "a.db");
  Assessment a = sample_assessment();
  a.document.draft = "Draft 1";
  a.document.path = "drafts/cca-v1.md";
  const std::int64_t id = store.assessments().save(a);
  EXPECT_EQ(store.assessments().find("draft 1").size(), 1u);
  EXPECT_EQ(store.assessments().find("cca-v1.md").front().id, id);
  EXPECT_EQ(store.assessments().find("drafts/cca-v1.md").front().draft, "Draft 1");
  EXPECT_EQ(store.assessments().find("Republic of Valdoria: Common Country Analysis 2025").size(), 1u);
  EXPECT_TRUE(store.assessments().find("v1.md").empty());
}

TEST(Store, GapsFilterByRegion) {
  test::TempDir dir;
  Store store(dir / "a.db");
  Assessment a = sample_assessment();
  a.document.region = "Europe and Central Asia";
  store.assessments().save(a);
  EXPECT_FALSE(store.portfolio().gaps({.region = "Europe and Central Asia"}).empty());
  EXPECT_TRUE(store.portfolio().gaps({.region = "Africa"}).empty());
  EXPECT_EQ(store.portfolio().documents({.region = "Europe and Central Asia"}).front().region,
            "Europe and Central Asia");
}

// `latest` gives what `documents` gives, ids alone: the newest assessment of each document the
// filter keeps, ordered by document label.
TEST(Store, LatestIsTheIdsOfThePortfolioRows) {
  test::TempDir dir;
  Store store(dir / "a.db");
  Assessment a = sample_assessment();
  Assessment b = a;
  b.document.sha256 = std::string(64, 'b');
  b.document.title = "Another country's CCA";  // labelled before a
  b.document.region = "Africa";
  store.assessments().save(a);
  const std::int64_t newer_a = store.assessments().save(a);
  const std::int64_t only_b = store.assessments().save(b);
  for (const GapFilter& filter : {GapFilter{}, GapFilter{.region = "Africa"}, GapFilter{.country = "Valdoria"}}) {
    std::vector<std::int64_t> ids;
    for (const PortfolioRow& row : store.portfolio().documents(filter)) ids.push_back(row.assessment_id);
    EXPECT_EQ(store.portfolio().latest(filter), ids);
  }
  EXPECT_EQ(store.portfolio().latest(), (std::vector<std::int64_t>{only_b, newer_a}));
}

}  // namespace
}  // namespace unct::store
