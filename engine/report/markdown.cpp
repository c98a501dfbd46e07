#include "engine/report/markdown.hpp"

#include "engine/report/form.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/wording.hpp"

#include <algorithm>
#include <cmath>

namespace unct::report {
namespace {

// Characters that Markdown would read as inline markup or a table cell border, escaped; line
// breaks become spaces. Every text this renderer writes sits inside a line it has started
// ("| ", "- ", "> ", "# "), so characters that only matter at the start of a line need nothing.
std::string md(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// The quote with its matched words in bold.
std::string highlighted(const rules::Evidence& e) { return marked(e, md, "**", "**"); }

std::string level_cell(const rules::ItemResult& item) {
  if (rules::self_reported(item)) return std::string(label(item.level)) + " (self-reported)";
  if (item.external) return "not assessable from the document";
  if (!item.applicable) return "not applicable";
  if (item.review) return std::string(label(item.level)) + " (" + reviewed(*item.review) + ")";
  return std::string(label(item.level));
}

std::string csv(const std::string& field) { return csv_field(field); }

std::string evidence_from(const selfassess::FormRow& row) { return row.external ? "team records" : "the document"; }

// The team's levels beside the engine's, then what the team claims and the engine did not find
// (overclaims) and what the engine found and the team did not claim (underclaims).
void render_team(const Assessment& a, std::ostream& out) {
  if (a.self.empty()) return;
  out << "\n## Team self-assessment and engine\n\n| Item | Team | Engine | Team's justification |\n| --- | --- | --- | --- |\n";
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    const bool own = item != nullptr && rules::self_reported(*item);
    out << "| " << md(s.item_id) << " | " << label(s.level) << " | "
        << (own ? std::string("self-reported (needs team records)") : item == nullptr ? std::string() : level_cell(*item))
        << " | " << md(s.justification) << (s.source.empty() ? "" : " (source: " + md(s.source) + ")") << " |\n";
  }
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    out << "\n### " << (d.claim == selfassess::Claim::overclaim ? "Overclaim" : "Underclaim") << ": " << md(d.item_id) << " "
        << md(d.title) << " (team " << label(d.team) << ", engine " << label(d.engine) << ")\n\n";
    if (d.claim == selfassess::Claim::overclaim) {
      out << "The team rates it " << label(d.team) << "; the engine did not find in the document:\n\n";
      for (const std::string& c : d.not_evidenced) out << "- " << md(c) << '\n';
    } else {
      out << "The team rates it Missing; the engine found:\n\n";
      for (const rules::Evidence& e : d.quotes) out << "> " << highlighted(e) << " (" << md(place(e)) << ")\n>\n";
    }
  }
}

}  // namespace

void render_markdown(const Assessment& a, std::ostream& out) {
  const DocumentSummary& d = a.document;
  out << "# " << md(d.title.empty() ? d.path : d.title) << "\n\n"
      << "- **Document:** " << md(d.path) << " (" << d.format << ", " << label(d.kind) << ")\n";
  if (!d.country.empty()) out << "- **Country:** " << md(d.country) << '\n';
  if (d.year > 0) out << "- **Year:** " << d.year << '\n';
  if (!d.language.empty()) out << "- **Language:** " << d.language << '\n';
  out << "- **Checklist:** " << md(a.checklist.title) << ", " << md(a.checklist.id) << " version " << md(a.checklist.version)
      << "; unct-assess " << md(a.engine_version) << (a.created_at.empty() ? "" : ", " + a.created_at) << "\n\n"
      << "> " << md(a.checklist.provenance) << "\n\n"
      << "**" << a.overall.at_meets_or_above << " of " << a.overall.applicable
      << " applicable items at Meets or above** (" << percent(a.overall.at_meets_or_above, a.overall.applicable) << ").\n";

  for (const SectionScore& section : a.sections) {
    out << "\n## " << md(section.title) << "\n\n";
    if (section.score.applicable > 0) {
      out << section.score.at_meets_or_above << " of " << section.score.applicable << " at Meets or above.\n\n";
    }
    out << "| Item | Title | Level |\n| --- | --- | --- |\n";
    for (const rules::ItemResult& item : a.items) {
      if (item.section_id != section.id) continue;
      out << "| " << md(item.item_id) << " | " << md(item.title) << " | " << level_cell(item) << " |\n";
    }
  }

  bool reviews = false;
  for (const rules::ItemResult& item : a.items) {
    if (!item.review) continue;
    if (!reviews) out << "\n## Reviewer overrides\n\n";
    reviews = true;
    out << "- **" << md(item.item_id) << "** " << md(std::string(label(item.level))) << ", " << md(reviewed(*item.review))
        << ": " << md(item.review->note) << '\n';
  }

  render_team(a, out);

  bool heading = false;
  for (const rules::ItemResult& item : a.items) {
    if (!item.applicable || item.level >= Level::meets) continue;
    if (!heading) out << "\n## What to add to reach Meets\n";
    heading = true;
    out << "\n### " << md(item.item_id) << " " << md(item.title) << " (" << label(item.level) << ")\n\n";
    std::vector<const rules::CriterionResult*> missing;
    for (const std::string& id : item.unmet) {
      for (const rules::CriterionResult& c : item.criteria) {
        if (c.id == id) missing.push_back(&c);
      }
    }
    if (!missing.empty()) {
      out << "Not found in the document:\n\n";
      for (const rules::CriterionResult* c : missing) out << "- " << md(c->text) << '\n';
      out << '\n';
    }
    if (item.review) out << "**Reviewer's note:** " << md(item.review->note) << "\n\n";
    if (!item.gap.empty()) out << "**What to add:** " << md(item.gap) << '\n';
    // One quote per passage: criteria met by the same sentence show it once.
    std::vector<const rules::Evidence*> quotes;
    for (const rules::CriterionResult& c : item.criteria) {
      if (!c.met || c.evidence.empty()) continue;
      const rules::Evidence& e = c.evidence.front();
      const auto same = std::find_if(quotes.begin(), quotes.end(), [&](const rules::Evidence* q) { return q->quote == e.quote; });
      if (same == quotes.end()) quotes.push_back(&e);
      else if (e.highlights.size() > (*same)->highlights.size()) *same = &e;  // the one with more words found
    }
    if (!quotes.empty()) out << "\nFound so far:\n\n";
    for (const rules::Evidence* e : quotes) out << "- " << highlighted(*e) << " (" << md(place(*e)) << ")\n";
  }
}

