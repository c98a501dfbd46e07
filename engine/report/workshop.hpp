#pragma once

// A workshop in every format it is printed in: what participants get (the handout and the answer
// sheet), the debrief of a session (text, Markdown, HTML), and the stored sessions and cohorts.

#include "engine/checklist/model.hpp"
#include "engine/workshop/pack.hpp"
#include "engine/workshop/session.hpp"

#include <ostream>
#include <vector>

namespace unct::report {

// What participants get: the instructions, the excerpt, and the items to rate with their
// questions in the pack's language (never the key).
void render_handout_markdown(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out);

// The handout as a Word document (DOCX bytes), for a trainer to print: the same content, the
// items to rate in a table with room for the level and the reason.
void render_handout_docx(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out);

// The pack's excerpt as HTML (a <div class="excerpt">), laid out as the Word handout lays it out:
// its headings one level down under the exercise's title, paragraphs, list items and tables,
// every piece of text escaped. For a page around it, as the web app's workshop room shows it.
void render_excerpt_html(const workshop::Pack& pack, std::ostream& out);

// The answer sheet `workshop score` reads: participant, item, title, level and note, one row
// per item of the pack, the participant's name and the levels left to fill in.
void render_answer_sheet_csv(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out);

// A workshop's debrief for the trainer's screen: the key's status, the room's agreement with
// the key and each participant's, the discussion points (the items the room disagreed on most,
// with the spread of answers, the key's rationale and the participants' notes), then every item
// with the key, the engine's rating of the excerpt and the answers side by side.
void render_debrief(const workshop::Debrief& debrief, std::ostream& out);

// The same sections as Markdown.
void render_debrief_markdown(const workshop::Debrief& debrief, std::ostream& out);

// The same on one page, with a bar of the answers per level for each item.
void render_debrief_html(const workshop::Debrief& debrief, std::ostream& out);

// The same as a Word document (DOCX bytes), to print or hand out after the session.
void render_debrief_docx(const workshop::Debrief& debrief, std::ostream& out);

// Stored workshop sessions, one line each: id, date, cohort, pack, participants, the room's
// agreement with the key.
void render_sessions(const std::vector<workshop::Debrief>& sessions, std::ostream& out);

// Cohorts side by side: the room's figures per session, and each item's share of answers on
// the key.
void render_cohorts(const workshop::CohortComparison& comparison, std::ostream& out);

}  // namespace unct::report
