#pragma once

#include "engine/assess/assessment.hpp"
#include "engine/assess/compare.hpp"
#include "engine/checklist/model.hpp"
#include "engine/assess/portfolio.hpp"
#include "engine/workshop/session.hpp"

#include <ostream>

namespace unct::report {

// The report as one self-contained HTML page (no external assets; works offline; prints well):
// the document and checklist with its provenance note, the overall figures, an SVG chart of the
// levels per section, every item with its level badge, its criteria met and unmet and the quotes
// with the matched words marked, the gap text below Meets, and the gaps ordered by weight.
// `checklist`, when it is the one the assessment used (same SHA-256), adds each item's question.
// All text from the document and the checklist is HTML-escaped.
void render_html(const Assessment& assessment, const checklist::Checklist* checklist, std::ostream& out);

// A portfolio on one page: a heat map of documents by items (the latest assessment of each
// document, cells coloured by level) and the items most often below Meets.
void render_portfolio_html(const std::vector<PortfolioRow>& documents, const std::vector<GapRow>& gaps,
                           std::ostream& out);

// Two assessments (drafts) side by side on one page: the figures of each and their change, the
// gaps closed and opened, and every item rated in either with both levels, changed rows highlighted.
void render_comparison_html(const Comparison& comparison, std::ostream& out);

// A workshop's debrief on one page: the room's and each participant's agreement with the key,
// the discussion points with a bar of the answers per level, the key's rationale and the
// participants' notes, and every item with the key and the engine side by side.
void render_debrief_html(const workshop::Debrief& debrief, std::ostream& out);

}  // namespace unct::report
