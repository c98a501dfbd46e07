#pragma once

// Two assessments (drafts) compared, for a terminal or as one HTML page.

#include "engine/assess/compare.hpp"

#include <ostream>

namespace unct::report {

// Two assessments side by side for a terminal: figures, gaps closed and opened, and the items
// whose level changed.
void render_comparison(const Comparison& comparison, std::ostream& out);

// Two assessments (drafts) side by side on one page: the figures of each and their change, the
// gaps closed and opened, and every item rated in either with both levels, changed rows highlighted.
void render_comparison_html(const Comparison& comparison, std::ostream& out);

}  // namespace unct::report
