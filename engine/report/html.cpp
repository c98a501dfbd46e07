#include "engine/report/html.hpp"

#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace unct::report {
namespace {

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// The UN scorecard wording of a level.
std::string un_label(Level level) {
  return level == Level::missing ? "Missing" : std::string(label(level)) + " minimum requirements";
}

std::string level_class(const rules::ItemResult& item) {
  if (item.external) return "external";
  if (!item.applicable) return "na";
  return std::string(code(item.level));
}

std::string badge(const rules::ItemResult& item) {
  std::string text = item.external      ? "Not assessable from the document"
                     : !item.applicable ? "Not applicable"
                                        : un_label(item.level);
  return "<span class=\"badge " + level_class(item) + "\">" + esc(text) + "</span>";
}

std::string quote_html(const rules::Evidence& e) { return marked(e, esc, "<mark>", "</mark>"); }

constexpr const char* k_style = R"css(
:root { --missing: #c0392b; --approaches: #e67e22; --meets: #27ae60; --exceeds: #1e6fb8; --na: #8a8a8a; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #009edb; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
.meta { color: #444; margin: .2rem 0; } .note { background: #f4f8fb; border-left: 4px solid #009edb; padding: .6rem .9rem; font-size: .92rem; }
.badge { display: inline-block; padding: .1rem .55rem; border-radius: .8rem; color: #fff; font-size: .82rem; font-weight: 600; white-space: nowrap; }
.badge.missing { background: var(--missing); } .badge.approaches { background: var(--approaches); }
.badge.meets { background: var(--meets); } .badge.exceeds { background: var(--exceeds); }
.badge.na, .badge.external { background: var(--na); }
table.levels { border-collapse: collapse; width: 100%; font-size: .93rem; } table.levels td, table.levels th { border-bottom: 1px solid #ddd; padding: .3rem .4rem; text-align: left; }
.item { border: 1px solid #ddd; border-radius: .4rem; padding: .4rem .9rem .7rem; margin: .8rem 0; page-break-inside: avoid; }
.question { color: #333; font-style: italic; }
ul.criteria { list-style: none; padding-left: 0; } ul.criteria li { margin: .25rem 0; }
.met::before { content: "\2713  "; color: var(--meets); font-weight: 700; } .unmet::before { content: "\2717  "; color: var(--missing); font-weight: 700; }
blockquote { margin: .2rem 0 .2rem 1.4rem; padding-left: .6rem; border-left: 3px solid #ccc; font-size: .9rem; }
mark { background: #fff3a8; } .place { color: #666; font-size: .85rem; }
.gap { background: #fdf2e9; border-left: 4px solid var(--approaches); padding: .4rem .7rem; }
.review { background: #eef3fb; border-left: 4px solid var(--exceeds); padding: .4rem .7rem; }
svg text { font-family: inherit; font-size: 10px; }
.bar.missing { fill: var(--missing); } .bar.approaches { fill: var(--approaches); }
.bar.meets { fill: var(--meets); } .bar.exceeds { fill: var(--exceeds); }
table.heat { border-collapse: collapse; font-size: .75rem; } table.heat th, table.heat td { border: 1px solid #fff; padding: .15rem .25rem; text-align: center; }
table.heat th.doc { text-align: left; font-weight: 400; max-width: 22rem; } table.heat th.item { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 400; }
td.missing { background: var(--missing); color: #fff; } td.approaches { background: var(--approaches); color: #fff; }
td.meets { background: var(--meets); color: #fff; } td.exceeds { background: var(--exceeds); color: #fff; } td.na { background: #eee; color: #999; }
.spread { display: flex; height: 1.1rem; width: 18rem; border-radius: .2rem; overflow: hidden; background: #eee; }
.spread span { display: block; } .spread .missing { background: var(--missing); } .spread .approaches { background: var(--approaches); }
.spread .meets { background: var(--meets); } .spread .exceeds { background: var(--exceeds); }
.claim { border-left: 4px solid var(--approaches); padding: .2rem .8rem; margin: .6rem 0; }
tr.up td { background: #eaf7ef; } tr.down td { background: #fbeaea; } .delta { font-weight: 700; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } a { color: inherit; text-decoration: none; } }
)css";

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
  out << "<svg role=\"img\" aria-label=\"Levels of the " << esc(section.title) << " items\" width=\"" << width
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
        << "\" class=\"bar " << code(item.level) << "\"><title>" << esc(item.item_id) << ": " << esc(un_label(item.level))
        << "</title></rect><text x=\"" << x + bar / 2 << "\" y=\"" << height + 14 << "\" text-anchor=\"middle\">"
        << esc(number) << "</text>\n";
  }
  out << "</svg>\n";
}

void item_html(const rules::ItemResult& item, const checklist::Checklist* checklist, std::ostream& out) {
  out << "<div class=\"item\" id=\"" << esc(item.item_id) << "\">\n<h3>" << esc(item.item_id) << " " << esc(item.title) << " "
      << badge(item) << "</h3>\n";
  if (item.review) {
    out << "<p class=\"review\"><strong>" << esc(reviewed(*item.review)) << ":</strong> " << esc(item.review->note) << "</p>\n";
  }
  if (checklist != nullptr) {
    if (const checklist::Item* source = checklist::find_item(*checklist, item.item_id)) {
      out << "<p class=\"question\">" << esc(source->question) << "</p>\n";
    }
  }
  if (!item.applicable) {
    out << "<p class=\"meta\">" << esc(item.not_applicable_reason) << "</p>\n</div>\n";
    return;
  }
  out << "<ul class=\"criteria\">\n";
  for (const rules::CriterionResult& c : item.criteria) {
    out << "<li class=\"" << (c.met ? "met" : "unmet") << "\">" << esc(c.text) << " <span class=\"place\">("
        << esc(label(c.level)) << ")</span>";
    for (const rules::Evidence& e : c.evidence) {
      out << "<blockquote>" << quote_html(e) << " <span class=\"place\">" << esc(place(e)) << "</span></blockquote>";
    }
    out << "</li>\n";
  }
  out << "</ul>\n";
  if (item.level < Level::meets && !item.gap.empty()) {
    out << "<p class=\"gap\"><strong>To reach Meets:</strong> " << esc(item.gap) << "</p>\n";
  }
  out << "</div>\n";
}

std::string level_badge(const std::optional<Level>& level) {
  if (!level) return "<span class=\"badge na\">Not applicable</span>";
  return "<span class=\"badge " + std::string(code(*level)) + "\">" + esc(un_label(*level)) + "</span>";
}

std::string item_list(const std::vector<std::string>& ids) {
  if (ids.empty()) return "none";
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + esc(id);
  return out;
}

// The country team's ratings beside the engine's, then each over- and underclaim.
void team_html(const Assessment& a, std::ostream& out) {
  if (a.self.empty()) return;
  out << "<h2>Team self-assessment and engine</h2>\n<table class=\"levels\">\n"
      << "<tr><th>Item</th><th>Team</th><th>Engine</th><th>Team's justification</th></tr>\n";
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    out << "<tr><td>" << esc(s.item_id) << (item != nullptr ? " " + esc(item->title) : "") << "</td><td>"
        << level_badge(s.level) << "</td><td>";
    if (item != nullptr && !rules::self_reported(*item)) out << level_badge(item->level);
    else out << "self-reported (needs team records)";
    out << "</td><td>" << esc(s.justification) << (s.source.empty() ? "" : " <span class=\"place\">(" + esc(s.source) + ")</span>")
        << "</td></tr>\n";
  }
  out << "</table>\n";
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    const bool over = d.claim == selfassess::Claim::overclaim;
    out << "<div class=\"claim\"><h3>" << (over ? "Overclaim: " : "Underclaim: ") << esc(d.item_id) << " " << esc(d.title)
        << "</h3>\n<p>Team " << esc(label(d.team)) << ", engine " << esc(label(d.engine)) << ".</p>\n";
    if (over) {
      out << "<p>Not found in the document:</p>\n<ul>\n";
      for (const std::string& c : d.not_evidenced) out << "<li>" << esc(c) << "</li>\n";
      out << "</ul>\n";
    } else {
      out << "<p>The engine found:</p>\n";
      for (const rules::Evidence& e : d.quotes) {
        out << "<blockquote>" << quote_html(e) << " <span class=\"place\">" << esc(place(e)) << "</span></blockquote>\n";
      }
    }
    out << "</div>\n";
  }
}

std::string figures_html(const agreement::Agreement& a) {
  return "<strong>" + percent(a.exact, a.count) + "</strong> exact, " + percent(a.within_one, a.count) +
         " within one level, weighted kappa " + kappa_text(a.kappa);
}

// The answers per level as one bar, each level's share its width.
std::string spread_bar(const workshop::ItemSpread& item) {
  std::string out = "<div class=\"spread\" role=\"img\" aria-label=\"";
  std::string title;
  for (Level l : k_levels) {
    title += (title.empty() ? "" : ", ") + std::string(label(l)) + " " + std::to_string(item.answers[static_cast<std::size_t>(l)]);
  }
  out += esc(title) + "\" title=\"" + esc(title) + "\">";
  for (Level l : k_levels) {
    const std::size_t n = item.answers[static_cast<std::size_t>(l)];
    if (n == 0 || item.answered == 0) continue;
    out += "<span class=\"" + std::string(code(l)) + "\" style=\"width:" +
           std::to_string(100.0 * static_cast<double>(n) / static_cast<double>(item.answered)) + "%\"></span>";
  }
  return out + "</div>";
}

}  // namespace

void render_debrief_html(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  out << "<!DOCTYPE html>\n<html lang=\"" << esc(s.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Debrief: " << esc(s.pack_title) << " - unct-assess</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n"
      << "<h1>Workshop debrief: " << esc(s.pack_title) << "</h1>\n<p class=\"meta\">Pack " << esc(s.pack_id) << " &middot; "
      << esc(std::string(label(s.kind))) << " &middot; language " << esc(s.lang) << " &middot; checklist " << esc(s.checklist_id);
  if (s.id > 0) out << " &middot; session " << s.id;
  if (!s.cohort.empty()) out << " &middot; " << esc(s.cohort);
  out << " &middot; " << esc(s.created_at.substr(0, 10)) << "</p>\n";
  if (s.draft_key) {
    out << "<p class=\"gap\"><strong>The answer key is still the engine's draft:</strong> a trainer has not checked it "
           "(key status \"draft\" in the pack).</p>\n";
  }
  out << "<p><strong>The room:</strong> " << counted(d.participants.size(), "participant") << ", " << counted(d.room.count, "answer") << ": "
      << figures_html(d.room) << ".</p>\n<h2>Participants</h2>\n<table class=\"levels\">\n"
      << "<tr><th>Participant</th><th>Answered</th><th>Exact</th><th>Within one</th><th>Weighted kappa</th></tr>\n";
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "<tr><td>" << esc(p.name) << "</td><td>" << p.answered << "/" << s.items.size() << "</td><td>"
        << percent(p.agreement.exact, p.agreement.count) << "</td><td>" << percent(p.agreement.within_one, p.agreement.count)
        << "</td><td>" << kappa_text(p.agreement.kappa) << "</td></tr>\n";
  }
  out << "</table>\n<h2>Discussion points</h2>\n<p class=\"meta\">Where the room disagreed with the key, most first.</p>\n";
  if (d.discussion.empty()) out << "<p>None: every answer was on the key.</p>\n";
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "<div class=\"item\"><h3>" << n + 1 << ". " << esc(item.item_id) << " " << esc(item.title) << "</h3>\n<p>Key "
        << level_badge(item.key);
    if (item.engine) out << " engine " << level_badge(*item.engine);
    out << "</p>\n" << spread_bar(item) << "\n<p class=\"meta\">" << percent(item.exact, item.answered) << " of "
        << counted(item.answered, "answer") << " on the key, " << levels_text(item.mean_distance) << " levels away on average.</p>\n";
    if (!item.rationale.empty()) {
      out << "<p class=\"review\"><strong>Why the key says " << esc(label(item.key)) << ":</strong> " << esc(item.rationale) << "</p>\n";
    }
    if (!item.notes.empty()) {
      out << "<ul>\n";
      for (const std::string& note : item.notes) out << "<li>" << esc(note) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</div>\n";
  }
  out << "<h2>Items</h2>\n<table class=\"levels\">\n<tr><th>Item</th><th>Key</th><th>Engine</th><th>Answers</th><th>On the key</th></tr>\n";
  for (const workshop::ItemSpread& item : d.items) {
    out << "<tr><td>" << esc(item.item_id) << " " << esc(item.title) << "</td><td>" << level_badge(item.key) << "</td><td>"
        << (item.engine ? level_badge(*item.engine) : std::string("-")) << "</td><td>" << spread_bar(item) << "</td><td>"
        << percent(item.exact, item.answered) << "</td></tr>\n";
  }
  out << "</table>\n";
  if (d.engine) out << "<p>The engine against the key: " << counted(d.engine->count, "item") << ", " << figures_html(*d.engine) << ".</p>\n";
  out << "</body>\n</html>\n";
}

void render_portfolio_html(const std::vector<PortfolioRow>& documents, const std::vector<GapRow>& gaps,
                           std::ostream& out) {
  const std::vector<std::string> items = rated_items(documents);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>Portfolio - unct-assess</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n"
      << "<h1>Portfolio: " << documents.size() << (documents.size() == 1 ? " document" : " documents") << "</h1>\n"
      << "<p class=\"meta\">The latest assessment of each document. Cells: M Missing, A Approaches, Me Meets, E Exceeds; "
         "grey where the item does not apply.</p>\n<table class=\"heat\">\n<tr><th></th>";
  for (const std::string& id : items) out << "<th class=\"item\">" << esc(id) << "</th>";
  out << "</tr>\n";
  static constexpr const char* k_short[] = {"M", "A", "Me", "E"};
  for (const PortfolioRow& d : documents) {
    out << "<tr><th class=\"doc\">" << esc(d.label) << "</th>";
    for (const std::string& id : items) {
      const std::optional<Level> level = d.level(id);
      if (!level) {
        out << "<td class=\"na\" title=\"" << esc(id) << ": not applicable\"></td>";
      } else {
        out << "<td class=\"" << code(*level) << "\" title=\"" << esc(id) << ": " << esc(un_label(*level)) << "\">"
            << k_short[points(*level)] << "</td>";
      }
    }
    out << "</tr>\n";
  }
  out << "</table>\n<h2>Items most often below Meets</h2>\n<table class=\"levels\">\n"
      << "<tr><th>Item</th><th>Below Meets</th><th>Share</th></tr>\n";
  for (const GapRow& g : gaps) {
    out << "<tr><td>" << esc(g.item_id) << " " << esc(g.title) << "</td><td>" << g.below_meets << " of " << g.applicable
        << "</td><td>" << percent(g.below_meets, g.applicable) << "</td></tr>\n";
  }
  out << "</table>\n</body>\n</html>\n";
}

void render_comparison_html(const Comparison& c, std::ostream& out) {
  const Assessment& a = c.first;
  const Assessment& b = c.second;
  auto name = [](const Assessment& x) { return esc(x.document.title.empty() ? x.document.path : x.document.title); };
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>Comparison - unct-assess</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n"
      << "<h1>What changed between two assessments</h1>\n<table class=\"levels\">\n"
      << "<tr><th></th><th>First</th><th>Second</th></tr>\n"
      << "<tr><td>Document</td><td>" << name(a) << "<br><span class=\"place\">" << esc(a.document.path) << ", "
      << esc(a.created_at) << "</span></td><td>" << name(b) << "<br><span class=\"place\">" << esc(b.document.path) << ", "
      << esc(b.created_at) << "</span></td></tr>\n"
      << "<tr><td>At Meets or above</td><td>" << a.overall.at_meets_or_above << " of " << a.overall.applicable << "</td><td>"
      << b.overall.at_meets_or_above << " of " << b.overall.applicable << "</td></tr>\n"
      << "<tr><td>Points</td><td>" << a.overall.points << " of " << a.overall.max_points << "</td><td>" << b.overall.points
      << " of " << b.overall.max_points << " <span class=\"delta\">(" << (c.points_delta >= 0 ? "+" : "") << c.points_delta
      << ")</span></td></tr>\n</table>\n";
  if (!c.same_checklist) {
    out << "<p class=\"note\">The two were rated with different checklist files (" << esc(a.checklist.version) << " and "
        << esc(b.checklist.version) << "): some changes may come from the checklist, not the document.</p>\n";
  }
  out << "<p><strong>Gaps closed</strong> (now at Meets or above): " << item_list(c.closed) << "<br>"
      << "<strong>Gaps opened</strong> (now below Meets): " << item_list(c.opened) << "<br>"
      << "<strong>Up:</strong> " << item_list(c.up) << "<br><strong>Down:</strong> " << item_list(c.down) << "</p>\n"
      << "<h2>Items</h2>\n<table class=\"levels\">\n<tr><th>Item</th><th>First</th><th>Second</th><th>Change</th></tr>\n";
  for (const ItemChange& i : c.items) {
    if (!i.before && !i.after) continue;  // rated in neither (another kind of document, or the team's records)
    const char* row = i.delta > 0 ? " class=\"up\"" : i.delta < 0 ? " class=\"down\"" : "";
    out << "<tr" << row << "><td>" << esc(i.item_id) << " " << esc(i.title) << "</td><td>" << level_badge(i.before)
        << "</td><td>" << level_badge(i.after) << "</td><td>"
        << (i.delta > 0 ? "up " + std::to_string(i.delta) : i.delta < 0 ? "down " + std::to_string(-i.delta) : "") << "</td></tr>\n";
  }
  out << "</table>\n";
  const std::vector<selfassess::ClaimChange> claims = selfassess::compare_claims(c.first, c.second);
  if (!claims.empty()) {
    auto claim_html = [](const std::optional<selfassess::Discrepancy>& d) {
      if (!d) return std::string("none");
      return std::string(d->claim == selfassess::Claim::overclaim ? "Overclaim" : "Underclaim") + ": team " +
             esc(label(d->team)) + ", engine " + esc(label(d->engine));
    };
    out << "<h2>Team and engine</h2>\n<p class=\"meta\">Over- and underclaims of the country team's self-assessment in "
           "either.</p>\n<table class=\"levels\">\n<tr><th>Item</th><th>First</th><th>Second</th><th></th></tr>\n";
    for (const selfassess::ClaimChange& claim : claims) {
      const char* row = !claim.second ? " class=\"up\"" : !claim.first ? " class=\"down\"" : "";
      out << "<tr" << row << "><td>" << esc(claim.item_id) << " " << esc(claim.title) << "</td><td>" << claim_html(claim.first)
          << "</td><td>" << claim_html(claim.second) << "</td><td>"
          << (!claim.second ? "resolved" : !claim.first ? "new" : "stands") << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "</body>\n</html>\n";
}

void render_html(const Assessment& a, const checklist::Checklist* checklist, std::ostream& out) {
  if (checklist != nullptr && checklist->sha256 != a.checklist.sha256) checklist = nullptr;
  const DocumentSummary& d = a.document;
  const std::string title = d.title.empty() ? d.path : d.title;
  out << "<!DOCTYPE html>\n<html lang=\"" << esc(d.language.empty() ? "en" : d.language) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << esc(title) << " - unct-assess</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n"
      << "<h1>" << esc(title) << "</h1>\n"
      << "<p class=\"meta\">" << esc(std::string(label(d.kind)));
  if (!d.country.empty()) out << " &middot; " << esc(d.country);
  if (d.year > 0) out << " &middot; " << d.year;
  if (!d.language.empty()) out << " &middot; language " << esc(d.language);
  out << " &middot; " << esc(d.path) << "</p>\n"
      << "<p class=\"meta\">Rated against <strong>" << esc(a.checklist.title) << "</strong>, " << esc(a.checklist.id)
      << " version " << esc(a.checklist.version) << ", by unct-assess " << esc(a.engine_version)
      << (a.created_at.empty() ? "" : " on " + esc(a.created_at)) << ".</p>\n"
      << "<p class=\"note\">" << esc(a.checklist.provenance) << "</p>\n";

  out << "<h2>Overall</h2>\n<p><strong>" << a.overall.at_meets_or_above << " of " << a.overall.applicable
      << "</strong> applicable items at Meets or above (" << percent(a.overall.at_meets_or_above, a.overall.applicable)
      << ").</p>\n<table class=\"levels\">\n<tr><th>Part</th><th>At Meets or above</th></tr>\n";
  for (const SectionScore& s : a.sections) {
    out << "<tr><td>" << esc(s.title) << "</td><td>";
    if (s.score.applicable > 0) out << s.score.at_meets_or_above << " of " << s.score.applicable;
    else out << "not applicable or not assessable";
    out << "</td></tr>\n";
  }
  out << "</table>\n";

  for (const SectionScore& s : a.sections) {
    out << "<h2>" << esc(s.title) << "</h2>\n";
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
      out << "<li><a href=\"#" << esc(item->item_id) << "\">" << esc(item->item_id) << " " << esc(item->title) << "</a> "
          << badge(*item) << "<br>" << esc(item->gap) << "</li>\n";
    }
    out << "</ol>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace unct::report
