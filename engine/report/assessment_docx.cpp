#include "engine/report/assessment.hpp"

#include "engine/report/docx.hpp"
#include "engine/report/localise.hpp"
#include "engine/report/summary.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>

namespace unct::report {
namespace {

std::string colour(const rules::ItemResult& item) {
  if (!item.applicable) return std::string(k_colour_grey);
  switch (item.level) {
    case Level::missing: return std::string(k_colour_missing);
    case Level::approaches: return std::string(k_colour_approaches);
    case Level::meets: return std::string(k_colour_meets);
    case Level::exceeds: return std::string(k_colour_exceeds);
  }
  return std::string(k_colour_grey);
}

// The level as a coloured badge: white letters on the level's colour.
Span badge(const rules::ItemResult& item, const Messages& m) {
  return Span{.text = " " + item_level_text(item, m) + " ", .bold = true, .colour = "FFFFFF", .fill = colour(item)};
}

Span plain(std::string text) { return Span{.text = std::move(text)}; }
Span bold(std::string text) { return Span{.text = std::move(text), .bold = true}; }
Span small(std::string text) { return Span{.text = std::move(text), .colour = "666666", .small = true}; }

// The quote with its matched words highlighted, then its place.
std::vector<Span> quote(const rules::Evidence& e, const Messages& m) {
  std::vector<Span> runs;
  std::size_t at = 0;
  for (const auto& [begin, end] : e.highlights) {
    if (begin < at || end > e.quote.size() || begin >= end) continue;
    runs.push_back(plain(e.quote.substr(at, begin - at)));
    runs.push_back(Span{.text = e.quote.substr(begin, end - begin), .marked = true});
    at = end;
  }
  runs.push_back(plain(e.quote.substr(std::min(at, e.quote.size()))));
  runs.push_back(small("  " + place(e, m)));
  return runs;
}

void summary(const Summary& s, const Messages& m, WordDocument& doc) {
  doc.paragraph(ParagraphStyle::heading1, m[Msg::summary]);
  doc.paragraph(
      ParagraphStyle::normal,
      {bold(m(Msg::overall_line, {std::to_string(s.engine.at_meets_or_above), std::to_string(s.engine.applicable),
                                  percent(s.engine.at_meets_or_above, s.engine.applicable)})),
       plain("; " + m(Msg::points_line, {points_text(s.engine.points), points_text(s.engine.max_points)}) + ".")});
  if (s.team) {
    doc.paragraph(ParagraphStyle::note,
                  std::string(m[Msg::engine_only]) + " " +
                      m(Msg::team_line, {std::to_string(s.team->at_meets_or_above), std::to_string(s.team->rated)}) +
                      ".");
  }
  doc.paragraph(ParagraphStyle::heading2, m[Msg::priorities]);
  if (s.priorities.empty()) {
    doc.paragraph(ParagraphStyle::normal, m[Msg::no_priorities]);
  } else {
    std::vector<std::vector<TableCell>> rows{{TableCell{{plain("#")}}, TableCell{{plain(std::string(m[Msg::item]))}},
                                              TableCell{{plain(std::string(m[Msg::level]))}},
                                              TableCell{{plain(std::string(m[Msg::what_to_add]))}}}};
    for (std::size_t i = 0; i < s.priorities.size(); ++i) {
      const rules::ItemResult& item = *s.priorities[i];
      rows.push_back(
          {TableCell{{plain(std::to_string(i + 1))}}, TableCell{{bold(item.item_id), plain(" " + item.title)}},
           TableCell{{Span{.text = std::string(m.level(item.level)), .bold = true, .colour = "FFFFFF"}}, colour(item)},
           TableCell{{plain(item.gap)}}});
    }
    doc.table({400, 2500, 1500, 5200}, rows);
  }
  doc.paragraph(ParagraphStyle::heading2, m[Msg::meeting]);
  if (s.meeting.empty()) doc.paragraph(ParagraphStyle::normal, m[Msg::none_meeting]);
  for (const rules::ItemResult* item : s.meeting) {
    doc.paragraph(ParagraphStyle::list, {bold(item->item_id), plain(" " + item->title + "  "), badge(*item, m)});
  }
  const auto one_line = [&](Msg name, const std::vector<const rules::ItemResult*>& items) {
    if (items.empty()) return;
    std::string line;
    for (const rules::ItemResult* item : items) line += (line.empty() ? "" : "; ") + item->item_id + " " + item->title;
    doc.paragraph(ParagraphStyle::normal, {bold(std::string(m[name]) + ": "), small(line + ".")});
  };
  one_line(Msg::self_reported_items, s.self_reported);
  one_line(Msg::not_assessable_items, s.not_assessable);
  one_line(Msg::not_applicable_items, s.not_applicable);
}

void item_section(const rules::ItemResult& item, const checklist::Checklist* checklist, const Messages& m,
                  WordDocument& doc) {
  doc.paragraph(ParagraphStyle::heading3, {plain(item.item_id + " " + item.title + "  "), badge(item, m)});
  if (item.review) doc.paragraph(ParagraphStyle::note, reviewed(*item.review, m) + ": " + item.review->note);
  if (checklist != nullptr) {
    if (const checklist::Item* source = checklist::find_item(*checklist, item.item_id)) {
      const checklist::Translation* t = checklist::find_translation(*source, m.lang());
      doc.paragraph(ParagraphStyle::normal,
                    {Span{.text = t != nullptr ? t->question : source->question, .italic = true, .colour = "333333"}});
    }
  }
  for (const rules::CriterionResult& c : item.criteria) {
    doc.paragraph(ParagraphStyle::list, {Span{.text = c.met ? "\u2713 " : "\u2717 ",
                                              .bold = true,
                                              .colour = std::string(c.met ? k_colour_meets : k_colour_missing)},
                                         plain(c.text), small(" (" + std::string(m.level(c.level)) + ")")});
    for (const rules::Evidence& e : c.evidence) doc.paragraph(ParagraphStyle::quote, quote(e, m));
  }
  if (item.level < Level::meets && !item.gap.empty()) {
    doc.paragraph(ParagraphStyle::note, {bold(std::string(m[Msg::to_reach_meets]) + " "), plain(item.gap)});
  }
}

void team(const Assessment& a, const Messages& m, WordDocument& doc) {
  if (a.self.empty()) return;
  doc.paragraph(ParagraphStyle::heading1, m[Msg::team_and_engine]);
  std::vector<std::vector<TableCell>> rows{
      {TableCell{{plain(std::string(m[Msg::item]))}}, TableCell{{plain(std::string(m[Msg::team]))}},
       TableCell{{plain(std::string(m[Msg::engine]))}}, TableCell{{plain(std::string(m[Msg::team_justification]))}}}};
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    const bool own = item == nullptr || rules::self_reported(*item);
    rows.push_back(
        {TableCell{{plain(s.item_id)}}, TableCell{{plain(std::string(m.level(s.level)))}},
         TableCell{{plain(own ? std::string(m[Msg::needs_team_records]) : std::string(m.level(item->level)))}},
         TableCell{{plain(s.justification + (s.source.empty() ? "" : " (" + s.source + ")"))}}});
  }
  doc.table({1700, 1300, 1900, 4700}, rows);
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    const bool over = d.claim == selfassess::Claim::overclaim;
    doc.paragraph(ParagraphStyle::heading3,
                  std::string(m[over ? Msg::overclaim : Msg::underclaim]) + ": " + d.item_id + " " + d.title);
    doc.paragraph(ParagraphStyle::normal, m(Msg::team_engine_levels, {m.level(d.team), m.level(d.engine)}));
    if (over) {
      doc.paragraph(ParagraphStyle::normal, m[Msg::not_found]);
      for (const std::string& c : d.not_evidenced) doc.paragraph(ParagraphStyle::list, "\u2717 " + c);
    } else {
      doc.paragraph(ParagraphStyle::normal, m[Msg::engine_found]);
      for (const rules::Evidence& e : d.quotes) doc.paragraph(ParagraphStyle::quote, quote(e, m));
    }
  }
}

}  // namespace

