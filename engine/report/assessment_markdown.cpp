#include "engine/report/assessment.hpp"

#include "engine/report/markdown.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>

namespace unct::report {
namespace {

// The quote with its matched words in bold.
std::string highlighted(const rules::Evidence& e) { return marked(e, escape_markdown, "**", "**"); }

// The team's levels beside the engine's, then what the team claims and the engine did not find
// (overclaims) and what the engine found and the team did not claim (underclaims).
void render_team(const Assessment& a, std::ostream& out) {
  if (a.self.empty()) return;
  out << "\n## Team self-assessment and engine\n\n| Item | Team | Engine | Team's justification |\n| --- | --- | --- | "
         "--- |\n";
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    const bool own = item != nullptr && rules::self_reported(*item);
    out << "| " << escape_markdown(s.item_id) << " | " << label(s.level) << " | "
        << (own               ? std::string("self-reported (needs team records)")
            : item == nullptr ? std::string()
                              : item_level_text(*item))
        << " | " << escape_markdown(s.justification)
        << (s.source.empty() ? "" : " (source: " + escape_markdown(s.source) + ")") << " |\n";
  }
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    out << "\n### " << (d.claim == selfassess::Claim::overclaim ? "Overclaim" : "Underclaim") << ": "
        << escape_markdown(d.item_id) << " " << escape_markdown(d.title) << " (team " << label(d.team) << ", engine "
        << label(d.engine) << ")\n\n";
    if (d.claim == selfassess::Claim::overclaim) {
      out << "The team rates it " << label(d.team) << "; the engine did not find in the document:\n\n";
      for (const std::string& c : d.not_evidenced) out << "- " << escape_markdown(c) << '\n';
    } else {
      out << "The team rates it Missing; the engine found:\n\n";
      for (const rules::Evidence& e : d.quotes)
        out << "> " << highlighted(e) << " (" << escape_markdown(place(e)) << ")\n>\n";
    }
  }
}

}  // namespace

void render_markdown(const Assessment& a, std::ostream& out) {
  const DocumentSummary& d = a.document;
  out << "# " << escape_markdown(d.title.empty() ? d.path : d.title) << "\n\n"
      << "- **Document:** " << escape_markdown(d.path) << " (" << d.format << ", " << label(d.kind) << ")\n";
  if (!d.country.empty()) out << "- **Country:** " << escape_markdown(d.country) << '\n';
  if (d.year > 0) out << "- **Year:** " << d.year << '\n';
  if (!d.language.empty()) out << "- **Language:** " << d.language << '\n';
  out << "- **Checklist:** " << escape_markdown(a.checklist.title) << ", " << escape_markdown(a.checklist.id)
      << " version " << escape_markdown(a.checklist.version) << "; unct-assess " << escape_markdown(a.engine_version)
      << (a.created_at.empty() ? "" : ", " + a.created_at) << "\n\n"
      << "> " << escape_markdown(a.checklist.provenance) << "\n\n"
      << "**" << a.overall.at_meets_or_above << " of " << a.overall.applicable
      << " applicable items at Meets or above** (" << percent(a.overall.at_meets_or_above, a.overall.applicable)
      << ").\n";

  for (const SectionScore& section : a.sections) {
    out << "\n## " << escape_markdown(section.title) << "\n\n";
    if (section.score.applicable > 0) {
      out << section.score.at_meets_or_above << " of " << section.score.applicable << " at Meets or above.\n\n";
    }
    out << "| Item | Title | Level |\n| --- | --- | --- |\n";
    for (const rules::ItemResult& item : a.items) {
      if (item.section_id != section.id) continue;
      out << "| " << escape_markdown(item.item_id) << " | " << escape_markdown(item.title) << " | "
          << item_level_text(item) << " |\n";
    }
  }

  bool reviews = false;
  for (const rules::ItemResult& item : a.items) {
    if (!item.review) continue;
    if (!reviews) out << "\n## Reviewer overrides\n\n";
    reviews = true;
    out << "- **" << escape_markdown(item.item_id) << "** " << escape_markdown(std::string(label(item.level))) << ", "
        << escape_markdown(reviewed(*item.review)) << ": " << escape_markdown(item.review->note) << '\n';
  }

  render_team(a, out);

  bool heading = false;
  for (const rules::ItemResult& item : a.items) {
    if (!item.applicable || item.level >= Level::meets) continue;
    if (!heading) out << "\n## What to add to reach Meets\n";
    heading = true;
    out << "\n### " << escape_markdown(item.item_id) << " " << escape_markdown(item.title) << " (" << label(item.level)
        << ")\n\n";
    std::vector<const rules::CriterionResult*> missing;
    for (const std::string& id : item.unmet) {
      for (const rules::CriterionResult& c : item.criteria) {
        if (c.id == id) missing.push_back(&c);
      }
    }
    if (!missing.empty()) {
      out << "Not found in the document:\n\n";
      for (const rules::CriterionResult* c : missing) out << "- " << escape_markdown(c->text) << '\n';
      out << '\n';
    }
    if (item.review) out << "**Reviewer's note:** " << escape_markdown(item.review->note) << "\n\n";
    if (!item.gap.empty()) out << "**What to add:** " << escape_markdown(item.gap) << '\n';
    // One quote per passage: criteria met by the same sentence show it once.
    std::vector<const rules::Evidence*> quotes;
    for (const rules::CriterionResult& c : item.criteria) {
      if (!c.met || c.evidence.empty()) continue;
      const rules::Evidence& e = c.evidence.front();
      const auto same =
          std::find_if(quotes.begin(), quotes.end(), [&](const rules::Evidence* q) { return q->quote == e.quote; });
      if (same == quotes.end())
        quotes.push_back(&e);
      else if (e.highlights.size() > (*same)->highlights.size())
        *same = &e;  // the one with more words found
    }
    if (!quotes.empty()) out << "\nFound so far:\n\n";
    for (const rules::Evidence* e : quotes)
      out << "- " << highlighted(*e) << " (" << escape_markdown(place(*e)) << ")\n";
  }
}

}  // namespace unct::report