void render_csv(const Assessment& a, std::ostream& out) {
  out << "item,title,section,applicable,level,level_label,criteria_met,criteria_unmet,quote,place,gap,engine_level,review_note\r\n";
  for (const rules::ItemResult& item : a.items) {
    std::string met;
    std::string unmet;
    const rules::Evidence* quote = nullptr;
    for (const rules::CriterionResult& c : item.criteria) {
      if (c.met) {
        met += (met.empty() ? "" : " ") + c.id;
        if (quote == nullptr && !c.evidence.empty()) quote = &c.evidence.front();
      }
    }
    for (const std::string& id : item.unmet) unmet += (unmet.empty() ? "" : " ") + id;
    const std::string applicable = item.external ? "not assessable" : item.applicable ? "yes" : "no";
    out << csv(item.item_id) << ',' << csv(item.title) << ',' << csv(item.section_id) << ',' << applicable << ','
        << (item.applicable ? std::string(code(item.level)) : "") << ',' << csv(level_cell(item)) << ',' << csv(met) << ','
        << csv(unmet) << ',' << csv(quote != nullptr ? quote->quote : "") << ',' << csv(quote != nullptr ? place(*quote) : "")
        << ',' << csv(item.applicable && item.level < Level::meets ? item.gap : "") << ','
        << (item.review ? code(item.review->engine_level) : "") << ',' << csv(item.review ? item.review->note : "") << "\r\n";
  }
}

void render_form_csv(const std::vector<selfassess::FormRow>& rows, std::ostream& out) {
  out << "item,section,title,question,evidence_from,level,justification,source\r\n";
  for (const selfassess::FormRow& row : rows) {
    out << csv(row.item_id) << ',' << csv(row.section) << ',' << csv(row.title) << ',' << csv(row.question) << ','
        << evidence_from(row) << ",,,\r\n";
  }
}

void render_form_markdown(const std::vector<selfassess::FormRow>& rows, const checklist::Meta& checklist,
                          std::ostream& out) {
  out << "# Self-assessment: " << md(checklist.title) << " " << md(checklist.version) << "\n\n"
      << "Rate each item Missing, Approaches, Meets or Exceeds, say why, and say where the evidence is: a page "
         "of the document or, for items that need team records, the record. Leave the level empty for an item "
         "the team does not rate.\n\n"
      << "> " << md(checklist.provenance) << "\n\n"
      << "| Item | Question | Evidence from | Level | Justification | Source |\n"
      << "| --- | --- | --- | --- | --- | --- |\n";
  for (const selfassess::FormRow& row : rows) {
    out << "| " << md(row.item_id) << " " << md(row.title) << " | " << md(row.question) << " | " << evidence_from(row)
        << " |  |  |  |\n";
  }
}

