#include "engine/report/assessment.hpp"

#include "engine/core/ascii.hpp"
#include "engine/report/layout.hpp"
#include "engine/report/wording.hpp"
#include "engine/selfassess/selfassess.hpp"

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

void render_header(const Assessment& a, std::ostream& out) {
  out << a.checklist.title << '\n'
      << "checklist " << a.checklist.id << " version " << a.checklist.version << ", unct-assess " << a.engine_version
      << '\n';
  out << wrap("Note: " + a.checklist.provenance, 0) << '\n';
  const std::string kind_note = a.document.kind_source == "given"      ? " (as given)"
                                : a.document.kind_source == "detected" ? " (from the title)"
                                                                       : " (assumed; use --kind cca|cf|serp)";
  out << "Document  " << a.document.path << '\n'
      << "Title     " << a.document.title << '\n'
      << "Kind      " << label(a.document.kind) << kind_note << '\n'
      << "Language  "
      << (a.document.language.empty() ? "not detected: terms of every language count" : a.document.language)
      << (a.document.language_source == "given" ? " (as given)" : "") << '\n'
      << "Country   "
      << (a.document.country.empty() ? std::string("not in the title (use --country)") : a.document.country) << '\n'
      << "Year      "
      << (a.document.year > 0 ? std::to_string(a.document.year) : std::string("not in the title (use --year)")) << '\n'
      << "Size      " << a.document.words << " words in " << a.document.blocks << " blocks\n\n";
}

void render_sections(const Assessment& a, std::ostream& out) {
  for (const SectionScore& section : a.sections) {
    const auto in_section = [&](const rules::ItemResult& r) { return r.section_id == section.id; };
    const bool all_external = std::all_of(a.items.begin(), a.items.end(),
                                          [&](const rules::ItemResult& r) { return !in_section(r) || r.external; });
    if (section.score.applicable == 0 && all_external) {
      out << wrap(ascii_upper(section.title) + ": " +
                      std::to_string(std::count_if(a.items.begin(), a.items.end(), in_section)) +
                      " items not assessable from the document; they need the country team's records "
                      "(self-assessment or reviewer request)",
                  0)
          << '\n';
      continue;
    }
    if (section.score.applicable == 0) {
      out << ascii_upper(section.title) << ": not applicable to a " << label(a.document.kind) << "\n\n";
      continue;
    }
    out << fit(ascii_upper(section.title), 60) << section.score.at_meets_or_above << " of " << section.score.applicable
        << " at Meets or above\n";
    for (const rules::ItemResult& item : a.items) {
      if (item.section_id != section.id) continue;
      out << "  " << fit(item.item_id, 13) << fit(item.title, 58) << ' '
          << (rules::self_reported(item) ? std::string(label(item.level)) + " (self-reported)"
              : item.applicable          ? std::string(label(item.level))
              : item.external            ? std::string("Not assessable from the document")
                                         : std::string("Not applicable"))
          << (item.review ? " (reviewed; engine: " + std::string(label(item.review->engine_level)) + ")" : "") << '\n';
    }
    out << '\n';
  }
}

void render_overall(const Assessment& a, std::ostream& out) {
  const Score& s = a.overall;
  out << "Overall   " << s.at_meets_or_above << " of " << s.applicable << " applicable items at Meets or above ("
      << percent(s.at_meets_or_above, s.applicable) << "); " << points_text(s.points) << " of "
      << points_text(s.max_points) << " points\n";
  std::string counts;
  for (Level level : {Level::exceeds, Level::meets, Level::approaches, Level::missing}) {
    const auto n = std::count_if(a.items.begin(), a.items.end(),
                                 [&](const rules::ItemResult& r) { return r.applicable && r.level == level; });
    counts += (counts.empty() ? "" : " | ") + std::string(label(level)) + ' ' + std::to_string(n);
  }
  out << "          " << counts << "\n\n";
}

