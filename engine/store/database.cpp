#include "engine/store/database.hpp"

#include "engine/core/error.hpp"
#include "engine/store/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <utility>

namespace unct::store {
namespace {

constexpr int k_wal_retry_ms = 20;
constexpr int k_page_size = 8192;  // of a new database's file

// Before SQLite's first use in the process (this runs as the program starts): no count of the
// memory SQLite holds (nothing here asks for it), which would take a process-wide lock at each
// of its allocations.
[[maybe_unused]] const int k_no_memory_count = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

}  // namespace

int latest_schema_version() { return migrations().back().version; }

Level stored_level(const std::string& code) { return parse_level(code).value_or(Level::missing); }

struct Database::Impl {
  std::filesystem::path path;
  mutable SQLite::Database db;  // SQLiteCpp queries are non-const even when they only read
  struct Kept {
    std::unique_ptr<SQLite::Statement> statement;
    bool lent = false;
  };
  // Declared after `db`, so destroyed before it: a statement must be finalised before its
  // connection closes.
  mutable std::unordered_map<std::string, Kept> prepared;
  // This connection's automatic checkpoint, as SQLite was built to start it (read when opened)
  // or as last set.
  mutable int checkpoint_pages = 0;

  explicit Impl(const std::filesystem::path& p)
      : path(p),
        db(p.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms) {}

  InputError error(const std::string& message) const { return InputError({.file = path}, message); }

  int version() const {
    if (!db.tableExists("schema_migrations")) return 0;
    return db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
  }

  void open() {
    // Checked before anything is set: another program's database is refused untouched (switching
    // it to WAL would change the file).
    const int current = version();
    if (current == 0 && db.execAndGet("SELECT COUNT(*) FROM sqlite_master").getInt() > 0) {
      throw error("not an unct-assess database: it holds other tables and no schema_migrations");
    }
    if (current > latest_schema_version()) {
      throw error("database schema version " + std::to_string(current) + " is newer than this unct-assess (" +
                  std::to_string(latest_schema_version()) + "); use a newer unct-assess");
    }
    // A new database gets pages of 8 KB rather than SQLite's 4 KB: an assessment's rows and its
    // document's compressed text (some 20 KB) take fewer pages and fewer B-tree levels, and a
    // rescore ran some 3% faster. A page size is set before the first table, once for the file.
    if (current == 0) db.exec("PRAGMA page_size = " + std::to_string(k_page_size));
    // Switching a new database to WAL needs it to itself: when another process is migrating the
    // same new file, SQLite answers "busy" at once instead of waiting, so wait here.
    bool wal = false;
    for (int waited_ms = 0;; waited_ms += k_wal_retry_ms) {
      try {
        wal = db.execAndGet("PRAGMA journal_mode = WAL").getString() == "wal";
        break;
      } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_BUSY || waited_ms >= k_busy_timeout_ms) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(k_wal_retry_ms));
      }
    }
    // A commit writes the log without waiting for the disk: with WAL the database stays whole
    // after any crash, and a commit survives the program being killed; only a power cut may lose
    // the last commits, which a batch run again scores anew. Waiting for the disk at every
    // document's commit would make the disk, not the rating, set a batch's pace. Without WAL (a
    // file system that cannot share memory) commits keep waiting for the disk.
    if (wal) db.exec("PRAGMA synchronous = NORMAL");
    // Migrations run with foreign keys off, as SQLite's procedure for rebuilding a table asks:
    // dropping the old table would otherwise delete every row that refers to it.
    db.exec("PRAGMA foreign_keys = OFF");
    for (const Migration& migration : migrations()) {
      if (migration.version <= current) continue;
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      if (version() >= migration.version) continue;  // another process migrated meanwhile
      auto dangling = [&](const char* table) {
        return db.execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check('" + std::string(table) + "')").getInt64();
      };
      std::vector<std::int64_t> before;
      for (const char* table : migration.referring) before.push_back(dangling(table));
      db.exec(migration.sql);
      for (std::size_t t = 0; t < migration.referring.size(); ++t) {
        if (dangling(migration.referring[t]) > before[t]) {
          throw error("schema migration " + std::to_string(migration.version) + " would leave rows of " +
                      migration.referring[t] + " pointing to missing rows; the database was left as it was");
        }
      }
      SQLite::Statement record(db,
                               "INSERT INTO schema_migrations (version, applied_at) VALUES (?, "
                               "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      record.bind(1, migration.version);
      record.exec();
      transaction.commit();
    }
    db.exec("PRAGMA foreign_keys = ON");
    checkpoint_pages = db.execAndGet("PRAGMA wal_autocheckpoint").getInt();
  }
};

