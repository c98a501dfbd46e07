#include "engine/report/assessment.hpp"

#include "engine/report/html.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>

namespace unct::report {
namespace {

std::string level_class(const rules::ItemResult& item) {
  if (item.external) return "external";
  if (!item.applicable) return "na";
  return std::string(code(item.level));
}

std::string badge(const rules::ItemResult& item) {
  std::string text = item.external      ? "Not assessable from the document"
                     : !item.applicable ? "Not applicable"
                                        : un_label(item.level);
  return "<span class=\"badge " + level_class(item) + "\">" + escape_html(text) + "</span>";
}

std::string quote_html(const rules::Evidence& e) { return marked(e, escape_html, "<mark>", "</mark>"); }

// One bar per item, its height the level reached (Missing a stub), its colour the level.
void chart(const Assessment& a, const SectionScore& section, std::ostream& out) {
  std::vector<const rules::ItemResult*> items;
  for (const rules::ItemResult& item : a.items) {
    if (item.section_id == section.id && item.applicable) items.push_back(&item);
  }
  if (items.empty()) return;
  const int bar = 26;
  const int gap = 8;
  const int height = 90;
  const int width = static_cast<int>(items.size()) * (bar + gap) + 60;
  out << "<svg role=\"img\" aria-label=\"Levels of the " << escape_html(section.title) << " items\" width=\"" << width
      << "\" height=\"" << height + 40 << "\" viewBox=\"0 0 " << width << ' ' << height + 40 << "\">\n";
  for (int level = 0; level <= 3; ++level) {
    const int y = height - level * (height - 10) / 3;
    out << "<line x1=\"56\" x2=\"" << width << "\" y1=\"" << y << "\" y2=\"" << y << "\" stroke=\"#e3e3e3\"/>"
        << "<text x=\"0\" y=\"" << y + 3 << "\">" << label(static_cast<Level>(level)) << "</text>\n";
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const rules::ItemResult& item = *items[i];
    const int points = static_cast<int>(item.level);
    const int h = std::max(3, points * (height - 10) / 3);
    const int x = 60 + static_cast<int>(i) * (bar + gap);
    const std::string number = item.item_id.substr(item.item_id.rfind('-') + 1);
    out << "<rect x=\"" << x << "\" y=\"" << height - h << "\" width=\"" << bar << "\" height=\"" << h
        << "\" class=\"bar " << code(item.level) << "\"><title>" << escape_html(item.item_id) << ": "
        << escape_html(un_label(item.level)) << "</title></rect><text x=\"" << x + bar / 2 << "\" y=\"" << height + 14
        << "\" text-anchor=\"middle\">" << escape_html(number) << "</text>\n";
  }
  out << "</svg>\n";
}

void item_html(const rules::ItemResult& item, const checklist::Checklist* checklist, std::ostream& out) {
  out << "<div class=\"item\" id=\"" << escape_html(item.item_id) << "\">\n<h3>" << escape_html(item.item_id) << " "
      << escape_html(item.title) << " " << badge(item) << "</h3>\n";
  if (item.review) {
    out << "<p class=\"review\"><strong>" << escape_html(reviewed(*item.review)) << ":</strong> "
        << escape_html(item.review->note) << "</p>\n";
  }
  if (checklist != nullptr) {
    if (const checklist::Item* source = checklist::find_item(*checklist, item.item_id)) {
      out << "<p class=\"question\">" << escape_html(source->question) << "</p>\n";
    }
  }
  if (!item.applicable) {
    out << "<p class=\"meta\">" << escape_html(item.not_applicable_reason) << "</p>\n</div>\n";
    return;
  }
  out << "<ul class=\"criteria\">\n";
  for (const rules::CriterionResult& c : item.criteria) {
    out << "<li class=\"" << (c.met ? "met" : "unmet") << "\">" << escape_html(c.text) << " <span class=\"place\">("
        << escape_html(label(c.level)) << ")</span>";
    for (const rules::Evidence& e : c.evidence) {
      out << "<blockquote>" << quote_html(e) << " <span class=\"place\">" << escape_html(place(e))
          << "</span></blockquote>";
    }
    out << "</li>\n";
  }
  out << "</ul>\n";
  if (item.level < Level::meets && !item.gap.empty()) {
    out << "<p class=\"gap\"><strong>To reach Meets:</strong> " << escape_html(item.gap) << "</p>\n";
  }
  out << "</div>\n";
}

// The country team's ratings beside the engine's, then each over- and underclaim.
void team_html(const Assessment& a, std::ostream& out) {
  if (a.self.empty()) return;
  out << "<h2>Team self-assessment and engine</h2>\n<table class=\"levels\">\n"
      << "<tr><th>Item</th><th>Team</th><th>Engine</th><th>Team's justification</th></tr>\n";
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    out << "<tr><td>" << escape_html(s.item_id) << (item != nullptr ? " " + escape_html(item->title) : "")
        << "</td><td>" << level_badge(s.level) << "</td><td>";
    if (item != nullptr && !rules::self_reported(*item))
      out << level_badge(item->level);
    else
      out << "self-reported (needs team records)";
    out << "</td><td>" << escape_html(s.justification)
        << (s.source.empty() ? "" : " <span class=\"place\">(" + escape_html(s.source) + ")</span>") << "</td></tr>\n";
  }
  out << "</table>\n";
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    const bool over = d.claim == selfassess::Claim::overclaim;
    out << "<div class=\"claim\"><h3>" << (over ? "Overclaim: " : "Underclaim: ") << escape_html(d.item_id) << " "
        << escape_html(d.title) << "</h3>\n<p>Team " << escape_html(label(d.team)) << ", engine "
        << escape_html(label(d.engine)) << ".</p>\n";
    if (over) {
      out << "<p>Not found in the document:</p>\n<ul>\n";
      for (const std::string& c : d.not_evidenced) out << "<li>" << escape_html(c) << "</li>\n";
      out << "</ul>\n";
    } else {
      out << "<p>The engine found:</p>\n";
      for (const rules::Evidence& e : d.quotes) {
        out << "<blockquote>" << quote_html(e) << " <span class=\"place\">" << escape_html(place(e))
            << "</span></blockquote>\n";
      }
    }
    out << "</div>\n";
  }
}

}  // namespace

