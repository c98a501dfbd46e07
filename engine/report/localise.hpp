#pragma once

// An assessment made ready for a reader of one language: the report language chosen, the
// catalogue of its words, and the items' wording (titles, criteria, gap texts) taken from the
// checklist's <translation> of that language.

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"
#include "engine/report/messages.hpp"

#include <string_view>

namespace unct::report {

struct Localised {
  Assessment assessment;  // a copy with the wording in the report language where the checklist has it
  const Messages* m = nullptr;
  // The checklist the assessment used, or nullptr when none was given or it is another one (its
  // SHA-256 differs): questions and translations are then left out rather than misquoted.
  const checklist::Checklist* checklist = nullptr;
};

// `asked` is the report language asked for ("" for the document's, else English). The stored
// wording is English; an item or criterion the checklist does not translate stays in English.
Localised localise(const Assessment& assessment, const checklist::Checklist* checklist, std::string_view asked);

}  // namespace unct::report
