#include "engine/report/assessment.hpp"

#include "engine/report/localise.hpp"
#include "engine/report/markdown.hpp"
#include "engine/report/summary.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>

namespace unct::report {
namespace {

// The quote with its matched words in bold.
std::string highlighted(const rules::Evidence& e) { return marked(e, escape_markdown, "**", "**"); }

std::string item_name(const rules::ItemResult& item) {
  return escape_markdown(item.item_id) + " " + escape_markdown(item.title);
}

void render_summary(const Summary& s, const Messages& m, std::ostream& out) {
  out << "\n## " << m[Msg::summary] << "\n\n**"
      << m(Msg::overall_line, {std::to_string(s.engine.at_meets_or_above), std::to_string(s.engine.applicable),
                               percent(s.engine.at_meets_or_above, s.engine.applicable)})
      << "**; " << m(Msg::points_line, {points_text(s.engine.points), points_text(s.engine.max_points)}) << ".\n";
  if (s.team) {
    out << "\n"
        << m[Msg::engine_only] << " "
        << m(Msg::team_line, {std::to_string(s.team->at_meets_or_above), std::to_string(s.team->rated)}) << ".\n";
  }
  out << "\n### " << m[Msg::priorities] << "\n\n";
  if (s.priorities.empty()) out << m[Msg::no_priorities] << '\n';
  for (std::size_t i = 0; i < s.priorities.size(); ++i) {
    const rules::ItemResult& item = *s.priorities[i];
    out << i + 1 << ". **" << item_name(item) << "** (" << m.level(item.level) << ")"
        << (item.gap.empty() ? "" : ": " + escape_markdown(item.gap)) << '\n';
  }
  out << "\n### " << m[Msg::meeting] << "\n\n";
  if (s.meeting.empty()) out << m[Msg::none_meeting] << '\n';
  for (const rules::ItemResult* item : s.meeting) {
    out << "- " << item_name(*item) << " (" << escape_markdown(item_level_text(*item, m)) << ")\n";
  }
  const auto one_line = [&](Msg name, const std::vector<const rules::ItemResult*>& items, bool level) {
    if (items.empty()) return;
    out << "\n**" << m[name] << ":** ";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out << (i == 0 ? "" : "; ") << item_name(*items[i])
          << (level ? " (" + escape_markdown(item_level_text(*items[i], m)) + ")" : "");
    }
    out << ".\n";
  };
  one_line(Msg::self_reported_items, s.self_reported, true);
  one_line(Msg::not_assessable_items, s.not_assessable, false);
  one_line(Msg::not_applicable_items, s.not_applicable, false);
}

// The team's levels beside the engine's, then what the team claims and the engine did not find
// (overclaims) and what the engine found and the team did not claim (underclaims).
void render_team(const Assessment& a, const Messages& m, std::ostream& out) {
  if (a.self.empty()) return;
  out << "\n## " << m[Msg::team_and_engine] << "\n\n| " << m[Msg::item] << " | " << m[Msg::team] << " | "
      << m[Msg::engine] << " | " << m[Msg::team_justification] << " |\n| --- | --- | --- | --- |\n";
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    const bool own = item != nullptr && rules::self_reported(*item);
    out << "| " << escape_markdown(s.item_id) << " | " << m.level(s.level) << " | "
        << (own               ? std::string(m[Msg::needs_team_records])
            : item == nullptr ? std::string()
                              : escape_markdown(item_level_text(*item, m)))
        << " | " << escape_markdown(s.justification)
        << (s.source.empty() ? "" : " (" + std::string(m[Msg::source]) + ": " + escape_markdown(s.source) + ")")
        << " |\n";
  }
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    const bool over = d.claim == selfassess::Claim::overclaim;
    out << "\n### " << m[over ? Msg::overclaim : Msg::underclaim] << ": " << escape_markdown(d.item_id) << " "
        << escape_markdown(d.title) << " (" << m(Msg::team_engine_levels, {m.level(d.team), m.level(d.engine)})
        << ")\n\n";
    if (over) {
      out << m(Msg::overclaim_line, {m.level(d.team)}) << "\n\n";
      for (const std::string& c : d.not_evidenced) out << "- " << escape_markdown(c) << '\n';
    } else {
      out << m[Msg::engine_found] << "\n\n";
      for (const rules::Evidence& e : d.quotes)
        out << "> " << highlighted(e) << " (" << escape_markdown(place(e, m)) << ")\n>\n";
    }
  }
}