void render_debrief_markdown(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  out << "# Workshop debrief: " << md(s.pack_title) << "\n\n"
      << "Pack `" << s.pack_id << "` (" << label(s.kind) << ", " << s.lang << "), checklist " << md(s.checklist_id);
  if (s.id > 0) out << "; session " << s.id;
  if (!s.cohort.empty()) out << ": " << md(s.cohort);
  out << ", " << s.created_at.substr(0, 10) << "\n\n";
  if (s.draft_key) {
    out << "> **The answer key is still the engine's draft:** a trainer has not checked it (key status \"draft\" in "
           "the pack).\n\n";
  }
  out << "**The room:** " << counted(d.participants.size(), "participant") << ", " << counted(d.room.count, "answer") << ": " << agreement_text(d.room)
      << ".\n\n## Participants\n\n| Participant | Answered | Exact | Within one | Weighted kappa |\n| --- | --- | --- | --- | --- |\n";
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "| " << md(p.name) << " | " << p.answered << "/" << s.items.size() << " | " << percent(p.agreement.exact, p.agreement.count)
        << " | " << percent(p.agreement.within_one, p.agreement.count) << " | " << kappa_text(p.agreement.kappa) << " |\n";
  }
  out << "\n## Discussion points\n\nWhere the room disagreed with the key, most first.\n";
  if (d.discussion.empty()) out << "\nNone: every answer was on the key.\n";
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "\n### " << n + 1 << ". " << md(item.item_id) << " " << md(item.title) << "\n\n"
        << "Key **" << label(item.key) << "**" << (item.engine ? ", engine " + std::string(label(*item.engine)) : "") << ". "
        << percent(item.exact, item.answered) << " of " << counted(item.answered, "answer") << " on the key, "
        << levels_text(item.mean_distance) << " levels away on average.\n\n"
        << "| Missing | Approaches | Meets | Exceeds |\n| --- | --- | --- | --- |\n|";
    for (std::size_t n_answers : item.answers) out << ' ' << n_answers << " |";
    out << "\n\n";
    if (!item.rationale.empty()) out << "**Why the key says " << label(item.key) << ":** " << md(item.rationale) << "\n\n";
    for (const std::string& note : item.notes) out << "- " << md(note) << '\n';
  }
  out << "\n## Items\n\n| Item | Key | Engine | Missing | Approaches | Meets | Exceeds | On the key |\n"
         "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const workshop::ItemSpread& item : d.items) {
    out << "| " << md(item.item_id) << " " << md(item.title) << " | " << label(item.key) << " | "
        << (item.engine ? label(*item.engine) : "-") << " |";
    for (std::size_t n_answers : item.answers) out << ' ' << n_answers << " |";
    out << ' ' << percent(item.exact, item.answered) << " |\n";
  }
  if (d.engine) out << "\nThe engine against the key: " << counted(d.engine->count, "item") << ", " << agreement_text(*d.engine) << ".\n";
}

void render_handout_markdown(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out) {
  out << "# Exercise: " << md(pack.title) << "\n\n";
  if (!pack.instructions.empty()) out << md(pack.instructions) << "\n\n";
  out << "> " << md(checklist.meta.provenance) << "\n\n";
  if (!pack.source.empty()) out << "Source: " << md(pack.source) << "\n\n";
  out << "---\n\n";
  // The excerpt as written, its headings one level down under the exercise's title.
  std::size_t start = 0;
  while (start < pack.excerpt.size()) {
    const std::size_t end = std::min(pack.excerpt.find('\n', start), pack.excerpt.size());
    const std::string_view line = std::string_view(pack.excerpt).substr(start, end - start);
    out << (line.starts_with('#') ? "#" : "") << line << '\n';
    start = end + 1;
  }
  out << "\n---\n\n## Your ratings\n\nRate each item Missing, Approaches, Meets or Exceeds from the excerpt alone, "
         "and give a short reason.\n\n| Item | Question | Level | Reason |\n| --- | --- | --- | --- |\n";
  for (const workshop::KeyAnswer& k : pack.key) {
    const checklist::Item* item = checklist::find_item(checklist, k.item_id);  // load_pack checked it is there
    if (item == nullptr) continue;
    out << "| " << md(k.item_id) << " " << md(checklist::title_in(*item, pack.lang)) << " | "
        << md(checklist::question_in(*item, pack.lang)) << " |  |  |\n";
  }
}

void render_answer_sheet_csv(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out) {
  out << "participant,item,title,level,note\r\n";
  for (const workshop::KeyAnswer& k : pack.key) {
    const checklist::Item* item = checklist::find_item(checklist, k.item_id);
    out << ',' << csv(k.item_id) << ',' << csv(item != nullptr ? checklist::title_in(*item, pack.lang) : "") << ",,\r\n";
  }
}

}  // namespace unct::report
