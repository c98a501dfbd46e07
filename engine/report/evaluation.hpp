#pragma once

// The engine's agreement with the gold ratings, as `unct-assess evaluate` prints it.

#include "engine/agreement/evaluation.hpp"

#include <ostream>

namespace unct::report {

// Figures overall, per kind, per language and per document, the confusion matrix, the items
// with most disagreement, then each disagreement with the gold rationale and the engine's
// evidence.
void render_evaluation(const agreement::Evaluation& evaluation, std::ostream& out);

// The same as one JSON object.
void render_evaluation_json(const agreement::Evaluation& evaluation, std::ostream& out);

}  // namespace unct::report
