#pragma once

// What a report says first, whatever its format: the overall figure (the engine's, and the
// team's separately), the priorities (Missing before Approaches, then by weight), the items that
// meet the bar, and the rest in one line each. Every renderer reads the same Summary, so the
// text, Markdown, HTML, JSON and Word reports agree on what comes first.

#include "engine/assess/assessment.hpp"
#include "engine/report/messages.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unct::report {

// The team's own figure: of the items the team rated, how many it put at Meets or above.
struct TeamFigure {
  std::size_t rated = 0;
  std::size_t at_meets_or_above = 0;
};

struct Summary {
  Score engine;                                          // the engine's (and reviewers') levels only
  std::optional<TeamFigure> team;                        // when the team rated some items
  std::vector<const rules::ItemResult*> priorities;      // below Meets: Missing first, then by weight
  std::vector<const rules::ItemResult*> meeting;         // at Meets or above, in checklist order
  std::vector<const rules::ItemResult*> self_reported;   // rated by the team from its own records
  std::vector<const rules::ItemResult*> not_assessable;  // need the team's records; not rated
  std::vector<const rules::ItemResult*> not_applicable;  // to this kind of document or year
};

// Requires: `assessment` outlives the summary (it points into its items).
Summary summarise(const Assessment& assessment);

// A section's figure as every report gives it: "4 of 15 at Meets or above", or why it has none
// (not applicable to this document; not assessable from it, its items needing the team's records).
std::string section_figure(const Assessment& assessment, const SectionScore& section, const Messages& m);

}  // namespace unct::report
