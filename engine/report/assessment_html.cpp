#include "engine/report/assessment.hpp"

#include "engine/report/html.hpp"
#include "engine/report/layout.hpp"
#include "engine/report/localise.hpp"
#include "engine/report/summary.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>

namespace unct::report {
namespace {

std::string badge(const rules::ItemResult& item, const Messages& m) {
  if (item.external && !item.applicable) {
    return "<span class=\"badge external\">" + escape_html(m[Msg::not_assessable]) + "</span>";
  }
  if (!item.applicable) return level_badge(std::nullopt, m);
  return level_badge(item.level, m);
}

std::string quote_html(const rules::Evidence& e) { return marked(e, escape_html, "<mark>", "</mark>"); }

std::string item_link(const rules::ItemResult& item) {
  return "<a href=\"#" + escape_html(item.item_id) + "\">" + escape_html(item.item_id) + " " + escape_html(item.title) +
         "</a>";
}

// The title cut to `width` characters, with "..." when cut.
std::string short_title(std::string_view title, std::size_t width) {
  std::string out = fit(title, width);
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}

// One row per item: its id and title, then a bar as long as the level reached (Missing a stub),
// coloured by the level.
void chart(const Assessment& a, const SectionScore& section, const Messages& m, std::ostream& out) {
  std::vector<const rules::ItemResult*> items;
  for (const rules::ItemResult& item : a.items) {
    if (item.section_id == section.id && item.applicable) items.push_back(&item);
  }
  if (items.empty()) return;
  const int label_width = 330;
  const int step = 90;  // per level
  const int row = 20;
  const int width = label_width + 3 * step + 60;
  const int height = 22 + static_cast<int>(items.size()) * row;
  out << "<svg role=\"img\" aria-label=\"" << escape_html(m(Msg::chart_label, {section.title})) << "\" width=\""
      << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << ' ' << height << "\">\n";
  for (int level = 0; level <= 3; ++level) {
    const int x = label_width + level * step;
    out << "<line x1=\"" << x << "\" x2=\"" << x << "\" y1=\"16\" y2=\"" << height << "\" stroke=\"#e3e3e3\"/>"
        << "<text x=\"" << x << "\" y=\"11\" text-anchor=\"middle\">" << escape_html(m.level(static_cast<Level>(level)))
        << "</text>\n";
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const rules::ItemResult& item = *items[i];
    const int y = 20 + static_cast<int>(i) * row;
    const int length = std::max(4, static_cast<int>(item.level) * step);
    out << "<text x=\"0\" y=\"" << y + 12 << "\">" << escape_html(short_title(item.title, 52)) << "</text>"
        << "<rect x=\"" << label_width << "\" y=\"" << y + 2 << "\" width=\"" << length << "\" height=\"" << row - 6
        << "\" class=\"bar " << code(item.level) << "\"><title>" << escape_html(item.item_id) << " "
        << escape_html(item.title) << ": " << escape_html(m.un_level(item.level)) << "</title></rect>\n";
  }
  out << "</svg>\n";
}

void item_html(const rules::ItemResult& item, const checklist::Checklist* checklist, const Messages& m,
               std::ostream& out) {
  out << "<div class=\"item\" id=\"" << escape_html(item.item_id) << "\">\n<h3>" << escape_html(item.item_id) << " "
      << escape_html(item.title) << " " << badge(item, m)
      << (rules::self_reported(item) ? " <span class=\"place\">(" + escape_html(m[Msg::self_reported]) + ")</span>"
                                     : "")
      << "</h3>\n";
  if (item.review) {
    out << "<p class=\"review\"><strong>" << escape_html(reviewed(*item.review, m)) << ":</strong> "
        << escape_html(item.review->note) << "</p>\n";
  }
  if (checklist != nullptr) {
    if (const checklist::Item* source = checklist::find_item(*checklist, item.item_id)) {
      const checklist::Translation* t = checklist::find_translation(*source, m.lang());
      out << "<p class=\"question\">" << escape_html(t != nullptr ? t->question : source->question) << "</p>\n";
    }
  }
  out << "<ul class=\"criteria\">\n";
  for (const rules::CriterionResult& c : item.criteria) {
    out << "<li class=\"" << (c.met ? "met" : "unmet") << "\">" << escape_html(c.text) << " <span class=\"place\">("
        << escape_html(m.level(c.level)) << ")</span>";
    for (const rules::Evidence& e : c.evidence) {
      out << "<blockquote>" << quote_html(e) << " <span class=\"place\">" << escape_html(place(e, m))
          << "</span></blockquote>";
    }
    out << "</li>\n";
  }
  out << "</ul>\n";
  if (item.level < Level::meets && !item.gap.empty()) {
    out << "<p class=\"gap\"><strong>" << escape_html(m[Msg::to_reach_meets]) << "</strong> " << escape_html(item.gap)
        << "</p>\n";
  }
  out << "</div>\n";
}

void summary_html(const Summary& s, const Messages& m, std::ostream& out) {
  out << "<h2>" << escape_html(m[Msg::summary]) << "</h2>\n<p class=\"overall\"><strong>"
      << escape_html(
             m(Msg::overall_line, {std::to_string(s.engine.at_meets_or_above), std::to_string(s.engine.applicable),
                                   percent(s.engine.at_meets_or_above, s.engine.applicable)}))
      << "</strong>; "
      << escape_html(m(Msg::points_line, {points_text(s.engine.points), points_text(s.engine.max_points)}))
      << ".</p>\n";
  if (s.team) {
    out << "<p class=\"note\">" << escape_html(m[Msg::engine_only]) << "<br>"
        << escape_html(m(Msg::team_line, {std::to_string(s.team->at_meets_or_above), std::to_string(s.team->rated)}))
        << ".</p>\n";
  }
  out << "<h3>" << escape_html(m[Msg::priorities]) << "</h3>\n";
  if (s.priorities.empty()) out << "<p>" << escape_html(m[Msg::no_priorities]) << "</p>\n";
  if (!s.priorities.empty()) out << "<ol class=\"priorities\">\n";
  for (const rules::ItemResult* item : s.priorities) {
    out << "<li>" << item_link(*item) << " " << badge(*item, m);
    if (!item->gap.empty()) out << "<br>" << escape_html(item->gap);
    out << "</li>\n";
  }
  if (!s.priorities.empty()) out << "</ol>\n";
  out << "<h3>" << escape_html(m[Msg::meeting]) << "</h3>\n";
  if (s.meeting.empty()) out << "<p>" << escape_html(m[Msg::none_meeting]) << "</p>\n";
  if (!s.meeting.empty()) out << "<ul class=\"meeting\">\n";
  for (const rules::ItemResult* item : s.meeting)
    out << "<li>" << item_link(*item) << " " << badge(*item, m) << "</li>\n";
  if (!s.meeting.empty()) out << "</ul>\n";
  // The rest folded away, one line each: a reader opens them when they need them.
  const auto folded = [&](Msg name, const std::vector<const rules::ItemResult*>& items, bool linked) {
    if (items.empty()) return;
    out << "<details><summary>" << escape_html(m[name]) << " (" << items.size() << ")</summary>\n<ul>\n";
    for (const rules::ItemResult* item : items) {
      out << "<li>"
          << (linked ? item_link(*item) + " " + badge(*item, m)
                     : escape_html(item->item_id + " " + item->title) + " <span class=\"place\">" +
                           escape_html(item->not_applicable_reason) + "</span>")
          << "</li>\n";
    }
    out << "</ul>\n</details>\n";
  };
  folded(Msg::self_reported_items, s.self_reported, true);
  folded(Msg::not_assessable_items, s.not_assessable, false);
  folded(Msg::not_applicable_items, s.not_applicable, false);
}

// The country team's ratings beside the engine's, then each over- and underclaim.
void team_html(const Assessment& a, const Messages& m, std::ostream& out) {
  if (a.self.empty()) return;
  out << "<h2>" << escape_html(m[Msg::team_and_engine]) << "</h2>\n<table class=\"levels\">\n<tr><th>"
      << escape_html(m[Msg::item]) << "</th><th>" << escape_html(m[Msg::team]) << "</th><th>"
      << escape_html(m[Msg::engine]) << "</th><th>" << escape_html(m[Msg::team_justification]) << "</th></tr>\n";
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    out << "<tr><td>" << escape_html(s.item_id) << (item != nullptr ? " " + escape_html(item->title) : "")
        << "</td><td>" << level_badge(s.level, m) << "</td><td>";
    if (item != nullptr && !rules::self_reported(*item))
      out << level_badge(item->level, m);
    else
      out << escape_html(m[Msg::needs_team_records]);
    out << "</td><td>" << escape_html(s.justification)
        << (s.source.empty() ? "" : " <span class=\"place\">(" + escape_html(s.source) + ")</span>") << "</td></tr>\n";
  }
  out << "</table>\n";
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    const bool over = d.claim == selfassess::Claim::overclaim;
    out << "<div class=\"claim\"><h3>" << escape_html(m[over ? Msg::overclaim : Msg::underclaim]) << ": "
        << escape_html(d.item_id) << " " << escape_html(d.title) << "</h3>\n<p>"
        << escape_html(m(Msg::team_engine_levels, {m.level(d.team), m.level(d.engine)})) << "</p>\n";
    if (over) {
      out << "<p>" << escape_html(m[Msg::not_found]) << "</p>\n<ul>\n";
      for (const std::string& c : d.not_evidenced) out << "<li>" << escape_html(c) << "</li>\n";
      out << "</ul>\n";
    } else {
      out << "<p>" << escape_html(m[Msg::engine_found]) << "</p>\n";
      for (const rules::Evidence& e : d.quotes) {
        out << "<blockquote>" << quote_html(e) << " <span class=\"place\">" << escape_html(place(e, m))
            << "</span></blockquote>\n";
      }
    }
    out << "</div>\n";
  }
}

}  // namespace

