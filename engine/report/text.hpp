#pragma once

#include "engine/assess/assessment.hpp"
#include "engine/assess/compare.hpp"

#include "engine/core/timings.hpp"
#include "engine/workshop/session.hpp"

#include <ostream>

namespace unct::report {

// The report a reader scans in a terminal: the document, per section a table of items and
// levels, the overall figures, then each gap with what to add and the evidence already found.
void render_text(const Assessment& assessment, std::ostream& out);

// Why an item got its level: each criterion met or not, and the tree of its signal with what
// was counted and where the words were found. Requires: the item rated with an explanation.
void render_explanation(const rules::ItemResult& item, std::ostream& out);

// Two assessments side by side for a terminal: figures, gaps closed and opened, and the items
// whose level changed.
void render_comparison(const Comparison& comparison, std::ostream& out);

// A workshop's debrief for the trainer's screen: the key's status, the room's agreement with
// the key and each participant's, the discussion points (the items the room disagreed on most,
// with the spread of answers, the key's rationale and the participants' notes), then every item
// with the key, the engine's rating of the excerpt and the answers side by side.
void render_debrief(const workshop::Debrief& debrief, std::ostream& out);

// Stored workshop sessions, one line each: id, date, cohort, pack, participants, the room's
// agreement with the key.
void render_sessions(const std::vector<workshop::Debrief>& sessions, std::ostream& out);

// Cohorts side by side: the room's figures per session, and each item's share of answers on
// the key.
void render_cohorts(const workshop::CohortComparison& comparison, std::ostream& out);

// Seconds per phase, and the throughput of the scan over the document's `bytes`.
void render_timings(const Timings& timings, std::size_t bytes, std::ostream& out);

}  // namespace unct::report