void render_reviews(const Assessment& a, std::ostream& out) {
  bool heading = false;
  for (const rules::ItemResult& item : a.items) {
    if (!item.review) continue;
    if (!heading) out << "REVIEWER OVERRIDES\n";
    heading = true;
    out << "  " << item.item_id << "  " << label(item.level) << ", " << reviewed(*item.review) << '\n'
        << wrap(item.review->note, 4);
  }
  if (heading) out << '\n';
}

// The team's levels beside the engine's, with each overclaim (what the engine did not find) and
// underclaim (what it found).
void render_team(const Assessment& a, std::ostream& out) {
  if (a.self.empty()) return;
  out << "TEAM SELF-ASSESSMENT AND ENGINE\n"
      << "  " << fit("Item", 13) << fit("Team", 12) << "Engine\n";
  for (const SelfRating& s : a.self) {
    const rules::ItemResult* item = find_result(a, s.item_id);
    std::string engine = "self-reported (needs team records)";
    if (item != nullptr && !rules::self_reported(*item)) engine = std::string(label(item->level));
    out << "  " << fit(s.item_id, 13) << fit(label(s.level), 12) << engine << '\n';
  }
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a)) {
    const bool over = d.claim == selfassess::Claim::overclaim;
    out << "\n  " << (over ? "OVERCLAIM  " : "UNDERCLAIM ") << d.item_id << "  " << d.title << ": team "
        << label(d.team) << ", engine " << label(d.engine) << '\n';
    if (!d.justification.empty()) out << wrap("Team: " + d.justification, 4);
    if (over) {
      out << "    Not found in the document:\n";
      for (const std::string& c : d.not_evidenced) out << wrap("- " + c, 6);
    } else {
      out << "    The engine found:\n";
      for (const rules::Evidence& e : d.quotes) out << wrap("\"" + e.quote + "\" (" + place(e) + ")", 6);
    }
  }
  out << '\n';
}

void render_gaps(const Assessment& a, std::ostream& out) {
  std::vector<const rules::ItemResult*> gaps;
  for (const rules::ItemResult& item : a.items) {
    if (item.applicable && item.level < Level::meets) gaps.push_back(&item);
  }
  if (gaps.empty()) {
    out << "No gaps: every applicable item is at Meets or above.\n";
  } else {
    out << "GAPS: WHAT TO ADD TO REACH MEETS\n";
  }
  std::stable_sort(gaps.begin(), gaps.end(),
                   [](const rules::ItemResult* x, const rules::ItemResult* y) { return x->weight > y->weight; });
  for (const rules::ItemResult* item : gaps) {
    out << "\n  " << item->item_id << "  " << item->title << " (" << label(item->level) << ")\n";
    if (!item->unmet.empty()) {
      out << "    Not found in the document:\n";
      for (const std::string& id : item->unmet) {
        if (const rules::CriterionResult* c = find(*item, id)) out << wrap("- " + c->text, 6);
      }
    }
    if (item->review) out << "    Reviewer's note:\n" << wrap(item->review->note, 6);
    if (!item->gap.empty()) out << "    What to add:\n" << wrap(item->gap, 6);
    if (const rules::Evidence* e = rules::best_evidence(*item)) {
      out << "    Found so far:\n" << wrap("\"" + e->quote + "\" (" + place(*e) + ")", 6);
    }
  }

  std::vector<const rules::ItemResult*> next;
  for (const rules::ItemResult& item : a.items) {
    if (item.applicable && item.level == Level::meets && !item.unmet.empty()) next.push_back(&item);
  }
  if (next.empty()) return;
  out << "\nTO REACH EXCEEDS\n";
  for (const rules::ItemResult* item : next) {
    out << "\n  " << item->item_id << "  " << item->title << '\n';
    for (const std::string& id : item->unmet) {
      if (const rules::CriterionResult* c = find(*item, id)) out << wrap("- " + c->text, 6);
    }
  }
}

}  // namespace

void render_text(const Assessment& assessment, std::ostream& out) {
  render_header(assessment, out);
  render_sections(assessment, out);
  render_overall(assessment, out);
  render_reviews(assessment, out);
  render_team(assessment, out);
  render_gaps(assessment, out);
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
