#include "engine/report/assessment.hpp"

#include "engine/report/localise.hpp"
#include "engine/report/summary.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <nlohmann/json.hpp>

namespace unct::report {
namespace {

using nlohmann::ordered_json;

ordered_json to_json(const Score& score) {
  return {{"applicable", score.applicable},
          {"at_meets_or_above", score.at_meets_or_above},
          {"points", score.points},
          {"max_points", score.max_points}};
}

ordered_json to_json(const rules::Evidence& e) {
  ordered_json highlights = ordered_json::array();
  for (const auto& [begin, end] : e.highlights) highlights.push_back({begin, end});
  ordered_json out{{"quote", e.quote}, {"highlights", highlights}, {"section", e.section}};
  if (e.page > 0) out["page"] = e.page;
  if (e.line > 0) out["line"] = e.line;
  return out;
}

ordered_json to_json(const rules::ItemResult& r) {
  ordered_json out{{"id", r.item_id}, {"title", r.title}, {"section", r.section_id}, {"applicable", r.applicable}};
  if (!r.applicable) {
    if (r.external) out["assessable"] = false;
    out["not_applicable_reason"] = r.not_applicable_reason;
    return out;
  }
  out["level"] = code(r.level);
  out["weight"] = r.weight;
  ordered_json criteria = ordered_json::array();
  for (const rules::CriterionResult& c : r.criteria) {
    ordered_json evidence = ordered_json::array();
    for (const rules::Evidence& e : c.evidence) evidence.push_back(to_json(e));
    criteria.push_back(
        {{"id", c.id}, {"text", c.text}, {"level", code(c.level)}, {"met", c.met}, {"evidence", evidence}});
  }
  out["criteria"] = criteria;
  out["unmet"] = r.unmet;
  if (!r.gap.empty()) out["gap"] = r.gap;
  if (rules::self_reported(r)) out["self_reported"] = true;
  if (r.review) {
    out["review"] = {{"engine_level", code(r.review->engine_level)},
                     {"reviewer", r.review->reviewer},
                     {"note", r.review->note},
                     {"at", r.review->at}};
  }
  return out;
}

// The team's ratings, each with the discrepancy the engine sees, if any.
ordered_json team_json(const Assessment& a) {
  const std::vector<selfassess::Discrepancy> claims = selfassess::discrepancies(a);
  ordered_json out = ordered_json::array();
  for (const SelfRating& s : a.self) {
    ordered_json rating{{"item", s.item_id},
                        {"level", code(s.level)},
                        {"justification", s.justification},
                        {"source", s.source},
                        {"line", s.line}};
    for (const selfassess::Discrepancy& d : claims) {
      if (d.item_id != s.item_id) continue;
      const bool over = d.claim == selfassess::Claim::overclaim;
      rating["discrepancy"] = {{"claim", over ? "overclaim" : "underclaim"}, {"engine_level", code(d.engine)}};
      if (over) rating["discrepancy"]["not_evidenced"] = d.not_evidenced;
      ordered_json quotes = ordered_json::array();
      for (const rules::Evidence& e : d.quotes) quotes.push_back(to_json(e));
      if (!over) rating["discrepancy"]["quotes"] = quotes;
    }
    out.push_back(std::move(rating));
  }
  return out;
}

ordered_json ids(const std::vector<const rules::ItemResult*>& items) {
  ordered_json out = ordered_json::array();
  for (const rules::ItemResult* item : items) out.push_back(item->item_id);
  return out;
}

ordered_json summary_json(const Summary& s) {
  ordered_json out{{"engine", to_json(s.engine)}};
  if (s.team) out["team"] = {{"rated", s.team->rated}, {"at_meets_or_above", s.team->at_meets_or_above}};
  out["priorities"] = ids(s.priorities);
  out["meeting"] = ids(s.meeting);
  out["self_reported"] = ids(s.self_reported);
  out["not_assessable"] = ids(s.not_assessable);
  out["not_applicable"] = ids(s.not_applicable);
  return out;
}

}  // namespace

void render_json(const Assessment& assessment, std::ostream& out, const RenderOptions& options) {
  const Localised l = localise(assessment, options.checklist, options.lang);
  const Assessment& a = l.assessment;
  ordered_json sections = ordered_json::array();
  for (const SectionScore& s : a.sections) {
    sections.push_back({{"id", s.id}, {"title", s.title}, {"score", to_json(s.score)}});
  }
  ordered_json items = ordered_json::array();
  for (const rules::ItemResult& r : a.items) items.push_back(to_json(r));
  const ordered_json doc{
      {"engine_version", a.engine_version},
      {"report_language", l.m->lang()},
      {"created_at", a.created_at},
      {"document",
       {{"path", a.document.path},
        {"sha256", a.document.sha256},
        {"format", a.document.format},
        {"title", a.document.title},
        {"kind", code(a.document.kind)},
        {"kind_source", a.document.kind_source},
        {"language", a.document.language},
        {"language_source", a.document.language_source},
        {"year", a.document.year},
        {"country", a.document.country},
        {"region", a.document.region},
        {"draft", a.document.draft},
        {"bytes", a.document.bytes},
        {"words", a.document.words},
        {"blocks", a.document.blocks}}},
      {"checklist",
       {{"id", a.checklist.id},
        {"version", a.checklist.version},
        {"title", a.checklist.title},
        {"sha256", a.checklist.sha256},
        {"provenance", a.checklist.provenance}}},
      {"summary", summary_json(summarise(a))},
      {"overall", to_json(a.overall)},
      {"sections", sections},
      {"items", items},
      {"self", team_json(a)},
  };
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace unct::report
