#pragma once

#include <filesystem>

namespace unct::cli {

// The checklist used when --checklist is not given: $UNCT_ASSESS_CHECKLIST if set, else the
// installed copy, else the one in the source tree the program was built from.
std::filesystem::path default_checklist();

// The workshop packs `serve` offers when --packs is not given: the installed samples/workshop,
// else the one in the source tree the program was built from.
std::filesystem::path default_packs_folder();

// The database used when --db is not given: ./unct-assess.db.
std::filesystem::path default_database();

// Where checklists loaded and compiled are kept between runs (rules/checklist_cache.hpp):
// $UNCT_ASSESS_CACHE if set ("off": nowhere), else $XDG_CACHE_HOME/unct-assess, else
// ~/.cache/unct-assess; empty (no cache) when none of these is known.
std::filesystem::path default_cache_folder();

}  // namespace unct::cli
