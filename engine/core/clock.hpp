#pragma once

#include <string>

namespace unct {

// The current time, UTC, as ISO 8601 to the second: "2026-11-23T09:41:07Z". The stamp every
// stored row carries.
std::string now_utc();

}  // namespace unct
