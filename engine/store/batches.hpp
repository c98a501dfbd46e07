#pragma once

// Batch runs: recorded when they start, each failure as it happens, the counts when they end (a
// run cut short keeps an empty finished_at), so that a re-run passes over the files that failed.

#include "engine/assess/portfolio.hpp"
#include "engine/store/database.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace unct::store {

class BatchStore {
public:
  // Requires: `database` outlives this.
  explicit BatchStore(Database& database) : m_database(&database) {}

  // Returns the batch's id.
  std::int64_t start(const std::string& source, const std::string& checklist_sha256, std::size_t documents,
                     const std::string& at);

  // `sha256`: of the file that failed; empty when it could not be read.
  void record_failure(std::int64_t batch_id, const std::string& path, const std::string& sha256,
                      const std::string& error, const std::string& at);

  // The newest failure recorded for the file with this SHA-256 in a batch run with the checklist
  // with this SHA-256; nullopt when it never failed so.
  std::optional<FailureRow> failed_before(const std::string& document_sha256,
                                          const std::string& checklist_sha256) const;

  void finish(std::int64_t batch_id, const BatchCounts& counts, const std::string& at);

private:
  Database* m_database;
};

}  // namespace unct::store
