#pragma once

// The portfolio for a spreadsheet: a matrix of documents by items, and the findings.

#include "engine/assess/assessment.hpp"
#include "engine/store/store.hpp"

#include <ostream>
#include <vector>

namespace unct::report {

// One row per document (its latest assessment), one column per item rated in any of them; cells
// hold level codes, empty where the item does not apply.
void render_matrix_csv(const std::vector<store::PortfolioRow>& documents, std::ostream& out);

// One row per item below Meets in each assessment: document, item, title, level, the criteria
// not found, and what to add.
void render_findings_csv(const std::vector<Assessment>& assessments, std::ostream& out);

}  // namespace unct::report
