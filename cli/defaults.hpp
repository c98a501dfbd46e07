#pragma once

#include <filesystem>

namespace unct::cli {

// The checklist used when --checklist is not given: $UNCT_ASSESS_CHECKLIST if set, else the
// installed copy, else the one in the source tree the program was built from.
std::filesystem::path default_checklist();

// The database used when --db is not given: ./unct-assess.db.
std::filesystem::path default_database();

}  // namespace unct::cli