void render_html(const Assessment& assessment, std::ostream& out, const RenderOptions& options) {
  const Localised l = localise(assessment, options.checklist, options.lang);
  const Messages& m = *l.m;
  const Assessment& a = l.assessment;
  const Summary s = summarise(a);
  const DocumentSummary& d = a.document;
  const std::string title = d.title.empty() ? d.path : d.title;
  out << "<!DOCTYPE html>\n<html lang=\"" << escape_html(m.lang()) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_html(title) << " - unct-assess</title>\n<style>" << k_style
      << "</style>\n</head>\n<body>\n"
      << "<h1>" << escape_html(title) << "</h1>\n"
      << "<p class=\"meta\">" << escape_html(m.kind(d.kind));
  if (!d.country.empty()) out << " &middot; " << escape_html(d.country);
  if (d.year > 0) out << " &middot; " << d.year;
  if (!d.language.empty()) out << " &middot; " << escape_html(m[Msg::language]) << " " << escape_html(d.language);
  out << " &middot; " << escape_html(d.path) << "</p>\n"
      << "<p class=\"meta\">"
      << escape_html(m(Msg::rated_against, {a.checklist.title, a.checklist.id, a.checklist.version, a.engine_version}) +
                     (a.created_at.empty() ? "" : m(Msg::on_date, {a.created_at})))
      << ".</p>\n"
      << "<p class=\"note\">" << escape_html(a.checklist.provenance) << "</p>\n";

  summary_html(s, m, out);

  out << "<h2>" << escape_html(m[Msg::items_by_section]) << "</h2>\n<table class=\"levels\">\n";
  for (const SectionScore& section : a.sections) {
    out << "<tr><td>" << escape_html(section.title) << "</td><td>" << escape_html(section_figure(a, section, m))
        << "</td></tr>\n";
  }
  out << "</table>\n";

  for (const SectionScore& section : a.sections) {
    const bool any = std::any_of(a.items.begin(), a.items.end(), [&](const rules::ItemResult& item) {
      return item.section_id == section.id && item.applicable;
    });
    if (!any) continue;  // its items are listed, folded, in the summary
    out << "<h2>" << escape_html(section.title) << "</h2>\n";
    chart(a, section, m, out);
    for (const rules::ItemResult& item : a.items) {
      if (item.section_id == section.id && item.applicable) item_html(item, l.checklist, m, out);
    }
  }

  team_html(a, m, out);
  out << "</body>\n</html>\n";
}

void render_item_html(const Assessment& assessment, const std::string& item_id, std::ostream& out,
                      const RenderOptions& options) {
  const Localised l = localise(assessment, options.checklist, options.lang);
  for (const rules::ItemResult& item : l.assessment.items) {
    if (item.item_id == item_id) item_html(item, l.checklist, *l.m, out);
  }
}

}  // namespace unct::report
