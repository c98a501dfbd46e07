#pragma once

#include "engine/checklist/model.hpp"

#include <ostream>
#include <string>

namespace unct::report {

// The checklist as a reviewer reads it: its provenance, then per item the question, what it
// applies to, the criteria of each level in words (with the signal that tests each), the
// references and the gap text. With `item_id`, that item only. With `lang` other than English,
// each item's title, question and gap in that language where the checklist has them, and the
// words of that language the engine counts for the item. Requires: the item exists; `lang` is
// empty or one of the checklist's languages.
void render_checklist(const checklist::Checklist& checklist, const std::string& item_id, std::ostream& out,
                      const std::string& lang = {});

}  // namespace unct::report
