#pragma once

#include <span>

namespace unct::store {

struct Migration {
  int version;
  const char* sql;  // brings the schema from version - 1 to version
  // The tables whose foreign keys point into a table `sql` rebuilds: they must point to no row
  // that is not there, beyond those that already did.
  std::span<const char* const> referring = {};
};

// Every migration in order, from an empty database (version 0) to the latest schema.
std::span<const Migration> migrations();

}  // namespace unct::store