void Database::rethrow_naming(const std::filesystem::path& path) {
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    throw InputError({.file = path}, std::string("database error: ") + e.what());
  }
}

Database::Database(const std::filesystem::path& path) {
  try {
    m_impl = std::make_unique<Impl>(path);
    m_impl->open();
  } catch (...) {
    rethrow_naming(path);
  }
}

Database::~Database() = default;

const std::filesystem::path& Database::path() const { return m_impl->path; }

SQLite::Database& Database::sqlite() const { return m_impl->db; }

int Database::automatic_checkpoint_pages() const { return m_impl->checkpoint_pages; }

void Database::set_automatic_checkpoint_pages(int pages) const {
  sqlite3_wal_autocheckpoint(m_impl->db.getHandle(), pages);
  m_impl->checkpoint_pages = pages;
}

void Database::set_foreign_key_checks(bool on) const {
  guarded([&] {
    const int result = sqlite3_db_config(m_impl->db.getHandle(), SQLITE_DBCONFIG_ENABLE_FKEY, on ? 1 : 0, nullptr);
    if (result != SQLITE_OK) throw SQLite::Exception(m_impl->db.getHandle(), result);
  });
}

void Database::checkpoint() const {
  guarded([&] {
    const int result =
        sqlite3_wal_checkpoint_v2(m_impl->db.getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (result != SQLITE_OK && result != SQLITE_BUSY && result != SQLITE_LOCKED)
      throw SQLite::Exception(m_impl->db.getHandle(), result);
  });
}

Database::Prepared Database::prepared(const std::string& sql) const {
  Impl::Kept& kept = m_impl->prepared[sql];
  if (kept.lent) throw std::logic_error("a prepared statement asked for while in use: " + sql);
  if (!kept.statement) kept.statement = std::make_unique<SQLite::Statement>(m_impl->db, sql);
  kept.lent = true;
  return Prepared(*kept.statement, kept.lent);
}

Database::Prepared::Prepared(Prepared&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_lent(std::exchange(other.m_lent, nullptr)) {}

Database::Prepared::~Prepared() {
  if (m_statement == nullptr) return;
  // Ends a query left part-read (it would hold its read transaction open) and forgets the values.
  m_statement->tryReset();
  try {
    m_statement->clearBindings();  // sqlite3_clear_bindings, which always succeeds
  } catch (...) {
  }
  *m_lent = false;
}

RowInsert::RowInsert(const std::string& insert, int columns) : m_columns(columns) {
  for (const std::size_t size : {8, 1}) {
    std::string sql = insert;
    for (std::size_t r = 0; r < size; ++r) {
      sql += r == 0 ? " (" : ", (";
      for (int c = 0; c < columns; ++c) sql += c == 0 ? "?" : ", ?";
      sql += ')';
    }
    m_statements.emplace_back(size, std::move(sql));
  }
}

void Database::insert_rows(const RowInsert& insert, std::size_t rows, const BindRow& bind) const {
  std::size_t done = 0;
  for (const auto& [size, sql] : insert.statements()) {
    if (rows - done < size) continue;
    const Prepared statement = prepared(sql);
    for (; rows - done >= size; done += size) {
      for (std::size_t r = 0; r < size; ++r) bind(*statement, static_cast<int>(r) * insert.columns() + 1, done + r);
      statement->exec();
      statement->reset();
    }
  }
}

int Database::schema_version() const {
  return guarded([&] { return m_impl->version(); });
}

std::vector<std::string> Database::check() const {
  return guarded([&] {
    std::vector<std::string> problems;
    SQLite::Statement integrity(m_impl->db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      const std::string line = integrity.getColumn(0).getString();
      if (line != "ok") problems.push_back("integrity: " + line);
    }
    SQLite::Statement keys(m_impl->db, "PRAGMA foreign_key_check");
    while (keys.executeStep()) {
      problems.push_back("foreign key: row " + std::to_string(keys.getColumn(1).getInt64()) + " of " +
                         keys.getColumn(0).getString() + " points to a missing row of " +
                         keys.getColumn(2).getString());
    }
    return problems;
  });
}

}  // namespace unct::store
