#pragma once

#include "engine/assess/assessment.hpp"
#include "engine/assess/compare.hpp"

#include "engine/core/timings.hpp"

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

// Seconds per phase, and the throughput of the scan over the document's `bytes`.
void render_timings(const Timings& timings, std::size_t bytes, std::ostream& out);

}  // namespace unct::report