void render_html(const Assessment& a, const checklist::Checklist* checklist, std::ostream& out) {
  if (checklist != nullptr && checklist->sha256 != a.checklist.sha256) checklist = nullptr;
  const DocumentSummary& d = a.document;
  const std::string title = d.title.empty() ? d.path : d.title;
  out << "<!DOCTYPE html>\n<html lang=\"" << escape_html(d.language.empty() ? "en" : d.language) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_html(title) << " - unct-assess</title>\n<style>" << k_style
      << "</style>\n</head>\n<body>\n"
      << "<h1>" << escape_html(title) << "</h1>\n"
      << "<p class=\"meta\">" << escape_html(std::string(label(d.kind)));
  if (!d.country.empty()) out << " &middot; " << escape_html(d.country);
  if (d.year > 0) out << " &middot; " << d.year;
  if (!d.language.empty()) out << " &middot; language " << escape_html(d.language);
  out << " &middot; " << escape_html(d.path) << "</p>\n"
      << "<p class=\"meta\">Rated against <strong>" << escape_html(a.checklist.title) << "</strong>, "
      << escape_html(a.checklist.id) << " version " << escape_html(a.checklist.version) << ", by unct-assess "
      << escape_html(a.engine_version) << (a.created_at.empty() ? "" : " on " + escape_html(a.created_at)) << ".</p>\n"
      << "<p class=\"note\">" << escape_html(a.checklist.provenance) << "</p>\n";

  out << "<h2>Overall</h2>\n<p><strong>" << a.overall.at_meets_or_above << " of " << a.overall.applicable
      << "</strong> applicable items at Meets or above (" << percent(a.overall.at_meets_or_above, a.overall.applicable)
      << ").</p>\n<table class=\"levels\">\n<tr><th>Part</th><th>At Meets or above</th></tr>\n";
  for (const SectionScore& s : a.sections) {
    out << "<tr><td>" << escape_html(s.title) << "</td><td>";
    if (s.score.applicable > 0)
      out << s.score.at_meets_or_above << " of " << s.score.applicable;
    else
      out << "not applicable or not assessable";
    out << "</td></tr>\n";
  }
  out << "</table>\n";

  for (const SectionScore& s : a.sections) {
    out << "<h2>" << escape_html(s.title) << "</h2>\n";
    chart(a, s, out);
    for (const rules::ItemResult& item : a.items) {
      if (item.section_id == s.id) item_html(item, checklist, out);
    }
  }

  team_html(a, out);

  std::vector<const rules::ItemResult*> gaps;
  for (const rules::ItemResult& item : a.items) {
    if (item.applicable && item.level < Level::meets) gaps.push_back(&item);
  }
  std::stable_sort(gaps.begin(), gaps.end(), [](const auto* x, const auto* y) { return x->weight > y->weight; });
  if (!gaps.empty()) {
    out << "<h2>Gaps, by weight</h2>\n<ol>\n";
    for (const rules::ItemResult* item : gaps) {
      out << "<li><a href=\"#" << escape_html(item->item_id) << "\">" << escape_html(item->item_id) << " "
          << escape_html(item->title) << "</a> " << badge(*item) << "<br>" << escape_html(item->gap) << "</li>\n";
    }
    out << "</ol>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace unct::report
