#pragma once

#include "engine/assess/assessment.hpp"

#include <ostream>

namespace unct::report {

// The whole assessment as one JSON object, for other programs. Keys are stable; levels use
// their codes ("missing" ... "exceeds").
void render_json(const Assessment& assessment, std::ostream& out);

}  // namespace unct::report
