#pragma once

// What was assessed, kept once per content hash: the documents and the checklists, and the text
// cache (each document as read, so that rating it again never reads the file again).

#include "engine/assess/assessment.hpp"
#include "engine/ingest/document.hpp"
#include "engine/store/database.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace unct::store {

// A document as the text cache keeps it: ingest::serialise's form, as one zstd frame. Made before
// a write transaction opens, so that the transaction holds the database's write lock for SQL only.
struct CachedText {
  std::string bytes;
};
CachedText pack_text(const ingest::Document& document);

class DocumentStore {
public:
  // Requires: `database` outlives this.
  explicit DocumentStore(Database& database) : m_database(&database) {}

  // The row id of the assessment's document (or checklist), added at its first sighting, whose
  // metadata then stays. AssessmentStore::save calls these inside its transaction.
  std::int64_t keep_document(const Assessment& assessment);
  std::int64_t keep_checklist(const Assessment& assessment);

  // Keeps `text`, the document as read, in the text cache of the document with that row id,
  // replacing an entry by an older reader or a damaged one.
  void cache_text(std::int64_t document_id, const CachedText& text);

  // The document with this SHA-256 as an earlier run read it, from the text cache; nullopt when
  // it holds no entry by the current readers.
  std::optional<ingest::Document> cached(const std::string& sha256) const;

  // The same from the database at `path`, for a caller that has not opened it; nullopt when the
  // file does not exist, predates the cache, or holds no entry by the current readers. Never
  // creates or changes the database.
  static std::optional<ingest::Document> cached_document(const std::filesystem::path& path, const std::string& sha256);

private:
  Database* m_database;
};

}  // namespace unct::store
