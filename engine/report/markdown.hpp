#pragma once

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"
#include "engine/selfassess/selfassess.hpp"
#include "engine/workshop/session.hpp"

#include <ostream>

namespace unct::report {

// The report as Markdown for a review memo: the document and checklist (with its provenance),
// the overall figures, a table of items per section, then each item below Meets with what is
// missing, what to add and the evidence found so far (matched words in bold). User text is
// escaped so that it cannot break the Markdown.
void render_markdown(const Assessment& assessment, std::ostream& out);

// One row per item, for spreadsheets: ids, section, level (code and label), applicability,
// criteria met and unmet, the first quote with its place, and the gap text. RFC 4180 quoting.
void render_csv(const Assessment& assessment, std::ostream& out);

// A workshop's debrief as Markdown, the sections of render_debrief (text.hpp): the room's and
// each participant's agreement with the key, the discussion points, and every item.
void render_debrief_markdown(const workshop::Debrief& debrief, std::ostream& out);

// What participants get: the instructions, the excerpt, and the items to rate with their
// questions in the pack's language (never the key).
void render_handout_markdown(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out);

// The answer sheet `workshop score` reads: participant, item, title, level and note, one row
// per item of the pack, the participant's name and the levels left to fill in.
void render_answer_sheet_csv(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out);

}  // namespace unct::report
