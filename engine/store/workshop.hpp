#pragma once

// Workshop sessions (engine/workshop's value types): the pack's key, the engine's levels and every
// participant's answers, stored whole in one transaction, for the debrief again and for comparing
// cohorts.

#include "engine/store/database.hpp"
#include "engine/workshop/session.hpp"

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

private:
  // The sessions of the pack (any when empty), only the one with id `only` when given.
  std::vector<workshop::Session> read(const std::string& pack_id, std::optional<std::int64_t> only) const;

  Database* m_database;
};

}  // namespace unct::store
