#pragma once

// The assessment store: one SQLite file holding every document scored, the checklist versions
// used, and each assessment with its item results, criteria, evidence and findings, so that
// drafts can be compared and a portfolio queried. The schema is versioned; opening a store
// migrates it forward. Each assessment is written in one transaction: it is stored whole or
// not at all.

#include "engine/assess/assessment.hpp"
#include "engine/assess/portfolio.hpp"
#include "engine/ingest/document.hpp"
#include "engine/workshop/session.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unct::store {

// The schema version this program writes.
int latest_schema_version();

class Store {
public:
  // Opens the database file, creating it when absent, and migrates it to the latest schema.
  // WAL journal, foreign keys on, a busy timeout for concurrent writers.
  // Throws InputError naming the file when it is not an SQLite database, is another program's
  // database, or has a schema newer than this program knows.
  explicit Store(const std::filesystem::path& path);
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  // Stores the assessment, its document and checklist (once per content hash); returns the
  // assessment's id. With `text`, the document as read is kept in the text cache too.
  std::int64_t save(const Assessment& assessment, const ingest::Document* text = nullptr);

  // The same, unless the document (same SHA-256) was already assessed with the same checklist
  // (same SHA-256): then nothing is written and nullopt is returned. The check and the write are
  // one transaction, so two processes racing on one document store it once.
  std::optional<std::int64_t> save_unless_assessed(const Assessment& assessment, const ingest::Document* text = nullptr);

  // The newest assessment of the document with this SHA-256 made with the checklist with this
  // SHA-256; nullopt when there is none.
  std::optional<std::int64_t> assessed(const std::string& document_sha256, const std::string& checklist_sha256) const;

  // The stored assessment. Throws InputError when there is none with that id.
  Assessment load(std::int64_t id) const;

  // Every assessment, newest first; only those whose country holds `country` (any case: "valdoria"
  // finds "Republic of Valdoria") when it is not empty.
  std::vector<AssessmentRow> history(const std::string& country = {}) const;

  // Items ranked by the share of documents (latest assessment each) rating them below Meets,
  // most often first.
  std::vector<GapRow> gaps(const GapFilter& filter = {}) const;

  // The documents `gaps` counts, each with the levels of its latest assessment.
  std::vector<PortfolioRow> portfolio(const GapFilter& filter = {}) const;

  // Assessments whose draft label, document file name, path or title is `name` (exactly,
  // ignoring case), newest first: for `compare` by name.
  std::vector<AssessmentRow> find(const std::string& name) const;

  // Sets the reviewed level of an item of a stored assessment, keeping who, when, the note and
  // the level it replaces; the assessment's scores are recomputed with it. Returns the row kept.
  // Throws InputError when the assessment does not exist, or does not rate the item (unknown,
  // not applicable, or not assessable from the document).
  OverrideRow override_level(std::int64_t assessment_id, const std::string& item_id, Level level,
                             const std::string& note, const std::string& reviewer, const std::string& at);

  // Replaces the country team's ratings of a stored assessment with those `rate` sets on it (the
  // caller's rules, e.g. selfassess::apply): its self ratings are stored, items needing team
  // records take the level `rate` gives them, the scores are recomputed, reviewers' overrides
  // still stand; one transaction, rolled back when `rate` throws. Returns the assessment as now
  // stored. Throws InputError when the assessment does not exist.
  Assessment set_self_ratings(std::int64_t assessment_id, const std::function<void(Assessment&)>& rate);

  // Workshop sessions: stored whole in one transaction; returns the id.
  std::int64_t save_session(const workshop::Session& session);
  // Throws InputError when there is no session with that id.
  workshop::Session load_session(std::int64_t id) const;
  // Every session, oldest first; only those of the pack with this id when it is not empty.
  std::vector<workshop::Session> sessions(const std::string& pack_id = {}) const;

  // Every override of the assessment, oldest first.
  std::vector<OverrideRow> overrides(std::int64_t assessment_id) const;

  // A batch run: recorded when it starts, each failure as it happens, the counts when it ends
  // (a run cut short keeps an empty finished_at).
  std::int64_t start_batch(const std::string& source, const std::string& checklist_sha256, std::size_t documents,
                           const std::string& at);
  // `sha256`: of the file that failed; empty when it could not be read.
  void record_failure(std::int64_t batch_id, const std::string& path, const std::string& sha256, const std::string& error,
                      const std::string& at);
  // The newest failure recorded for the file with this SHA-256 in a batch run with the checklist
  // with this SHA-256; nullopt when it never failed so.
  std::optional<FailureRow> failed_before(const std::string& document_sha256, const std::string& checklist_sha256) const;
  void finish_batch(std::int64_t batch_id, const BatchCounts& counts, const std::string& at);

  // SQLite's integrity_check and foreign_key_check: the problems found, empty when none.
  std::vector<std::string> check() const;

  int schema_version() const;
  const std::filesystem::path& path() const;

  // The document with this SHA-256 as an earlier run read it, from this store's text cache;
  // nullopt when it holds no entry by the current readers.
  std::optional<ingest::Document> cached(const std::string& sha256) const;

  // The same from the database at `path`, for a caller that has not opened it; nullopt when the file does not exist, predates the cache, or holds no
  // entry by the current readers. Never creates or changes the database.
  static std::optional<ingest::Document> cached_document(const std::filesystem::path& path, const std::string& sha256);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace unct::store
