#pragma once

// The words of the reports in each language they are written in: one catalogue, English, French
// and Spanish side by side (messages.cpp), so a translator reads and checks a row at a time and a
// renderer never holds a sentence of its own. Item wording (titles, questions, criteria, gap
// texts) is the checklist's, in its <translation> elements; see localised() in localise.hpp.

#include "engine/core/level.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace unct::report {

// One message of the catalogue. "{}" in a message stands for an argument, filled in order.
enum class Msg : std::size_t {
  // the document and the checklist
  checklist_line,  // "checklist {} version {}, unct-assess {}"
  rated_against,   // "Rated against {}, {} version {}, by unct-assess {}"
  on_date,         // " on {}"
  note,            // "Note"
  document,
  title,
  kind,
  language,
  country,
  year,
  size,
  kind_given,     // "(as given)"
  kind_detected,  // "(from the title)"
  kind_assumed,   // "(assumed: give the kind when the document is scored)"
  language_unknown,
  not_in_title,
  words_in_blocks,  // "{} words in {} blocks"
  // the summary
  summary,
  overall_line,  // "{} of {} applicable items at Meets or above ({})"
  points_line,   // "{} of {} points"
  engine_only,   // "The engine's levels (and reviewers' overrides) only; ..."
  team_line,     // "The team's own ratings: {} of {} items it rated at Meets or above"
  priorities,
  no_priorities,
  meeting,
  none_meeting,
  self_reported_items,
  not_assessable_items,
  not_applicable_items,
  // items
  items_by_section,
  section_line,  // "{} of {} at Meets or above"
  section_not_applicable,
  section_external,
  item,
  level,
  criteria,
  not_found,
  what_to_add,
  found_so_far,
  to_reach_meets,
  gap_details,
  to_reach_exceeds,
  reviewer_overrides,
  reviewers_note,
  reviewed_by,  // "reviewed by {} on {} (engine: {})"
  a_reviewer,
  self_reported,  // "self-reported"
  needs_team_records,
  not_applicable,
  not_assessable,
  // the team's ratings
  team_and_engine,
  team,
  engine,
  team_justification,
  source,
  overclaim,
  underclaim,
  overclaim_line,  // "The team rates it {}; the engine did not find in the document:"
  engine_found,
  team_engine_levels,  // "Team {}, engine {}."
  // comments in the team's draft (annotate)
  evidence_for,      // "Evidence the engine found for:"
  item_level,        // "{}: {}", an item and its level
  applies_to_kinds,  // "applies to: {}", the kinds of document an item is for
  applies_from,      // "applies to documents from {}; this one is dated {}"
  // places
  before_first_heading,
  page,
  line,
  // charts
  chart_label,  // "Levels of the {} items"
  // forms and workshops
  form_title,              // "Self-assessment: {} {}": the checklist's title and version
  form_instructions,       // the four level names, then how to fill the form in
  form_instructions_xlsx,  // the four level names and the form's sheet; the column names stay English
  form_then,
  form_sheet,  // a worksheet's name (at most 31 characters)
  about_sheet,
  level_choice,  // the four level names: the help of the form's level column
  question,
  evidence_from,
  justification,
  source_column,
  from_team_records,  // where an item's evidence comes from
  from_the_document,
  exercise,  // "Exercise: {}": the pack's title
  source_line,
  your_ratings,
  rate_from_excerpt,  // the four level names
  reason,
  workshop_debrief,
  debrief,
  pack_line,  // "Pack {} ({}, {}), checklist {}": id, kind, language, checklist
  pack,
  checklist_word,
  session,
  draft_key,
  draft_key_why,
  the_room,
  participant_one,  // a count: one, and (French) none
  participant_many,
  answer_one,
  answer_many,
  item_one,
  item_many,
  agreement_line,  // "64% exact, 82% within one level, weighted kappa 0.45"
  participants,
  agreement_with_key,
  participant,
  answered,
  exact,
  within_one,
  kappa,
  weighted_kappa,
  discussion_points,
  disagreed_most,
  none_on_key,
  key,          // the answer key
  on_key_line,  // "50% of 2 answers on the key, 0.5 levels away on average"
  answers,
  why_key,
  items,
  on_the_key,
  engine_against_key,
  applies_to,  // checklist show
  dated_from,
  weight,
  provenance_line,
  our_wording,
  external_evidence,
  level_when,  // "Meets when:"
  level_when_cumulative,
  references,
  words_counted,
  none_of_its_own,
  file_version,  // "publisher, issued; file version 0.3.0"
  show_language,
  colon,      // "{}: {}", spaced as the language writes it
  semicolon,  // "{}; {}"
  count
};

class Messages {
public:
  explicit Messages(std::size_t column) : column_(column) {}

  std::string_view lang() const;
  std::string_view operator[](Msg message) const;
  // The message with each "{}" replaced by the next argument.
  std::string operator()(Msg message, std::initializer_list<std::string_view> arguments) const;

  std::string_view level(Level level) const;     // "Meets", "Répond", "Cumple"
  std::string_view un_level(Level level) const;  // "Meets minimum requirements", in the UN scorecard's wording
  std::string_view kind(DocumentKind kind) const;

private:
  std::size_t column_;  // of the catalogue: 0 English, 1 French, 2 Spanish
};

// The report languages, in catalogue order: "en", "fr", "es".
const std::vector<std::string_view>& report_languages();

// The catalogue of `lang`; English for a language it does not hold.
const Messages& messages(std::string_view lang);

// The language a report is written in: `asked` when given (it must be a report language), else
// the document's when it is one, else English.
std::string_view report_language(std::string_view asked, std::string_view document_language);

}  // namespace unct::report
