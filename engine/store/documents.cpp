#include "engine/store/documents.hpp"

#include "engine/core/compress.hpp"
#include "engine/ingest/serialise.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace unct::store {
namespace {

// Requires: `table` is "documents" or "checklists", holding a row with that hash.
std::int64_t id_by_hash(const Database& database, const std::string& table, const std::string& sha256) {
  const Database::Prepared find_kept = database.prepared("SELECT id FROM " + table + " WHERE sha256 = ?");
  SQLite::Statement& find = *find_kept;
  find.bind(1, sha256);
  find.executeStep();
  return find.getColumn(0).getInt64();
}

// A cache entry's JSON is at most this large once decompressed: ingest's limits keep a document's
// text far below it, so a larger claim is a damaged entry.
constexpr std::size_t k_max_cached_json = 1024u * 1024 * 1024;

constexpr const char* k_cached_text =
    "SELECT t.content FROM document_text t JOIN documents d ON d.id = t.document_id "
    "WHERE d.sha256 = ? AND t.reader_version = ?";

// The text cache entry for the document, read by the current readers, with `find` (k_cached_text);
// nullopt when there is none. Entries are zstd frames; those written before compression are plain
// JSON and read as such.
std::optional<ingest::Document> read_cached(SQLite::Statement& find, const std::string& sha256) {
  find.bind(1, sha256);
  find.bind(2, ingest::k_reader_version);
  if (!find.executeStep()) return std::nullopt;
  const SQLite::Column content = find.getColumn(0);
  const std::string_view bytes(static_cast<const char*>(content.getBlob()),
                               static_cast<std::size_t>(content.getBytes()));
  try {
    if (!is_zstd_frame(bytes)) return ingest::deserialise(bytes);
    const std::optional<std::string> json = zstd_decompress(bytes, k_max_cached_json);
    if (!json) return std::nullopt;
    return ingest::deserialise(*json);
  } catch (const std::runtime_error&) {
    return std::nullopt;  // a damaged cache entry: the document is read again, and the entry replaced
  }
}

}  // namespace

CachedText pack_text(const ingest::Document& document) {
  // The serialised form (some 10 MB for a 1,600-page PDF) is never held whole: its pieces go
  // to the compressor as they are made, and the frame grows by what it compresses them to.
  ZstdFrameWriter frame(ingest::serialised_size(document));
  ingest::serialise(document, [&](std::string_view piece) { frame.add(piece); });
  return {frame.finish()};
}

std::int64_t DocumentStore::keep_document(const Assessment& a) {
  return m_database->guarded([&] {
    const Database::Prepared insert_kept = m_database->prepared(
        "INSERT INTO documents (sha256, path, format, title, bytes, words, blocks, first_seen) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING");
    SQLite::Statement& insert = *insert_kept;
    const DocumentSummary& d = a.document;
    insert.bind(1, d.sha256);
    insert.bind(2, d.path);
    insert.bind(3, d.format);
    insert.bind(4, d.title);
    insert.bind(5, static_cast<std::int64_t>(d.bytes));
    insert.bind(6, static_cast<std::int64_t>(d.words));
    insert.bind(7, static_cast<std::int64_t>(d.blocks));
    insert.bind(8, a.created_at);
    insert.exec();
    return id_by_hash(*m_database, "documents", d.sha256);
  });
}

std::int64_t DocumentStore::keep_checklist(const Assessment& a) {
  return m_database->guarded([&] {
    const Database::Prepared insert_kept = m_database->prepared(
        "INSERT INTO checklists (checklist_id, version, sha256, title, provenance, first_seen) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING");
    SQLite::Statement& insert = *insert_kept;
    const ChecklistSummary& c = a.checklist;
    insert.bind(1, c.id);
    insert.bind(2, c.version);
    insert.bind(3, c.sha256);
    insert.bind(4, c.title);
    insert.bind(5, c.provenance);
    insert.bind(6, a.created_at);
    insert.exec();
    return id_by_hash(*m_database, "checklists", c.sha256);
  });
}

void DocumentStore::cache_text(std::int64_t document_id, const CachedText& text) {
  m_database->guarded([&] {
    const Database::Prepared insert_kept = m_database->prepared(
        "INSERT INTO document_text (document_id, reader_version, content) VALUES (?, ?, ?) "
        "ON CONFLICT(document_id) DO UPDATE SET reader_version = excluded.reader_version, "
        "content = excluded.content WHERE reader_version <> excluded.reader_version "
        "OR content <> excluded.content");  // a newer reader, or a damaged entry
    SQLite::Statement& insert = *insert_kept;
    insert.bind(1, document_id);
    insert.bind(2, ingest::k_reader_version);
    insert.bind(3, text.bytes.data(), static_cast<int>(text.bytes.size()));
    insert.exec();
  });
}

std::optional<ingest::Document> DocumentStore::cached(const std::string& sha256) const {
  return m_database->guarded([&] {
    const Database::Prepared find = m_database->prepared(k_cached_text);
    return read_cached(*find, sha256);
  });
}

std::optional<ingest::Document> DocumentStore::cached_document(const std::filesystem::path& path,
                                                               const std::string& sha256) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  // Opened for writing where it may be (nothing is written): the last connection to close a
  // database in WAL mode removes the -wal and -shm files; a read-only one would leave them.
  auto open = [&] {
    try {
      return SQLite::Database(path.string(), SQLite::OPEN_READWRITE);
    } catch (const SQLite::Exception&) {
      return SQLite::Database(path.string(), SQLite::OPEN_READONLY);
    }
  };
  try {
    SQLite::Database db = open();
    db.setBusyTimeout(k_busy_timeout_ms);
    if (!db.tableExists("document_text")) return std::nullopt;
    SQLite::Statement find(db, k_cached_text);
    return read_cached(find, sha256);
  } catch (const std::exception&) {
    return std::nullopt;  // not a database this program can read: the file is read instead, and
                          // opening the store for writing reports the problem
  }
}

}  // namespace unct::store
