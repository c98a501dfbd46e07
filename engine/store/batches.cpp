#include "engine/store/batches.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace unct::store {

std::int64_t BatchStore::start(const std::string& source, const std::string& checklist_sha256, std::size_t documents,
                               const std::string& at) {
  return m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Statement insert(db,
                             "INSERT INTO batches (source, checklist_sha256, documents, started_at) "
                             "VALUES (?, ?, ?, ?)");
    insert.bind(1, source);
    insert.bind(2, checklist_sha256);
    insert.bind(3, static_cast<std::int64_t>(documents));
    insert.bind(4, at);
    insert.exec();
    return db.getLastInsertRowid();
  });
}

void BatchStore::record_failure(std::int64_t batch_id, const std::string& path, const std::string& sha256,
                                const std::string& error, const std::string& at) {
  m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Statement insert(
        db, "INSERT INTO batch_failures (batch_id, path, sha256, error, failed_at) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, batch_id);
    insert.bind(2, path);
    insert.bind(3, sha256);
    insert.bind(4, error);
    insert.bind(5, at);
    insert.exec();
  });
}

std::optional<FailureRow> BatchStore::failed_before(const std::string& document_sha256,
                                                    const std::string& checklist_sha256) const {
  return m_database->guarded([&]() -> std::optional<FailureRow> {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Statement query(db,
                            "SELECT f.batch_id, f.path, f.error, f.failed_at FROM batch_failures f "
                            "JOIN batches b ON b.id = f.batch_id "
                            "WHERE f.sha256 = ? AND b.checklist_sha256 = ? ORDER BY f.id DESC LIMIT 1");
    query.bind(1, document_sha256);
    query.bind(2, checklist_sha256);
    if (!query.executeStep()) return std::nullopt;
    return FailureRow{.batch_id = query.getColumn(0).getInt64(),
                      .path = query.getColumn(1).getString(),
                      .error = query.getColumn(2).getString(),
                      .failed_at = query.getColumn(3).getString()};
  });
}

void BatchStore::finish(std::int64_t batch_id, const BatchCounts& counts, const std::string& at) {
  m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Statement update(db,
                             "UPDATE batches SET finished_at = ?, scored = ?, skipped = ?, failed = ? WHERE id = ?");
    update.bind(1, at);
    update.bind(2, static_cast<std::int64_t>(counts.scored));
    update.bind(3, static_cast<std::int64_t>(counts.skipped));
    update.bind(4, static_cast<std::int64_t>(counts.failed));
    update.bind(5, batch_id);
    update.exec();
  });
}

}  // namespace unct::store
