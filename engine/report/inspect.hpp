#pragma once

#include "engine/checklist/model.hpp"
#include "engine/ingest/document.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace unct::report {

// What the engine saw in a document, for `unct-assess inspect`: format, size, pages, detected
// title, kind, language and year, block counts per kind, the outline of headings with the
// checklist part each opens and where it is (page or line), and the reader's warnings. With
// `blocks`, every block too. `parts` holds the part id of each block (empty when none).
void render_inspection(const ingest::Document& document, const std::vector<std::string>& parts,
                       const checklist::Checklist& checklist, bool blocks, std::ostream& out);

}  // namespace unct::report
