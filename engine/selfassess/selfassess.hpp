#pragma once

// A country team's own rating of its document against the checklist, beside the engine's.
//   - the rows of the form the team fills in: one per item that applies to the kind of document,
//     in the checklist's language of choice (report::render_form writes it);
//   - reading the filled-in form back (CSV), with errors naming the row;
//   - applying it to an assessment: items that need evidence from outside the document (the
//     RDM-UNCT items) take the team's level, marked self-reported; every other item keeps the
//     engine's level, the team's stands beside it;
//   - the discrepancies between the two: overclaims (the team claims Meets or above where the
//     engine found no more than Approaches) and underclaims (the team says Missing where the
//     engine found evidence).

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/level.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unct::selfassess {

// One row of the form.
struct FormRow {
  std::string item_id;
  std::string section;    // the section's title, in the chosen language where the checklist has it
  std::string title;      // in the chosen language, else English
  std::string question;   // in the chosen language, else English
  bool external = false;  // needs evidence from outside the document
  bool operator==(const FormRow&) const = default;
};

// The items that apply to `kind` (every item when empty), with titles and questions in `lang`
// where the checklist has a translation ("en" or "" for the checklist's own text).
std::vector<FormRow> form_rows(const checklist::Checklist& checklist, std::optional<DocumentKind> kind,
                               const std::string& lang);

// Reads a filled-in form: the columns `item` and `level` are required, `justification` and
// `source` optional; other columns (the question...) are ignored. The level may be written in
// English, French or Spanish, as the form lists it (parse_level_name). A row with an empty level
// is an item the team did not rate. Throws InputError naming the file and line for a missing
// column, an item the checklist does not have, an unknown level or an item rated twice.
std::vector<SelfRating> read_self_ratings(const CsvTable& table, const checklist::Checklist& checklist);

// Puts the team's ratings into the assessment. Items needing external evidence that the team
// rated become applicable at the team's level (self_reported); the scores are recomputed.
// Throws InputError (naming the file and line) for a rating of an item that does not apply to
// the document. Replaces any ratings the assessment held.
void apply(Assessment& assessment, const std::vector<SelfRating>& ratings, const std::string& file);

enum class Claim { overclaim, underclaim };

struct Discrepancy {
  std::string item_id;
  std::string title;
  Claim claim = Claim::overclaim;
  Level team = Level::missing;
  Level engine = Level::missing;
  std::string justification;               // the team's
  std::vector<std::string> not_evidenced;  // overclaim: the criteria the engine did not find
  std::vector<rules::Evidence> quotes;     // underclaim: what the engine found, strongest first, up to 3
  bool operator==(const Discrepancy&) const = default;
};

// The discrepancies, in checklist order. Self-reported items have none: the engine cannot see
// their evidence.
std::vector<Discrepancy> discrepancies(const Assessment& assessment);

// One item's discrepancy across two assessments (drafts) of a document: resolved when only the
// first has it, new when only the second has it, standing when both have it.
struct ClaimChange {
  std::string item_id;
  std::string title;
  std::optional<Discrepancy> first;
  std::optional<Discrepancy> second;
  bool operator==(const ClaimChange&) const = default;
};

// The items with a discrepancy in either assessment, in the second's checklist order, then the
// first's; empty when neither holds the team's ratings.
std::vector<ClaimChange> compare_claims(const Assessment& first, const Assessment& second);

}  // namespace unct::selfassess
