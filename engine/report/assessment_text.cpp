#include "engine/report/assessment.hpp"

#include "engine/core/ascii.hpp"
#include "engine/report/layout.hpp"
#include "engine/report/localise.hpp"
#include "engine/report/summary.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>
#include <iomanip>

namespace unct::report {
namespace {

const rules::CriterionResult* find(const rules::ItemResult& item, const std::string& id) {
  for (const rules::CriterionResult& c : item.criteria) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::string heading(std::string_view text) { return text::to_upper(text); }

void render_header(const Assessment& a, const Messages& m, std::ostream& out) {
  out << a.checklist.title << '\n'
      << m(Msg::checklist_line, {a.checklist.id, a.checklist.version, a.engine_version}) << '\n';
  out << wrap(std::string(m[Msg::note]) + ": " + a.checklist.provenance, 0) << '\n';
  const DocumentSummary& d = a.document;
  const Msg kind_note = d.kind_source == "given"      ? Msg::kind_given
                        : d.kind_source == "detected" ? Msg::kind_detected
                                                      : Msg::kind_assumed;
  const auto row = [&](Msg name, const std::string& value) { out << fit(m[name], 10) << value << '\n'; };
  row(Msg::document, d.path);
  row(Msg::title, d.title);
  row(Msg::kind, std::string(m.kind(d.kind)) + " " + std::string(m[kind_note]));
  row(Msg::language, (d.language.empty() ? std::string(m[Msg::language_unknown]) : d.language) +
                         (d.language_source == "given" ? " " + std::string(m[Msg::kind_given]) : ""));
  row(Msg::country, d.country.empty() ? std::string(m[Msg::not_in_title]) : d.country);
  row(Msg::year, d.year > 0 ? std::to_string(d.year) : std::string(m[Msg::not_in_title]));
  row(Msg::size, m(Msg::words_in_blocks, {std::to_string(d.words), std::to_string(d.blocks)}));
  out << '\n';
}

// The overall figure, the priorities with what to add, the items at the bar, then the rest in
// one line each.
void render_summary(const Assessment& a, const Summary& s, const Messages& m, std::ostream& out) {
  out << heading(m[Msg::summary]) << '\n';
  out << "  "
      << m(Msg::overall_line, {std::to_string(s.engine.at_meets_or_above), std::to_string(s.engine.applicable),
                               percent(s.engine.at_meets_or_above, s.engine.applicable)})
      << "; " << m(Msg::points_line, {points_text(s.engine.points), points_text(s.engine.max_points)}) << '\n';
  std::string counts;
  for (Level level : {Level::exceeds, Level::meets, Level::approaches, Level::missing}) {
    const auto n = std::count_if(a.items.begin(), a.items.end(), [&](const rules::ItemResult& r) {
      return r.applicable && !rules::self_reported(r) && r.level == level;
    });
    counts += (counts.empty() ? "" : " | ") + std::string(m.level(level)) + ' ' + std::to_string(n);
  }
  out << "  " << counts << '\n';
  if (s.team) {
    out << wrap(m[Msg::engine_only], 2) << "  "
        << m(Msg::team_line, {std::to_string(s.team->at_meets_or_above), std::to_string(s.team->rated)}) << '\n';
  }

  out << '\n' << "  " << heading(m[Msg::priorities]) << '\n';
  if (s.priorities.empty()) out << "  " << m[Msg::no_priorities] << '\n';
  for (std::size_t i = 0; i < s.priorities.size(); ++i) {
    const rules::ItemResult& item = *s.priorities[i];
    out << "  " << fit(std::to_string(i + 1) + ".", 4) << fit(item.item_id, 13) << item.title << " ("
        << m.level(item.level) << ")\n";
    if (!item.gap.empty()) out << wrap(item.gap, 19);
  }

  out << '\n' << "  " << heading(m[Msg::meeting]) << '\n';
  if (s.meeting.empty()) out << "  " << m[Msg::none_meeting] << '\n';
  for (const rules::ItemResult* item : s.meeting) {
    out << "      " << fit(item->item_id, 13) << fit(item->title, 66) << ' ' << item_level_text(*item, m) << '\n';
  }

  const auto one_line_each = [&](Msg name, const std::vector<const rules::ItemResult*>& items, bool level) {
    if (items.empty()) return;
    out << '\n' << wrap(heading(m[name]), 2);
    for (const rules::ItemResult* item : items) {
      out << "      " << fit(item->item_id, 13)
          << (level ? fit(item->title, 66) + ' ' + item_level_text(*item, m) : item->title) << '\n';
    }
  };
  one_line_each(Msg::self_reported_items, s.self_reported, true);
  one_line_each(Msg::not_assessable_items, s.not_assessable, false);
  one_line_each(Msg::not_applicable_items, s.not_applicable, false);
  out << '\n';
}

void render_sections(const Assessment& a, const Messages& m, std::ostream& out) {
  out << heading(m[Msg::items_by_section]) << '\n';
  for (const SectionScore& section : a.sections) {
    out << wrap(m(Msg::colon, {section.title, section_figure(a, section, m)}), 2);
  }
  out << '\n';
}

void render_reviews(const Assessment& a, const Messages& m, std::ostream& out) {
  bool heading_written = false;
  for (const rules::ItemResult& item : a.items) {
    if (!item.review) continue;
    if (!heading_written) out << heading(m[Msg::reviewer_overrides]) << '\n';
    heading_written = true;
    out << "  " << item.item_id << "  " << m.level(item.level) << ", " << reviewed(*item.review, m) << '\n'
        << wrap(item.review->note, 4);
  }
  if (heading_written) out << '\n';
}

// The team's levels beside the engine's, with each overclaim (what the engine did not find) and
// underclaim (what it found).
void render_team(const Assessment& a, const Messages& m, std::ostream& out) {
  if (a.self.empty()) return;
  out << heading(m[Msg::team_and_engine]) << '\n'
      << "  " << fit(m[Msg::item], 13) << fit(m[Msg::team], 12) << m[Msg::engine] << '\n';
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    std::string engine(m[Msg::needs_team_records]);
    if (item != nullptr && !rules::self_reported(*item)) engine = std::string(m.level(item->level));
    out << "  " << fit(s.item_id, 13) << fit(m.level(s.level), 12) << engine << '\n';
  }
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    const bool over = d.claim == selfassess::Claim::overclaim;
    out << "\n  " << fit(heading(m[over ? Msg::overclaim : Msg::underclaim]), 11) << d.item_id << "  " << d.title
        << ": " << m(Msg::team_engine_levels, {m.level(d.team), m.level(d.engine)}) << '\n';
    if (!d.justification.empty()) out << wrap(std::string(m[Msg::team]) + ": " + d.justification, 4);
    if (over) {
      out << "    " << m[Msg::not_found] << '\n';
      for (const std::string& c : d.not_evidenced) out << wrap("- " + c, 6);
    } else {
      out << "    " << m[Msg::engine_found] << '\n';
      for (const rules::Evidence& e : d.quotes) out << wrap("\"" + e.quote + "\" (" + place(e, m) + ")", 6);
    }
  }
  out << '\n';
}

// Each priority again, with what the engine did not find and what it found so far.
void render_gaps(const Summary& s, const Messages& m, std::ostream& out) {
  if (!s.priorities.empty()) out << heading(m[Msg::gap_details]) << '\n';
  for (const rules::ItemResult* item : s.priorities) {
    out << "\n  " << item->item_id << "  " << item->title << " (" << m.level(item->level) << ")\n";
    if (!item->unmet.empty()) {
      out << "    " << m[Msg::not_found] << '\n';
      for (const std::string& id : item->unmet) {
        if (const rules::CriterionResult* c = find(*item, id)) out << wrap("- " + c->text, 6);
      }
    }
    if (item->review) out << "    " << m[Msg::reviewers_note] << '\n' << wrap(item->review->note, 6);
    if (const rules::Evidence* e = rules::best_evidence(*item)) {
      out << "    " << m[Msg::found_so_far] << '\n' << wrap("\"" + e->quote + "\" (" + place(*e, m) + ")", 6);
    }
  }

  std::vector<const rules::ItemResult*> next;
  for (const rules::ItemResult* item : s.meeting) {
    if (item->level == Level::meets && !item->unmet.empty()) next.push_back(item);
  }
  if (next.empty()) return;
  out << '\n' << heading(m[Msg::to_reach_exceeds]) << '\n';
  for (const rules::ItemResult* item : next) {
    out << "\n  " << item->item_id << "  " << item->title << '\n';
    for (const std::string& id : item->unmet) {
      if (const rules::CriterionResult* c = find(*item, id)) out << wrap("- " + c->text, 6);
    }
  }
}

}  // namespace

