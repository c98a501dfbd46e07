#pragma once

// One document scored: its text taken from the text cache when it was read before, else read,
// then rated. The one path that `score`, `batch` and any later caller share; storing the result
// is the caller's (a new assessment, or only when the document is new to the store).

#include "engine/assess/assess.hpp"
#include "engine/ingest/read.hpp"

#include <functional>
#include <optional>
#include <string>

namespace unct {

// The document read before from a file with this SHA-256 (a store's text cache); nullopt when
// none was kept. An empty function keeps nothing.
using TextCache = std::function<std::optional<ingest::Document>(const std::string& sha256)>;

// Reads a document from its source: ingest::read_source in this process, or a worker process.
// It may let go of the source's bytes (ingest::read_source(Source&&) does): nothing after needs them.
using DocumentReader = std::function<ingest::Document(ingest::Source&& source)>;

struct Scored {
  ingest::Document document;
  bool from_cache = false;  // taken from the text cache rather than read
  Assessment assessment;    // created_at set to now
};

// Takes the document from `cache`, else reads it with `read` (the "read" phase of the options'
// timings), and rates it. Throws what the reader throws (InputError for a file it cannot read).
// Requires: `compiled` built from `checklist`.
Scored score_document(ingest::Source source, const TextCache& cache, const DocumentReader& read,
                      const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                      const AssessOptions& options = {});

}  // namespace unct
