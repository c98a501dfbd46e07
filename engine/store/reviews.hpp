#pragma once

// Reviewers' overrides: a reviewed level for an item of a stored assessment, kept with who, when,
// the note and the level it replaced (an audit trail), and applied whenever the assessment loads.

#include "engine/assess/assessment.hpp"
#include "engine/assess/portfolio.hpp"
#include "engine/store/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unct::store {

class ReviewStore {
public:
  // Requires: `database` outlives this.
  explicit ReviewStore(Database& database) : m_database(&database) {}

  // Sets the reviewed level of an item of a stored assessment, keeping who, when, the note and
  // the level it replaces; the assessment's scores are recomputed with it. Returns the row kept.
  // Throws InputError when the assessment does not exist, or does not rate the item (unknown,
  // not applicable, or not assessable from the document).
  OverrideRow override_level(std::int64_t assessment_id, const std::string& item_id, Level level,
                             const std::string& note, const std::string& reviewer, const std::string& at);

  // Every override of the assessment, oldest first.
  std::vector<OverrideRow> overrides(std::int64_t assessment_id) const;

  // The latest override of each item of `assessment` (stored as `assessment_id`) replaces the
  // engine's level, which the item's review keeps; the scores follow. AssessmentStore::load calls it.
  void apply(std::int64_t assessment_id, Assessment& assessment) const;

private:
  Database* m_database;
};

}  // namespace unct::store