void render_docx(const Assessment& assessment, std::ostream& out, const RenderOptions& options) {
  const Localised l = localise(assessment, options.checklist, options.lang);
  const Messages& m = *l.m;
  const Assessment& a = l.assessment;
  const Summary s = summarise(a);
  const DocumentSummary& d = a.document;
  const std::string title = d.title.empty() ? d.path : d.title;

  WordDocument doc(m.lang());
  doc.paragraph(ParagraphStyle::title, title);
  std::string meta(m.kind(d.kind));
  if (!d.country.empty()) meta += " \u00b7 " + d.country;
  if (d.year > 0) meta += " \u00b7 " + std::to_string(d.year);
  if (!d.language.empty()) meta += " \u00b7 " + std::string(m[Msg::language]) + " " + d.language;
  doc.paragraph(ParagraphStyle::normal, {small(meta + " \u00b7 " + d.path)});
  doc.paragraph(
      ParagraphStyle::normal,
      {small(m(Msg::rated_against, {a.checklist.title, a.checklist.id, a.checklist.version, a.engine_version}) +
             (a.created_at.empty() ? "" : m(Msg::on_date, {a.created_at})) + ".")});
  doc.paragraph(ParagraphStyle::note, a.checklist.provenance);

  summary(s, m, doc);

  doc.paragraph(ParagraphStyle::heading1, m[Msg::items_by_section]);
  std::vector<std::vector<TableCell>> sections{
      {TableCell{{plain("")}}, TableCell{{plain(std::string(m[Msg::meeting]))}}}};
  for (const SectionScore& section : a.sections) {
    sections.push_back({TableCell{{plain(section.title)}}, TableCell{{plain(section_figure(a, section, m))}}});
  }
  doc.table({4300, 5300}, sections);

  for (const SectionScore& section : a.sections) {
    const bool any = std::any_of(a.items.begin(), a.items.end(), [&](const rules::ItemResult& item) {
      return item.section_id == section.id && item.applicable;
    });
    if (!any) continue;  // its items are listed in the summary
    doc.paragraph(ParagraphStyle::heading1, section.title);
    for (const rules::ItemResult& item : a.items) {
      if (item.section_id == section.id && item.applicable) item_section(item, l.checklist, m, doc);
    }
  }
  team(a, m, doc);
  out << doc.finish(title);
}

}  // namespace unct::report
