#pragma once

// A workshop session: participants' answer sheets for a pack, scored against its answer key.
//   - reading answer sheets (CSV, one per participant or one long sheet), errors naming the row;
//   - the session as stored: the pack's key and the engine's rating of the excerpt, frozen at the
//     time of the session (a trainer may edit the pack later), and every answer;
//   - the debrief: each participant's agreement with the key (exact, within one, weighted
//     kappa), the room's, and per item the spread of answers, ranked so that the items the room
//     disagreed on most come first: the discussion points;
//   - comparing cohorts that did the same pack.

#include "engine/agreement/agreement.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/level.hpp"
#include "engine/workshop/pack.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unct::workshop {

// One participant's answer for one item.
struct Answer {
  std::string participant;
  std::string item_id;
  Level level = Level::missing;
  std::string note;  // the participant's reason, when given
  std::string file;  // the answer sheet
  int line = 0;
  bool operator==(const Answer&) const = default;
};

// Reads an answer sheet: the columns `participant`, `item` and `level` are required, `note` is
// optional, others are ignored. The level may be written in English, French or Spanish, as the
// handouts print it (parse_level_name). A row with an empty level is an item the participant left
// out; a blank row is skipped. Throws InputError naming the file and line for a missing column, a row
// without a participant's name, an item that is not in the pack (or not in the checklist), an
// unknown level, or an item one participant answered twice.
std::vector<Answer> read_answers(const CsvTable& table, const Pack& pack);

// One item of the session: the key and the engine's rating of the excerpt.
struct SessionItem {
  std::string item_id;
  std::string title;
  Level key = Level::missing;
  std::string rationale;
  std::optional<Level> engine;  // nullopt when the engine did not rate it
  bool operator==(const SessionItem&) const = default;
};

struct Session {
  std::int64_t id = 0;  // 0 until stored
  std::string cohort;   // the trainer's label: "Nairobi, May 2026"
  std::string created_at;
  std::string pack_id;
  std::string pack_title;
  std::string pack_path;
  std::string pack_sha256;
  std::string checklist_id;
  DocumentKind kind = DocumentKind::cca;
  std::string lang;
  bool draft_key = false;
  std::vector<SessionItem> items;  // the pack's order
  std::vector<Answer> answers;     // sheet order
  bool operator==(const Session&) const = default;
};

// A session of the pack with no answers yet (a workshop room, where answers arrive one
// participant at a time), with `engine` the engine's level per item of the pack (rate_excerpt;
// items it does not rate are left out).
Session open_session(const Pack& pack, const checklist::Checklist& checklist,
                     const std::vector<std::pair<std::string, Level>>& engine, std::string cohort,
                     std::string created_at);

// The session for these sheets (`answers` from every sheet, in order): open_session with the
// answers. Throws InputError naming both rows when one participant answered an item in two
// sheets, and when no sheet holds an answer.
Session make_session(const Pack& pack, const checklist::Checklist& checklist, const std::vector<Answer>& answers,
                     const std::vector<std::pair<std::string, Level>>& engine, std::string cohort,
                     std::string created_at);

struct ParticipantScore {
  std::string name;
  std::size_t answered = 0;        // items answered, out of the pack's
  agreement::Agreement agreement;  // with the key
  bool operator==(const ParticipantScore&) const = default;
};

// A participant's reason for an answer, as the debrief lists it: "Name (Level): note", the level
// in the debrief's language.
struct AnswerNote {
  std::string participant;
  Level level = Level::missing;
  std::string note;
  bool operator==(const AnswerNote&) const = default;
};

struct ItemSpread {
  std::string item_id;
  std::string title;
  Level key = Level::missing;
  std::string rationale;
  std::optional<Level> engine;
  std::array<std::size_t, 4> answers{};  // how many answered each level
  std::size_t answered = 0;
  std::size_t exact = 0;          // answers on the key's level
  double mean_distance = 0;       // mean levels between the answers and the key
  std::vector<AnswerNote> notes;  // the answers that gave one, in sheet order
  bool operator==(const ItemSpread&) const = default;

  double exact_share() const { return answered == 0 ? 0 : static_cast<double>(exact) / static_cast<double>(answered); }
};

struct Debrief {
  Session session;
  std::vector<ParticipantScore> participants;  // in the order first met in the sheets
  std::vector<ItemSpread> items;               // the pack's order
  std::vector<std::size_t> discussion;         // indices into `items`: where the room disagreed
                                               // with the key, most first
  agreement::Agreement room;                   // every answer against the key
  std::optional<agreement::Agreement> engine;  // the engine against the key, when it rated the items
  bool operator==(const Debrief&) const = default;
};

Debrief debrief(const Session& session);

// Cohorts that did the same pack, side by side.
struct CohortItem {
  std::string item_id;
  std::string title;
  std::vector<std::optional<double>> exact_share;  // per session; nullopt when nobody answered it
  bool operator==(const CohortItem&) const = default;
};

struct CohortComparison {
  std::vector<Debrief> sessions;
  std::vector<CohortItem> items;  // every item of any session, first session's order first
  bool operator==(const CohortComparison&) const = default;
};

// Throws InputError when fewer than two sessions are given.
CohortComparison compare_cohorts(std::vector<Debrief> sessions);

}  // namespace unct::workshop