void render_text(const Assessment& assessment, std::ostream& out, const RenderOptions& options) {
  const Localised l = localise(assessment, options.checklist, options.lang);
  const Summary s = summarise(l.assessment);
  render_header(l.assessment, *l.m, out);
  render_summary(l.assessment, s, *l.m, out);
  render_sections(l.assessment, *l.m, out);
  render_reviews(l.assessment, *l.m, out);
  render_team(l.assessment, *l.m, out);
  render_gaps(s, *l.m, out);
}

namespace {

void render_trace(const rules::Trace& trace, std::size_t depth, std::ostream& out) {
  const std::size_t indent = 6 + 4 * depth;
  out << wrap(std::string(trace.holds ? "[yes] " : "[no]  ") + trace.signal + ": " + trace.detail, indent);
  for (const std::string& place : trace.found) out << wrap("- " + place, indent + 6);
  for (const rules::Trace& child : trace.children) render_trace(child, depth + 1, out);
}

}  // namespace

void render_explanation(const rules::ItemResult& item, std::ostream& out) {
  out << item.item_id << "  " << item.title << '\n';
  if (!item.applicable) {
    out << "  " << (item.external ? "Not assessable" : "Not applicable") << ": " << item.not_applicable_reason << "\n";
    return;
  }
  out << "  Level: " << label(item.level) << "\n\n";
  for (const rules::CriterionResult& c : item.criteria) {
    out << wrap(
        std::string(c.met ? "[met]     " : "[not met] ") + c.id + " (" + std::string(code(c.level)) + "): " + c.text,
        2);
    if (c.trace) render_trace(*c.trace, 0, out);
    out << '\n';
  }
}

void render_timings(const Timings& timings, std::ostream& out) {
  out << "Timings (seconds)\n";
  for (const auto& [phase, seconds] : timings.phases()) {
    out << "  " << fit(phase, 12) << std::fixed << std::setprecision(4) << seconds << '\n';
  }
  out << "  " << fit("total", 12) << std::fixed << std::setprecision(4) << timings.total() << '\n';
  for (const auto& [phase, seconds] : timings.phases()) {
    if (phase == "scan" && seconds > 0 && timings.scanned() > 0) {
      out << "  scan throughput: " << std::setprecision(1) << static_cast<double>(timings.scanned()) / seconds / 1e6
          << " MB/s over " << timings.scanned() << " bytes of normalised text\n";
    }
  }
  out.unsetf(std::ios::floatfield);
}

}  // namespace unct::report
