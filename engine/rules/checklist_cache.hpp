#pragma once

// A checklist loaded and compiled once per content, not once per run. Validating the checklist
// (its 44 files against the schema, then their meaning) and building the matcher take tens of
// milliseconds, most of a `score`; the result is kept as one file in a cache folder, and a later
// run that finds it reads it in about a millisecond.
//
// An entry is found by the checklist's path as given, and belongs to the build of the engine that
// wrote it (the program's GNU build ID): a rebuilt engine never reads an entry an older one wrote.
// It is taken when the checklist's file and every item file it includes are the files it was
// loaded from: the same inode, size, mtime and ctime as then, and none written within a second
// of that load (a file's ctime changes whenever its bytes are written, and no program can set it
// back). Otherwise their bytes decide: when they give the SHA-256 the entry holds
// (Checklist::sha256) the entry is taken and stamped again, else the checklist is loaded anew and
// its entry replaced, so an edited item file is a miss. What a fresh load makes depends on nothing
// else, so a taken entry equals it.

#include "engine/checklist/model.hpp"
#include "engine/core/timings.hpp"
#include "engine/rules/compiled.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace unct::rules {

struct LoadedChecklist {
  checklist::Checklist checklist;
  CompiledChecklist compiled;  // built from `checklist`
  bool from_cache = false;     // read from the cache rather than loaded and compiled
};

// checklist::load_checklist(path) and compile(), taken from `cache_dir` when it holds them for this
// checklist (see above), else loaded, compiled and written there for the next run. A folder that
// cannot be made or written, and an entry that cannot be read, is damaged, cut short or stale, are
// no error: the checklist is loaded as without a cache (a damaged entry is written again). An
// empty `cache_dir` keeps no cache. Throws what load_checklist throws. The phases go to `timings`:
// "checklist" (from the cache, or loaded) and, when compiled, "compile".
LoadedChecklist load_compiled(const std::filesystem::path& path, const std::filesystem::path& cache_dir,
                              Timings* timings = nullptr);

// What load_compiled keeps and reads, for it and its tests.
// The file in `cache_dir` for the checklist at `path`; empty when this program has no build ID to
// tell its entries from other builds'.
std::filesystem::path cache_entry_path(const std::filesystem::path& cache_dir, const std::filesystem::path& path);
// An entry's bytes: a header with a checksum, then the checklist and its compiled form, with no
// stamps (load_compiled reads the files of such an entry before taking it).
std::string cache_entry(const checklist::Checklist& checklist, const CompiledChecklist& compiled);
// The checklist and compiled form in `bytes`; nullopt unless they are a whole, undamaged entry that
// this build wrote for a checklist at `path`. Whether its files are still the same is the
// caller's to check (load_compiled does).
std::optional<LoadedChecklist> read_cache_entry(std::string_view bytes, const std::filesystem::path& path);

}  // namespace unct::rules
