#pragma once

#include "engine/checklist/model.hpp"

#include <ostream>
#include <string>

namespace unct::report {

// The checklist as a reviewer reads it: its provenance, then per item the question, what it
// applies to, the criteria of each level in words (with the signal that tests each), the
// references and the gap text. With `item_id`, that item only. Requires: the item exists.
void render_checklist(const checklist::Checklist& checklist, const std::string& item_id, std::ostream& out);

}  // namespace unct::report
