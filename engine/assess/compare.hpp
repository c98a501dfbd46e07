#pragma once

// Two assessments side by side, typically two drafts of one document: which items moved up or
// down, the change in score, the gaps closed and opened.

#include "engine/assess/assessment.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unct {

struct ItemChange {
  std::string item_id;
  std::string title;
  std::optional<Level> before;  // nullopt when not applicable (or absent) in the first assessment
  std::optional<Level> after;   // nullopt when not applicable (or absent) in the second
  int delta = 0;                // after - before in levels, when both are rated
  bool operator==(const ItemChange&) const = default;
};

struct Comparison {
  Assessment first;
  Assessment second;
  std::vector<ItemChange> items;    // every item of either assessment, in the second's order
  std::vector<std::string> up;      // items rated in both whose level rose
  std::vector<std::string> down;    // ... whose level fell
  std::vector<std::string> closed;  // below Meets before, at Meets or above after
  std::vector<std::string> opened;  // at Meets or above before, below Meets after
  double points_delta = 0;          // second's points minus the first's
  bool same_checklist = true;       // both rated with the same checklist file
  bool operator==(const Comparison&) const = default;
};

Comparison compare(const Assessment& first, const Assessment& second);

}  // namespace unct
