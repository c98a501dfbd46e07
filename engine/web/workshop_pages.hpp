#pragma once

// The workshop room's pages and JSON (docs/api.md, "Workshop room"): the trainer's list of packs
// and rooms, the trainer's page (the debrief as `workshop report --format html` renders it, with
// the room's short link above it), and the participants' page (the excerpt as the handout lays
// it out, in the pack's language, and a form: a name, a level and a note per item). Plain
// functions from values to text; every piece of text from a pack, a form or the database is
// escaped.

#include "engine/checklist/model.hpp"
#include "engine/workshop/pack.hpp"
#include "engine/workshop/room.hpp"
#include "engine/workshop/session.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unct::web {

// A pack file of the packs folder: read, or why not.
struct PackEntry {
  std::string name;                    // the file name, which the form sends back
  std::optional<workshop::Pack> pack;  // empty when it cannot be read
  std::string error;                   // why, when it cannot
};

// A stored session (opened from the web app, or scored from answer sheets by the command line)
// with its room, when it has one.
struct SessionEntry {
  workshop::Debrief debrief;
  std::optional<workshop::Room> room;
};

// What the trainer typed into the form that opens a room, kept to fill it again after a refusal.
struct RoomForm {
  std::string pack;  // a name of `packs`
  std::string cohort;
};

// What a participant typed: a name, and per item id the level (a code) and the note.
struct ParticipantForm {
  std::string name;
  std::map<std::string, std::pair<std::string, std::string>> answers;
};

// The page `/workshop`: the form that opens a room (a pack of the folder, or a pack file
// uploaded, and the cohort), the packs that cannot be read with why, and the sessions, newest
// first, each with its room's state and link; `error` above the form after a refusal.
std::string workshop_page(const std::vector<PackEntry>& packs, const std::vector<SessionEntry>& sessions,
                          const RoomForm& form, const std::string& error, const std::string& csrf);

// The trainer's page `/workshop/{id}`: the debrief (report::render_debrief_html) with, above it,
// the room's short link `link` (with `link_hint` beside it when the trainer's address will not
// reach the participants), its state and the form that closes it. Reloads itself every
// `refresh_seconds` while the room is open.
std::string trainer_page(const SessionEntry& session, const std::string& link, const std::string& link_hint,
                         const std::string& csrf, int refresh_seconds);

// The participants' page `/r/{code}`, in the pack's language: the exercise as the handout gives
// it, then the form filled with `typed`. `error` (a refusal) or `thanks` (the answers taken)
// above the form; a closed room shows the excerpt and says it is closed, without the form.
std::string participant_page(const workshop::Pack& pack, const checklist::Checklist& checklist,
                             const workshop::Room& room, const ParticipantForm& typed, const std::string& error,
                             const std::string& thanks);
// What the participant page says once answers are taken, in the pack's language.
std::string thanks_text(const workshop::Pack& pack, const std::string& name, std::size_t answers);
// What a refusal says when the room is closed, in the pack's language.
std::string closed_text(const workshop::Pack& pack);
// What a refusal says to a new participant when the room has its `most` participants.
std::string full_text(const workshop::Pack& pack, std::size_t most);

// JSON: the packs and sessions of `/workshop`; a session's debrief with its room and link; the
// room as a participant sees it (never the key); the answers a participant's POST stored.
std::string workshop_json(const std::vector<PackEntry>& packs, const std::vector<SessionEntry>& sessions);
std::string debrief_json(const SessionEntry& session, const std::string& link);
std::string room_json(const workshop::Pack& pack, const checklist::Checklist& checklist, const workshop::Room& room);
std::string answers_json(const std::string& code, const std::string& participant,
                         const std::vector<workshop::Answer>& answers);

}  // namespace unct::web