void render_gaps(const Summary& s, const Messages& m, std::ostream& out) {
  if (!s.priorities.empty()) out << "\n## " << m[Msg::gap_details] << '\n';
  for (const rules::ItemResult* item : s.priorities) {
    out << "\n### " << item_name(*item) << " (" << m.level(item->level) << ")\n\n";
    std::vector<const rules::CriterionResult*> missing;
    for (const std::string& id : item->unmet) {
      for (const rules::CriterionResult& c : item->criteria) {
        if (c.id == id) missing.push_back(&c);
      }
    }
    if (!missing.empty()) {
      out << m[Msg::not_found] << "\n\n";
      for (const rules::CriterionResult* c : missing) out << "- " << escape_markdown(c->text) << '\n';
      out << '\n';
    }
    if (item->review) out << "**" << m[Msg::reviewers_note] << "** " << escape_markdown(item->review->note) << "\n\n";
    // One quote per passage: criteria met by the same sentence show it once.
    std::vector<const rules::Evidence*> quotes;
    for (const rules::CriterionResult& c : item->criteria) {
      if (!c.met || c.evidence.empty()) continue;
      const rules::Evidence& e = c.evidence.front();
      const auto same =
          std::find_if(quotes.begin(), quotes.end(), [&](const rules::Evidence* q) { return q->quote == e.quote; });
      if (same == quotes.end())
        quotes.push_back(&e);
      else if (e.highlights.size() > (*same)->highlights.size())
        *same = &e;  // the one with more words found
    }
    if (!quotes.empty()) out << m[Msg::found_so_far] << "\n\n";
    for (const rules::Evidence* e : quotes)
      out << "- " << highlighted(*e) << " (" << escape_markdown(place(*e, m)) << ")\n";
  }
}

}  // namespace

void render_markdown(const Assessment& assessment, std::ostream& out, const RenderOptions& options) {
  const Localised l = localise(assessment, options.checklist, options.lang);
  const Messages& m = *l.m;
  const Assessment& a = l.assessment;
  const Summary s = summarise(a);
  const DocumentSummary& d = a.document;
  out << "# " << escape_markdown(d.title.empty() ? d.path : d.title) << "\n\n"
      << "- **" << m[Msg::document] << ":** " << escape_markdown(d.path) << " (" << d.format << ", " << m.kind(d.kind)
      << ")\n";
  if (!d.country.empty()) out << "- **" << m[Msg::country] << ":** " << escape_markdown(d.country) << '\n';
  if (d.year > 0) out << "- **" << m[Msg::year] << ":** " << d.year << '\n';
  if (!d.language.empty()) out << "- **" << m[Msg::language] << ":** " << d.language << '\n';
  out << "- "
      << escape_markdown(
             m(Msg::rated_against, {a.checklist.title, a.checklist.id, a.checklist.version, a.engine_version}) +
             (a.created_at.empty() ? "" : m(Msg::on_date, {a.created_at})))
      << "\n\n"
      << "> " << escape_markdown(a.checklist.provenance) << "\n";

  render_summary(s, m, out);

  out << "\n## " << m[Msg::items_by_section] << "\n\n| | " << m[Msg::meeting] << " |\n| --- | --- |\n";
  for (const SectionScore& section : a.sections) {
    out << "| " << escape_markdown(section.title) << " | " << escape_markdown(section_figure(a, section, m)) << " |\n";
  }

  bool reviews = false;
  for (const rules::ItemResult& item : a.items) {
    if (!item.review) continue;
    if (!reviews) out << "\n## " << m[Msg::reviewer_overrides] << "\n\n";
    reviews = true;
    out << "- **" << escape_markdown(item.item_id) << "** " << m.level(item.level) << ", "
        << escape_markdown(reviewed(*item.review, m)) << ": " << escape_markdown(item.review->note) << '\n';
  }

  render_team(a, m, out);
  render_gaps(s, m, out);
}

}  // namespace unct::report
