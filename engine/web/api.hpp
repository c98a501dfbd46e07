#pragma once

// The JSON of the web app's /api routes (docs/api.md): the same data as its pages, as text. An
// assessment itself is report::render_json's; these are the lists around it.

#include "engine/assess/compare.hpp"
#include "engine/assess/portfolio.hpp"
#include "engine/web/drafts.hpp"
#include "engine/web/pages.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace unct::web {

std::string assessments_json(const std::vector<AssessmentRow>& rows);
std::string documents_json(const std::vector<DocumentDrafts>& documents);
std::string comparison_json(const Comparison& comparison, std::int64_t first, std::int64_t second);
std::string portfolio_json(const GapFilter& filter, const std::vector<PortfolioRow>& documents,
                           const std::vector<GapRow>& gaps);
std::string overrides_json(const std::vector<OverrideRow>& rows);
std::string override_json(const OverrideRow& row);
// The team's self-assessment of assessment `id`: each row of its form (team_form) with the
// engine's level, the team's and any over- or underclaim, and the scores that follow.
std::string self_assessment_json(std::int64_t id, std::string_view lang, const Assessment& assessment,
                                 const std::vector<TeamFormRow>& rows);
// {"id": N, "links": {...}}: where a new assessment is.
std::string created_json(std::int64_t id);
// {"error": {"status": 404, "message": "..."}}
std::string error_json(int status, std::string_view message);
// The index of the routes, at /api.
std::string index_json(bool token_required);
// {"csrf": "..."}: the token a POST to /api carries in X-CSRF-Token.
std::string session_json(const std::string& csrf);

}  // namespace unct::web
