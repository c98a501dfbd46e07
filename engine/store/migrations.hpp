#pragma once

#include <span>

namespace unct::store {

struct Migration {
  int version;
  const char* sql;  // brings the schema from version - 1 to version
};

// Every migration in order, from an empty database (version 0) to the latest schema.
std::span<const Migration> migrations();

}  // namespace unct::store
