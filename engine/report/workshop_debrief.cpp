// A workshop's debrief in each of its formats: the trainer's screen (text), a memo (Markdown) and
// a page (HTML), section for section the same.

#include "engine/report/workshop.hpp"

#include "engine/report/html.hpp"
#include "engine/report/layout.hpp"
#include "engine/report/markdown.hpp"
#include "engine/report/wording.hpp"

namespace unct::report {
namespace {

std::string spread(const workshop::ItemSpread& item) {
  std::string out;
  for (Level l : k_levels) {
    out += (out.empty() ? "" : ", ") + std::string(label(l)) + ' ' +
           std::to_string(item.answers[static_cast<std::size_t>(l)]);
  }
  return out;
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
    title += (title.empty() ? "" : ", ") + std::string(label(l)) + " " +
             std::to_string(item.answers[static_cast<std::size_t>(l)]);
  }
  out += escape_html(title) + "\" title=\"" + escape_html(title) + "\">";
  for (Level l : k_levels) {
    const std::size_t n = item.answers[static_cast<std::size_t>(l)];
    if (n == 0 || item.answered == 0) continue;
    out += "<span class=\"" + std::string(code(l)) +
           "\" style=\"width:" + std::to_string(100.0 * static_cast<double>(n) / static_cast<double>(item.answered)) +
           "%\"></span>";
  }
  return out + "</div>";
}

}  // namespace

void render_debrief(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  out << "WORKSHOP DEBRIEF: " << s.pack_title << '\n'
      << "Pack " << s.pack_id << " (" << label(s.kind) << ", " << s.lang << "), checklist " << s.checklist_id << '\n';
  if (s.id > 0 || !s.cohort.empty()) {
    out << "Session" << (s.id > 0 ? " " + std::to_string(s.id) : "") << (s.cohort.empty() ? "" : ": " + s.cohort)
        << ", " << s.created_at.substr(0, 10) << '\n';
  }
  if (s.draft_key) {
    out << wrap(
        "The answer key is still the engine's draft: a trainer has not checked it (key status=\"draft\" in "
        "the pack).",
        0);
  }
  out << "\nThe room: " << counted(d.participants.size(), "participant") << ", " << counted(d.room.count, "answer")
      << "; " << agreement_text(d.room) << "\n\nPARTICIPANTS (agreement with the key)\n  " << fit("Participant", 28)
      << fit("Answered", 10) << fit("Exact", 8) << fit("Within one", 12) << "Kappa\n";
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "  " << fit(p.name, 28) << fit(std::to_string(p.answered) + "/" + std::to_string(s.items.size()), 10)
        << fit(percent(p.agreement.exact, p.agreement.count), 8)
        << fit(percent(p.agreement.within_one, p.agreement.count), 12) << kappa_text(p.agreement.kappa) << '\n';
  }

  out << "\nDISCUSSION POINTS (where the room disagreed with the key, most first)\n";
  if (d.discussion.empty()) out << "  None: every answer was on the key.\n";
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "  " << n + 1 << ". " << item.item_id << "  " << item.title << '\n'
        << "     Key " << label(item.key) << (item.engine ? ", engine " + std::string(label(*item.engine)) : "") << "; "
        << percent(item.exact, item.answered) << " of " << counted(item.answered, "answer") << " on the key, "
        << levels_text(item.mean_distance) << " levels away on average\n"
        << "     Answers: " << spread(item) << '\n';
    if (!item.rationale.empty())
      out << wrap("Why the key says " + std::string(label(item.key)) + ": " + item.rationale, 5);
    for (const std::string& note : item.notes) out << wrap("- " + note, 5);
  }

  // One column of answers per level, as wide as its label.
  out << "\nITEMS\n  " << fit("Item", 13) << fit("Key", 12) << fit("Engine", 12);
  for (Level l : k_levels) out << fit(label(l), label(l).size() + 2);
  out << "On the key\n";
  for (const workshop::ItemSpread& item : d.items) {
    out << "  " << fit(item.item_id, 13) << fit(label(item.key), 12)
        << fit(item.engine ? label(*item.engine) : "-", 12);
    for (Level l : k_levels) out << fit(std::to_string(item.answers[static_cast<std::size_t>(l)]), label(l).size() + 2);
    out << percent(item.exact, item.answered) << '\n';
  }
  if (d.engine)
    out << "\nThe engine against the key: " << counted(d.engine->count, "item") << "; " << agreement_text(*d.engine)
        << '\n';
}

