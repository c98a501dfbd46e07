#pragma once

#include "engine/core/level.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unct::rules {

// A passage that shows a criterion holds, quoted from the document as written.
struct Evidence {
  std::string quote;  // about a sentence, at most ~240 characters; "..." marks a cut
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;  // byte ranges of the matched words in `quote`
  std::string section;  // heading path, "2. Context > 2.1 Who is left behind"
  int page = 0;         // 0 when the format has no pages
  int line = 0;         // 0 when unknown
  std::uint32_t block = 0;
  bool operator==(const Evidence&) const = default;
};

// Why a signal holds or not, for `--explain`: the signal, what was counted against what was
// needed, and where its words were found (a few places); combinations keep their parts.
struct Trace {
  std::string signal;  // e.g. "near(groups, discrimination, same sentence)"
  bool holds = false;
  std::string detail;              // e.g. "1 place (needs 1)", "no term of \"groups\" found"
  std::vector<std::string> found;  // e.g. "\"Roma\" in 2. Who is left behind, line 14"
  std::vector<Trace> children;
  bool operator==(const Trace&) const = default;
};

struct CriterionResult {
  std::string id;
  std::string text;
  Level level = Level::meets;  // the lowest level whose rule names the criterion
  bool met = false;
  std::vector<Evidence> evidence;  // up to k_max_quotes when met
  std::optional<Trace> trace;      // when an explanation was asked for; never stored
  bool operator==(const CriterionResult&) const = default;
};

inline constexpr std::size_t k_max_quotes = 3;

// A reviewer's override of the engine's rating: the latest for the item (the database keeps
// every earlier one).
struct Review {
  Level engine_level = Level::missing;  // what the engine rated
  std::string reviewer;
  std::string note;
  std::string at;  // ISO 8601 UTC
  bool operator==(const Review&) const = default;
};

struct ItemResult {
  std::string item_id;
  std::string title;
  std::string section_id;
  bool applicable = true;
  // Needs evidence from outside the document: not applicable, unless the country team rated it,
  // when it is applicable at the team's level (self_reported below).
  bool external = false;
  std::string not_applicable_reason;  // set when not applicable (or not assessable)
  Level level = Level::missing;
  double weight = 1.0;
  std::vector<CriterionResult> criteria;
  // Criteria (ids) that stand between the rating and Meets, or, at Meets, between it and
  // Exceeds. Empty at Exceeds and when not applicable.
  std::vector<std::string> unmet;
  std::string gap;  // the item's gap text, when the engine rated it below Meets
  // Set when a reviewer overrode the engine: `level` is then the reviewer's level, and the
  // engine's is kept here. Criteria, evidence and `unmet` stay the engine's.
  std::optional<Review> review;
  bool operator==(const ItemResult&) const = default;
};

// The level is the country team's: the item needs evidence the document cannot show.
inline bool self_reported(const ItemResult& item) { return item.external && item.applicable; }

// The quote that explains the rating: from the highest criterion that holds at or below the
// level reached (a criterion of an unreached level proves nothing on its own); null when none.
inline const Evidence* best_evidence(const ItemResult& item) {
  const CriterionResult* best = nullptr;
  for (const CriterionResult& c : item.criteria) {
    if (c.met && c.level <= item.level && !c.evidence.empty() && (best == nullptr || c.level > best->level)) best = &c;
  }
  return best == nullptr ? nullptr : &best->evidence.front();
}

}  // namespace unct::rules
