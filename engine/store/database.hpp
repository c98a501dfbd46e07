#pragma once

// The store's SQLite file: one connection, the schema migrated forward when it opens, and
// SQLite's errors turned into InputError naming the file. The concern stores (documents.hpp,
// assessments.hpp, reviews.hpp, portfolio.hpp, workshop.hpp, batches.hpp) run their SQL over it;
// store.hpp gathers them.

#include "engine/core/level.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace unct::store {

// How long a connection waits for another process's write to finish.
inline constexpr int k_busy_timeout_ms = 10'000;

// The schema version this program writes.
int latest_schema_version();

// An INSERT of many rows at once: "INSERT INTO t (a, b) VALUES" and its number of columns, with
// the SQL of its statements of 8 rows and of 1 written once, when it is made.
class RowInsert {
public:
  RowInsert(const std::string& insert, int columns);
  int columns() const { return m_columns; }
  // The statements, largest first: how many rows each takes, and its SQL.
  const std::vector<std::pair<std::size_t, std::string>>& statements() const { return m_statements; }

private:
  int m_columns;
  std::vector<std::pair<std::size_t, std::string>> m_statements;
};

class Database {
public:
  // Opens the database file, creating it when absent, and migrates it to the latest schema.
  // WAL journal, foreign keys on, a busy timeout for concurrent writers. A connection is used by
  // one thread at a time (SQLite's multi-thread mode: it takes no locks of its own); threads
  // that work at once each open their own.
  // Throws InputError naming the file when it is not an SQLite database, is another program's
  // database, or has a schema newer than this program knows.
  explicit Database(const std::filesystem::path& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::filesystem::path& path() const;
  int schema_version() const;

  // SQLite's integrity_check and foreign_key_check: the problems found, empty when none.
  std::vector<std::string> check() const;

  // The connection the concern stores run their SQL on (SQLiteCpp's queries are non-const even
  // when they only read).
  SQLite::Database& sqlite() const;

  // How many pages the write-ahead log holds before a commit of this connection copies it into
  // the database file (SQLite's automatic checkpoint: as SQLite starts it, 1,000 in Debian's
  // build; 0 for never). Kept by this object, so reading it costs nothing and cannot fail. A
  // checkpoint waits for the disk twice: a run that commits often has another connection
  // checkpoint beside it (checkpoint()) and sets 0 for its own commits.
  int automatic_checkpoint_pages() const;
  void set_automatic_checkpoint_pages(int pages) const;

  // Whether SQLite checks, for each row written, that the rows it refers to exist (on when
  // opened): a B-tree lookup per row. A connection that only adds rows referring to rows it
  // wrote or read in the same transaction (an assessment's) may leave it off. Changing it makes
  // SQLite prepare each of the connection's statements again at its next use.
  void set_foreign_key_checks(bool on) const;

  // Copies what the write-ahead log holds into the database file as far as no reader or writer
  // needs it (SQLite's passive checkpoint), without waiting for them. Throws InputError when
  // SQLite fails for another reason than their being busy.
  void checkpoint() const;

  // A statement kept prepared on this connection, lent out by prepared(); reset and its bindings
  // cleared when the lease ends.
  class Prepared {
  public:
    Prepared(Prepared&& other) noexcept;
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
    Prepared& operator=(Prepared&&) = delete;
    ~Prepared();
    SQLite::Statement& operator*() const { return *m_statement; }
    SQLite::Statement* operator->() const { return m_statement; }

  private:
    friend class Database;
    Prepared(SQLite::Statement& statement, bool& lent) : m_statement(&statement), m_lent(&lent) {}
    SQLite::Statement* m_statement;
    bool* m_lent;
  };

  // The statement for `sql`, prepared the first time it is asked for and kept for the next:
  // preparing (parsing and planning the SQL) costs more than running a small INSERT, and saving or
  // loading an assessment runs a dozen statements a document. For the statements run once a
  // document or more; not for SQL made from values. Throws std::logic_error when `sql` is asked
  // for while a lease on it is held (the statement would be reset under its holder).
  Prepared prepared(const std::string& sql) const;

  // Binds the values of row `row` to the parameters `first`, `first + 1`, ... of a statement.
  using BindRow = std::function<void(SQLite::Statement& statement, int first, std::size_t row)>;

  // Inserts `rows` rows through `insert`, 8 rows a statement and the rest one by one (each kept
  // prepared): SQLite's cost of starting and ending a statement, most of a small row's, is paid
  // once for 8. Larger statements saved no more in a batch, and cost a single `score` more to
  // prepare than they saved (statements of 32, 16, ..., 1 rows were 15% of a Markdown score).
  void insert_rows(const RowInsert& insert, std::size_t rows, const BindRow& bind) const;

  // What `run()` returns. An SQLite error it throws becomes an InputError with the database path:
  // a file that is not a database, a read-only or locked file, a full disk are all things the user
  // can act on. Any other exception passes unchanged.
  template <typename Run>
  auto guarded(Run&& run) const -> decltype(run()) {
    try {
      return run();
    } catch (...) {
      rethrow_naming(path());
    }
  }

private:
  // Requires: called in a catch block.
  [[noreturn]] static void rethrow_naming(const std::filesystem::path& path);

  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// A level as the store keeps it, by its code; an unknown code reads as Missing.
Level stored_level(const std::string& code);

}  // namespace unct::store
