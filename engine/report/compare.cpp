#include "engine/report/compare.hpp"

#include "engine/report/html.hpp"
#include "engine/report/layout.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

namespace unct::report {
namespace {

std::string item_list(const std::vector<std::string>& ids) {
  if (ids.empty()) return "none";
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + escape_html(id);
  return out;
}

}  // namespace

void render_comparison(const Comparison& c, std::ostream& out) {
  auto line = [&](const char* label_text, const Assessment& a) {
    out << label_text << (a.document.title.empty() ? a.document.path : a.document.title) << " (" << a.document.path
        << ", " << a.created_at << "): " << a.overall.at_meets_or_above << " of " << a.overall.applicable
        << " at Meets or above, " << points_text(a.overall.points) << " of " << points_text(a.overall.max_points)
        << " points\n";
  };
  line("First   ", c.first);
  line("Second  ", c.second);
  out << "Change  " << (c.points_delta >= 0 ? "+" : "") << points_text(c.points_delta) << " points; " << c.up.size()
      << " up, " << c.down.size() << " down, " << c.closed.size() << (c.closed.size() == 1 ? " gap" : " gaps")
      << " closed, " << c.opened.size() << " opened\n";
  if (!c.same_checklist) {
    out << wrap("Note: rated with different checklist files (" + c.first.checklist.version + " and " +
                    c.second.checklist.version + "); some changes may come from the checklist, not the document.",
                0);
  }
  bool any = false;
  for (const ItemChange& i : c.items) {
    if (i.delta == 0 && i.before.has_value() == i.after.has_value()) continue;
    if (!any) out << "\nCHANGED ITEMS\n";
    any = true;
    auto level_text = [](const std::optional<Level>& l) {
      return l ? std::string(label(*l)) : std::string("not rated");
    };
    std::string row = "  " + fit(i.item_id, 13) + fit(i.title, 50) + " " + fit(level_text(i.before), 11) + "-> " +
                      level_text(i.after);
    if (i.before && i.after && *i.before < Level::meets && *i.after >= Level::meets) row += "  (gap closed)";
    if (i.before && i.after && *i.before >= Level::meets && *i.after < Level::meets) row += "  (gap opened)";
    out << row << '\n';
  }
  if (!any) out << "\nNo item changed level.\n";
  const std::vector<selfassess::ClaimChange> claims = selfassess::compare_claims(c.first, c.second);
  if (claims.empty()) return;
  out << "\nTEAM AND ENGINE (over- and underclaims in either)\n";
  auto claim_text = [](const std::optional<selfassess::Discrepancy>& d) {
    if (!d) return std::string("none");
    return std::string(d->claim == selfassess::Claim::overclaim ? "overclaim" : "underclaim") + " (team " +
           std::string(label(d->team)) + ", engine " + std::string(label(d->engine)) + ")";
  };
  for (const selfassess::ClaimChange& claim : claims) {
    const char* status = !claim.second ? "resolved" : !claim.first ? "new" : "stands";
    out << "  " << fit(claim.item_id, 13) << fit(status, 10) << claim_text(claim.first) << " -> "
        << claim_text(claim.second) << '\n';
  }
}

void render_comparison_html(const Comparison& c, std::ostream& out) {
  const Assessment& a = c.first;
  const Assessment& b = c.second;
  auto name = [](const Assessment& x) {
    return escape_html(x.document.title.empty() ? x.document.path : x.document.title);
  };
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>Comparison - unct-assess</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n"
      << "<h1>What changed between two assessments</h1>\n<table class=\"levels\">\n"
      << "<tr><th></th><th>First</th><th>Second</th></tr>\n"
      << "<tr><td>Document</td><td>" << name(a) << "<br><span class=\"place\">" << escape_html(a.document.path) << ", "
      << escape_html(a.created_at) << "</span></td><td>" << name(b) << "<br><span class=\"place\">"
      << escape_html(b.document.path) << ", " << escape_html(b.created_at) << "</span></td></tr>\n"
      << "<tr><td>At Meets or above</td><td>" << a.overall.at_meets_or_above << " of " << a.overall.applicable
      << "</td><td>" << b.overall.at_meets_or_above << " of " << b.overall.applicable << "</td></tr>\n"
      << "<tr><td>Points</td><td>" << a.overall.points << " of " << a.overall.max_points << "</td><td>"
      << b.overall.points << " of " << b.overall.max_points << " <span class=\"delta\">("
      << (c.points_delta >= 0 ? "+" : "") << c.points_delta << ")</span></td></tr>\n</table>\n";
  if (!c.same_checklist) {
    out << "<p class=\"note\">The two were rated with different checklist files (" << escape_html(a.checklist.version)
        << " and " << escape_html(b.checklist.version)
        << "): some changes may come from the checklist, not the document.</p>\n";
  }
  out << "<p><strong>Gaps closed</strong> (now at Meets or above): " << item_list(c.closed) << "<br>"
      << "<strong>Gaps opened</strong> (now below Meets): " << item_list(c.opened) << "<br>"
      << "<strong>Up:</strong> " << item_list(c.up) << "<br><strong>Down:</strong> " << item_list(c.down) << "</p>\n"
      << "<h2>Items</h2>\n<table "
         "class=\"levels\">\n<tr><th>Item</th><th>First</th><th>Second</th><th>Change</th></tr>\n";
  for (const ItemChange& i : c.items) {
    if (!i.before && !i.after) continue;  // rated in neither (another kind of document, or the team's records)
    const char* row = i.delta > 0 ? " class=\"up\"" : i.delta < 0 ? " class=\"down\"" : "";
    out << "<tr" << row << "><td>" << escape_html(i.item_id) << " " << escape_html(i.title) << "</td><td>"
        << level_badge(i.before) << "</td><td>" << level_badge(i.after) << "</td><td>"
        << (i.delta > 0   ? "up " + std::to_string(i.delta)
            : i.delta < 0 ? "down " + std::to_string(-i.delta)
                          : "")
        << "</td></tr>\n";
  }
  out << "</table>\n";
  const std::vector<selfassess::ClaimChange> claims = selfassess::compare_claims(c.first, c.second);
  if (!claims.empty()) {
    auto claim_html = [](const std::optional<selfassess::Discrepancy>& d) {
      if (!d) return std::string("none");
      return std::string(d->claim == selfassess::Claim::overclaim ? "Overclaim" : "Underclaim") + ": team " +
             escape_html(label(d->team)) + ", engine " + escape_html(label(d->engine));
    };
    out << "<h2>Team and engine</h2>\n<p class=\"meta\">Over- and underclaims of the country team's self-assessment in "
           "either.</p>\n<table class=\"levels\">\n<tr><th>Item</th><th>First</th><th>Second</th><th></th></tr>\n";
    for (const selfassess::ClaimChange& claim : claims) {
      const char* row = !claim.second ? " class=\"up\"" : !claim.first ? " class=\"down\"" : "";
      out << "<tr" << row << "><td>" << escape_html(claim.item_id) << " " << escape_html(claim.title) << "</td><td>"
          << claim_html(claim.first) << "</td><td>" << claim_html(claim.second) << "</td><td>"
          << (!claim.second  ? "resolved"
              : !claim.first ? "new"
                             : "stands")
          << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace unct::report
