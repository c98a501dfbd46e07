#include "engine/web/api.hpp"

#include <nlohmann/json.hpp>

namespace unct::web {
namespace {

using nlohmann::json;

// Text from documents may hold bytes that are not UTF-8 in rare cases: replaced, never thrown.
std::string dump(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

json level_json(const std::optional<Level>& level) { return level ? json(code(*level)) : json(nullptr); }

json row_json(const AssessmentRow& r) {
  const std::string id = std::to_string(r.id);
  return {{"id", r.id},
          {"created_at", r.created_at},
          {"path", r.path},
          {"title", r.title},
          {"kind", r.kind},
          {"country", r.country},
          {"region", r.region},
          {"draft", r.draft},
          {"year", r.year == 0 ? json(nullptr) : json(r.year)},
          {"checklist_version", r.checklist_version},
          {"applicable", r.applicable},
          {"at_meets_or_above", r.at_meets_or_above},
          {"links", {{"html", "/assessments/" + id}, {"json", "/api/assessments/" + id}}}};
}

json override_row_json(const OverrideRow& r) {
  return {{"id", r.id},
          {"assessment_id", r.assessment_id},
          {"item_id", r.item_id},
          {"level", code(r.level)},
          {"previous", code(r.previous)},
          {"reviewer", r.reviewer},
          {"note", r.note},
          {"created_at", r.created_at}};
}

json side_json(const Assessment& a, std::int64_t id) {
  return {{"id", id},
          {"title", a.document.title},
          {"path", a.document.path},
          {"draft", a.document.draft},
          {"created_at", a.created_at},
          {"applicable", a.overall.applicable},
          {"at_meets_or_above", a.overall.at_meets_or_above},
          {"points", a.overall.points},
          {"max_points", a.overall.max_points}};
}

}  // namespace

std::string assessments_json(const std::vector<AssessmentRow>& rows) {
  json list = json::array();
  for (const AssessmentRow& r : rows) list.push_back(row_json(r));
  return dump({{"assessments", list}});
}

std::string documents_json(const std::vector<DocumentDrafts>& documents) {
  json list = json::array();
  for (const DocumentDrafts& d : documents) {
    json drafts = json::array();
    for (const AssessmentRow& r : d.drafts) drafts.push_back(row_json(r));
    list.push_back({{"key", d.key},
                    {"title", d.title},
                    {"kind", d.kind},
                    {"country", d.country},
                    {"year", d.year == 0 ? json(nullptr) : json(d.year)},
                    {"drafts", drafts}});
  }
  return dump({{"documents", list}});
}

std::string comparison_json(const Comparison& c, std::int64_t first, std::int64_t second) {
  json items = json::array();
  for (const ItemChange& i : c.items) {
    items.push_back({{"item_id", i.item_id},
                     {"title", i.title},
                     {"before", level_json(i.before)},
                     {"after", level_json(i.after)},
                     {"delta", i.delta}});
  }
  return dump({{"first", side_json(c.first, first)},
               {"second", side_json(c.second, second)},
               {"same_checklist", c.same_checklist},
               {"points_delta", c.points_delta},
               {"up", c.up},
               {"down", c.down},
               {"resolved", c.closed},
               {"new_gaps", c.opened},
               {"items", items}});
}

std::string portfolio_json(const GapFilter& filter, const std::vector<PortfolioRow>& documents,
                           const std::vector<GapRow>& gaps) {
  json docs = json::array();
  for (const PortfolioRow& d : documents) {
    json levels = json::object();
    for (const auto& [id, level] : d.levels) levels[id] = level_json(level);
    docs.push_back({{"assessment_id", d.assessment_id},
                    {"label", d.label},
                    {"kind", d.kind},
                    {"country", d.country},
                    {"region", d.region},
                    {"year", d.year == 0 ? json(nullptr) : json(d.year)},
                    {"levels", levels}});
  }
  json items = json::array();
  for (const GapRow& g : gaps) {
    items.push_back({{"item_id", g.item_id},
                     {"title", g.title},
                     {"applicable", g.applicable},
                     {"below_meets", g.below_meets},
                     {"documents_below_meets", g.documents}});
  }
  return dump({{"filter",
                {{"country", filter.country},
                 {"region", filter.region},
                 {"kind", filter.kind},
                 {"year", filter.year == 0 ? json(nullptr) : json(filter.year)}}},
               {"documents", docs},
               {"items_below_meets", items}});
}

std::string overrides_json(const std::vector<OverrideRow>& rows) {
  json list = json::array();
  for (const OverrideRow& r : rows) list.push_back(override_row_json(r));
  return dump({{"overrides", list}});
}

std::string override_json(const OverrideRow& row) { return dump({{"override", override_row_json(row)}}); }

std::string created_json(std::int64_t id) {
  const std::string n = std::to_string(id);
  return dump({{"id", id}, {"links", {{"html", "/assessments/" + n}, {"json", "/api/assessments/" + n}}}});
}

std::string error_json(int status, std::string_view message) {
  return dump({{"error", {{"status", status}, {"message", std::string(message)}}}});
}

std::string index_json(bool token_required) {
  return dump({{"token_required", token_required},
               {"documentation", "docs/api.md"},
               {"routes",
                {"GET /api/session", "GET /api/assessments", "GET /api/assessments/{id}",
                 "GET /api/assessments/{id}/overrides", "POST /api/assessments/{id}/override",
                 "GET /api/assessments/{id}/self-assessment", "POST /api/assessments/{id}/self-assessment",
                 "POST /api/score", "GET /api/documents", "GET /api/compare?first={id}&second={id}",
                 "GET /api/portfolio?country=&region=&kind=&year=", "GET /api/workshop", "POST /api/workshop",
                 "GET /api/workshop/sessions/{id}", "POST /api/workshop/sessions/{id}/close",
                 "GET /api/workshop/rooms/{code}", "POST /api/workshop/rooms/{code}/answers"}}});
}

std::string session_json(const std::string& csrf) { return dump({{"csrf", csrf}}); }

std::string self_assessment_json(std::int64_t id, std::string_view lang, const Assessment& assessment,
                                 const std::vector<TeamFormRow>& rows) {
  json items = json::array();
  std::size_t over = 0;
  std::size_t under = 0;
  for (const TeamFormRow& row : rows) {
    json team = nullptr;
    if (row.team) {
      team = {
          {"level", code(row.team->level)}, {"justification", row.team->justification}, {"source", row.team->source}};
    }
    json claim = nullptr;
    if (row.claim) {
      const bool is_over = row.claim->claim == selfassess::Claim::overclaim;
      (is_over ? over : under)++;
      claim = is_over ? "overclaim" : "underclaim";
    }
    items.push_back({{"item_id", row.item.item_id},
                     {"section", row.item.section},
                     {"title", row.item.title},
                     {"question", row.item.question},
                     {"evidence_from", row.item.external ? "team_records" : "document"},
                     {"engine", level_json(row.engine)},
                     {"team", team},
                     {"claim", claim}});
  }
  const std::string n = std::to_string(id);
  return dump({{"assessment_id", id},
               {"lang", std::string(lang)},
               {"rated", assessment.self.size()},
               {"overclaims", over},
               {"underclaims", under},
               {"applicable", assessment.overall.applicable},
               {"at_meets_or_above", assessment.overall.at_meets_or_above},
               {"items", items},
               {"links",
                {{"html", "/assessments/" + n + "/self-assessment"},
                 {"report", "/assessments/" + n},
                 {"json", "/api/assessments/" + n}}}});
}

}  // namespace unct::web
