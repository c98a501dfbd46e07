#pragma once

#include "engine/assess/assessment.hpp"

#include <ostream>

namespace unct::report {

// The report a reader scans in a terminal: the document, per section a table of items and
// levels, the overall figures, then each gap with what to add and the evidence already found.
void render_text(const Assessment& assessment, std::ostream& out);

}  // namespace unct::report