void render_debrief_markdown(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  out << "# Workshop debrief: " << escape_markdown(s.pack_title) << "\n\n"
      << "Pack `" << s.pack_id << "` (" << label(s.kind) << ", " << s.lang << "), checklist "
      << escape_markdown(s.checklist_id);
  if (s.id > 0) out << "; session " << s.id;
  if (!s.cohort.empty()) out << ": " << escape_markdown(s.cohort);
  out << ", " << s.created_at.substr(0, 10) << "\n\n";
  if (s.draft_key) {
    out << "> **The answer key is still the engine's draft:** a trainer has not checked it (key status \"draft\" in "
           "the pack).\n\n";
  }
  out << "**The room:** " << counted(d.participants.size(), "participant") << ", " << counted(d.room.count, "answer")
      << ": " << agreement_text(d.room)
      << ".\n\n## Participants\n\n| Participant | Answered | Exact | Within one | Weighted kappa |\n| --- | --- | --- "
         "| --- | --- |\n";
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "| " << escape_markdown(p.name) << " | " << p.answered << "/" << s.items.size() << " | "
        << percent(p.agreement.exact, p.agreement.count) << " | " << percent(p.agreement.within_one, p.agreement.count)
        << " | " << kappa_text(p.agreement.kappa) << " |\n";
  }
  out << "\n## Discussion points\n\nWhere the room disagreed with the key, most first.\n";
  if (d.discussion.empty()) out << "\nNone: every answer was on the key.\n";
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "\n### " << n + 1 << ". " << escape_markdown(item.item_id) << " " << escape_markdown(item.title) << "\n\n"
        << "Key **" << label(item.key) << "**" << (item.engine ? ", engine " + std::string(label(*item.engine)) : "")
        << ". " << percent(item.exact, item.answered) << " of " << counted(item.answered, "answer") << " on the key, "
        << levels_text(item.mean_distance) << " levels away on average.\n\n"
        << "| Missing | Approaches | Meets | Exceeds |\n| --- | --- | --- | --- |\n|";
    for (std::size_t n_answers : item.answers) out << ' ' << n_answers << " |";
    out << "\n\n";
    if (!item.rationale.empty())
      out << "**Why the key says " << label(item.key) << ":** " << escape_markdown(item.rationale) << "\n\n";
    for (const std::string& note : item.notes) out << "- " << escape_markdown(note) << '\n';
  }
  out << "\n## Items\n\n| Item | Key | Engine | Missing | Approaches | Meets | Exceeds | On the key |\n"
         "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const workshop::ItemSpread& item : d.items) {
    out << "| " << escape_markdown(item.item_id) << " " << escape_markdown(item.title) << " | " << label(item.key)
        << " | " << (item.engine ? label(*item.engine) : "-") << " |";
    for (std::size_t n_answers : item.answers) out << ' ' << n_answers << " |";
    out << ' ' << percent(item.exact, item.answered) << " |\n";
  }
  if (d.engine)
    out << "\nThe engine against the key: " << counted(d.engine->count, "item") << ", " << agreement_text(*d.engine)
        << ".\n";
}

void render_debrief_html(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  out << "<!DOCTYPE html>\n<html lang=\"" << escape_html(s.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Debrief: " << escape_html(s.pack_title) << " - unct-assess</title>\n<style>" << k_style
      << "</style>\n</head>\n<body>\n"
      << "<h1>Workshop debrief: " << escape_html(s.pack_title) << "</h1>\n<p class=\"meta\">Pack "
      << escape_html(s.pack_id) << " &middot; " << escape_html(std::string(label(s.kind))) << " &middot; language "
      << escape_html(s.lang) << " &middot; checklist " << escape_html(s.checklist_id);
  if (s.id > 0) out << " &middot; session " << s.id;
  if (!s.cohort.empty()) out << " &middot; " << escape_html(s.cohort);
  out << " &middot; " << escape_html(s.created_at.substr(0, 10)) << "</p>\n";
  if (s.draft_key) {
    out << "<p class=\"gap\"><strong>The answer key is still the engine's draft:</strong> a trainer has not checked it "
           "(key status \"draft\" in the pack).</p>\n";
  }
  out << "<p><strong>The room:</strong> " << counted(d.participants.size(), "participant") << ", "
      << counted(d.room.count, "answer") << ": " << figures_html(d.room)
      << ".</p>\n<h2>Participants</h2>\n<table class=\"levels\">\n"
      << "<tr><th>Participant</th><th>Answered</th><th>Exact</th><th>Within one</th><th>Weighted kappa</th></tr>\n";
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "<tr><td>" << escape_html(p.name) << "</td><td>" << p.answered << "/" << s.items.size() << "</td><td>"
        << percent(p.agreement.exact, p.agreement.count) << "</td><td>"
        << percent(p.agreement.within_one, p.agreement.count) << "</td><td>" << kappa_text(p.agreement.kappa)
        << "</td></tr>\n";
  }
  out << "</table>\n<h2>Discussion points</h2>\n<p class=\"meta\">Where the room disagreed with the key, most "
         "first.</p>\n";
  if (d.discussion.empty()) out << "<p>None: every answer was on the key.</p>\n";
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "<div class=\"item\"><h3>" << n + 1 << ". " << escape_html(item.item_id) << " " << escape_html(item.title)
        << "</h3>\n<p>Key " << level_badge(item.key);
    if (item.engine) out << " engine " << level_badge(*item.engine);
    out << "</p>\n"
        << spread_bar(item) << "\n<p class=\"meta\">" << percent(item.exact, item.answered) << " of "
        << counted(item.answered, "answer") << " on the key, " << levels_text(item.mean_distance)
        << " levels away on average.</p>\n";
    if (!item.rationale.empty()) {
      out << "<p class=\"review\"><strong>Why the key says " << escape_html(label(item.key)) << ":</strong> "
          << escape_html(item.rationale) << "</p>\n";
    }
    if (!item.notes.empty()) {
      out << "<ul>\n";
      for (const std::string& note : item.notes) out << "<li>" << escape_html(note) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</div>\n";
  }
  out << "<h2>Items</h2>\n<table class=\"levels\">\n<tr><th>Item</th><th>Key</th><th>Engine</th><th>Answers</th><th>On "
         "the key</th></tr>\n";
  for (const workshop::ItemSpread& item : d.items) {
    out << "<tr><td>" << escape_html(item.item_id) << " " << escape_html(item.title) << "</td><td>"
        << level_badge(item.key) << "</td><td>" << (item.engine ? level_badge(*item.engine) : std::string("-"))
        << "</td><td>" << spread_bar(item) << "</td><td>" << percent(item.exact, item.answered) << "</td></tr>\n";
  }
  out << "</table>\n";
  if (d.engine)
    out << "<p>The engine against the key: " << counted(d.engine->count, "item") << ", " << figures_html(*d.engine)
        << ".</p>\n";
  out << "</body>\n</html>\n";
}

}  // namespace unct::report
