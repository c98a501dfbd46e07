#pragma once

#include "engine/core/level.hpp"
#include "engine/rules/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unct {

struct DocumentSummary {
  std::string path;
  std::string sha256;
  std::string format;
  std::string title;
  DocumentKind kind = DocumentKind::cca;
  std::string kind_source;      // "given" (--kind), "detected" (title/headings) or "assumed"
  std::string language;         // "en", "fr", "es"; empty when unknown (every term then counts)
  std::string language_source;  // "given" (--lang), "detected" or "" when unknown
  int year = 0;                 // of the document (title or --year); 0 when unknown
  std::string country;          // from the title or --country; empty when unknown
  std::string region;           // given (batch manifest, --region); empty when not given
  std::string draft;            // draft label given (batch manifest, --draft), e.g. "draft 2"
  std::uintmax_t bytes = 0;
  std::size_t words = 0;
  std::size_t blocks = 0;
  bool operator==(const DocumentSummary&) const = default;
};

struct ChecklistSummary {
  std::string id;
  std::string version;
  std::string title;
  std::string sha256;
  std::string provenance;
  bool operator==(const ChecklistSummary&) const = default;
};

// The primary figure is the share of applicable items at Meets or above, as the UN scorecards
// report; points (level x weight out of 3 x weight) are secondary.
struct Score {
  std::size_t applicable = 0;
  std::size_t at_meets_or_above = 0;
  double points = 0;
  double max_points = 0;
  bool operator==(const Score&) const = default;
};

struct SectionScore {
  std::string id;
  std::string title;
  Score score;
  bool operator==(const SectionScore&) const = default;
};

// A country team's own rating of one item (see selfassess), kept with the assessment.
struct SelfRating {
  std::string item_id;
  Level level = Level::missing;
  std::string justification;
  std::string source;  // where the evidence is, e.g. "consultation records, May 2024"
  int line = 0;        // of the team's file
  bool operator==(const SelfRating&) const = default;
};

struct Assessment {
  DocumentSummary document;
  ChecklistSummary checklist;
  std::string engine_version;
  std::string created_at;  // ISO 8601 UTC; set by whoever runs the assessment, not by assess()
  std::vector<rules::ItemResult> items;
  std::vector<SectionScore> sections;
  Score overall;
  std::vector<SelfRating> self;  // the country team's ratings, in checklist order; empty when none
  bool operator==(const Assessment&) const = default;
};

// The result of the item with this id; nullptr when the assessment does not hold it.
const rules::ItemResult* find_result(const Assessment& assessment, std::string_view item_id);
rules::ItemResult* find_result(Assessment& assessment, std::string_view item_id);

// Adds an item result to a score.
void add_to(Score& score, const rules::ItemResult& item);

// Recomputes the overall and section scores from the items' levels, e.g. after a reviewer's
// override changed one.
void rescore(Assessment& assessment);

}  // namespace unct
