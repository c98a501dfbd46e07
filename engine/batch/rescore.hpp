#pragma once

// Rating the stored portfolio again, with another checklist or version, from the database alone:
// each document's text comes from the text cache, never from its file, so a reviewer can re-rate
// 600 documents whose files are long gone. The latest assessment of each document (narrowed by
// country, region, kind, year) gives the document and what was given for it (kind, language,
// country, region, draft, year); the new assessment is stored beside it, with the team's
// self-ratings carried over. Reviewers' overrides stay with the assessment they were made on:
// they judged the earlier checklist's criteria.

#include "engine/assess/portfolio.hpp"
#include "engine/batch/batch.hpp"
#include "engine/checklist/model.hpp"
#include "engine/rules/compiled.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace unct::batch {

struct RescoreOptions {
  std::filesystem::path database;
  GapFilter filter;    // which documents: the latest assessment of each, narrowed by these
  unsigned jobs = 1;   // documents rated at once, each on its own thread and database connection
  bool force = false;  // rate again documents already assessed with this checklist
};

struct Rescored {
  Outcome outcome;                       // path, status, the new assessment (or the earlier one when skipped), error
  std::int64_t previous_id = 0;          // the assessment the document was taken from
  std::size_t changed = 0;               // items whose engine level differs from that assessment's
  std::size_t dropped_self_ratings = 0;  // the team's ratings of items this checklist no longer
                                         // has or applies to this document
};

struct RescoreSummary {
  std::vector<Rescored> documents;  // in the portfolio's order
  BatchCounts counts;
  std::size_t text_bytes = 0;  // of the documents rated (their text as read, not their files)
  double seconds = 0;
};

// Rates again, into the database at options.database, the documents the filter selects. Every
// per-document problem (no text in the cache, a database error) becomes a failed Outcome.
// Throws InputError when the database cannot be opened. Requires: `compiled` built from `checklist`.
RescoreSummary rescore(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                       const RescoreOptions& options, const OnProgress& on_progress = {});

}  // namespace unct::batch
