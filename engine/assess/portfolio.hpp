#pragma once

// What the portfolio holds, as the store reads it back and the reports and exports show it: the
// assessments of many documents, items across them, reviewers' overrides and batch runs. Plain
// values of the domain: the store fills them, the reports read them, neither knows the other.

#include "engine/core/level.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unct {

// One line of `history`: an assessment and its document, newest first.
struct AssessmentRow {
  std::int64_t id = 0;
  std::string created_at;
  std::string path;
  std::string title;
  std::string kind;
  std::string country;
  std::string region;
  std::string draft;
  int year = 0;
  std::string checklist_version;
  std::size_t applicable = 0;
  std::size_t at_meets_or_above = 0;
  bool operator==(const AssessmentRow&) const = default;
};

// Which assessments `gaps` counts: the latest assessment of each document, narrowed by these
// (empty or 0: any).
// Empty fields keep everything. Country and region match any part of the stored name, in any
// case ("valdoria" keeps "Republic of Valdoria").
struct GapFilter {
  std::string country;
  std::string region;
  std::string kind;  // "cca", "cf", "serp"
  int year = 0;
  // Only these assessments, when not empty (of those the other fields keep): e.g. the newest
  // draft of each document, where drafts are different files.
  std::vector<std::int64_t> only;
  bool operator==(const GapFilter&) const = default;
};

// One item across the portfolio: how many documents it applies to, how many are below Meets,
// and which ("title (path)", or the path alone when untitled).
struct GapRow {
  std::string item_id;
  std::string title;
  std::size_t applicable = 0;
  std::size_t below_meets = 0;
  std::vector<std::string> documents;  // those below Meets
  bool operator==(const GapRow&) const = default;
};

// One document of the portfolio: its latest assessment and the level of each item rated (in the
// checklist's order); nullopt for items not applicable to it.
struct PortfolioRow {
  std::int64_t assessment_id = 0;
  std::string label;  // "title (path)", or the path alone when untitled
  std::string kind;
  std::string country;
  std::string region;
  int year = 0;
  std::vector<std::pair<std::string, std::optional<Level>>> levels;  // reviewed levels where overridden
  std::vector<std::string> reviewed;  // the items whose level is a reviewer's, in `levels`' order
  bool operator==(const PortfolioRow&) const = default;

  bool is_reviewed(std::string_view item_id) const {
    return std::find(reviewed.begin(), reviewed.end(), item_id) != reviewed.end();
  }

  // The level of that item; nullopt when it is not applicable or not rated.
  std::optional<Level> level(std::string_view item_id) const {
    for (const auto& [id, l] : levels) {
      if (id == item_id) return l;
    }
    return std::nullopt;
  }
};

// The columns of a portfolio table: every item rated in at least one document, in the order
// first met.
inline std::vector<std::string> rated_items(const std::vector<PortfolioRow>& documents) {
  std::vector<std::string> items;
  for (const PortfolioRow& d : documents) {
    for (const auto& [id, level] : d.levels) {
      if (level && std::find(items.begin(), items.end(), id) == items.end()) items.push_back(id);
    }
  }
  return items;
}

// A reviewer's override of one item's level, as kept in the audit trail.
struct OverrideRow {
  std::int64_t id = 0;
  std::int64_t assessment_id = 0;
  std::string item_id;
  Level level = Level::missing;
  Level previous = Level::missing;  // the engine's level, or an earlier override's
  std::string reviewer;
  std::string note;
  std::string created_at;
  bool operator==(const OverrideRow&) const = default;
};

// What a batch run did, kept with the run.
struct BatchCounts {
  std::size_t scored = 0;
  std::size_t skipped = 0;  // already assessed with the same checklist
  std::size_t failed = 0;
  bool operator==(const BatchCounts&) const = default;
};

// A document a batch run could not score.
struct FailureRow {
  std::int64_t batch_id = 0;
  std::string path;
  std::string error;
  std::string failed_at;
  bool operator==(const FailureRow&) const = default;
};

}  // namespace unct
