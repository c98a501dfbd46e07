#pragma once

// Workshop sessions (engine/workshop's value types): the pack's key, the engine's levels and every
// participant's answers, stored whole in one transaction, for the debrief again and for comparing
// cohorts.

#include "engine/store/database.hpp"
#include "engine/workshop/room.hpp"
#include "engine/workshop/session.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unct::store {

class WorkshopStore {
public:
  // Requires: `database` outlives this.
  explicit WorkshopStore(Database& database) : m_database(&database) {}

  // Stores the session whole in one transaction; returns its id.
  std::int64_t save(const workshop::Session& session);

  // Throws InputError when there is no session with that id.
  workshop::Session load(std::int64_t id) const;

  // Every session, oldest first; only those of the pack with this id when it is not empty.
  std::vector<workshop::Session> sessions(const std::string& pack_id = {}) const;

  // Rooms (workshop/room.hpp): sessions that take answers one participant at a time.

  // Stores the session (with no answers yet) and its room in one transaction; returns the
  // session's id (`room.session_id` is ignored). Throws InputError when the code is taken.
  std::int64_t open_room(const workshop::Session& session, const workshop::Room& room);

  // The room with this code (as stored: upper case), or of this session; nullopt when none.
  std::optional<workshop::Room> room(const std::string& code) const;
  std::optional<workshop::Room> room_of(std::int64_t session_id) const;
  // Every room, newest first.
  std::vector<workshop::Room> rooms() const;

  enum class Taken { stored, closed, no_room, full };
  // Replaces the participant's answers in the room's session by `answers` (each naming this
  // participant), in one transaction. A participant keeps the place where they first answered,
  // so the debrief lists the room in the order it answered. Nothing is stored when the room is
  // closed (a close that came first wins), there is no room for that session, or the participant
  // is new and the room has `max_participants` already (full).
  Taken replace_answers(std::int64_t session_id, const std::string& participant,
                        const std::vector<workshop::Answer>& answers, std::size_t max_participants);

  // Closes the room: no more answers. Returns false when it was already closed (its time kept)
  // or there is no such room.
  bool close_room(std::int64_t session_id, const std::string& closed_at);

private:
  // Inserts the session and its items and answers; inside the caller's transaction.
  std::int64_t insert(const workshop::Session& session);

  // The sessions of the pack (any when empty), only the one with id `only` when given.
  std::vector<workshop::Session> read(const std::string& pack_id, std::optional<std::int64_t> only) const;

  Database* m_database;
};

}  // namespace unct::store
