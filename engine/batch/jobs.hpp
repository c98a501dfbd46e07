#pragma once

// The parallel loop `batch` and `rescore` share: items handed out one at a time to a number of
// threads, each with its own connection to the database (SQLite connections are not shared
// across threads), until none are left.

#include "engine/store/store.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>

namespace unct::batch {

// Work on one item, by index.
using ItemWork = std::function<void(std::size_t item)>;
// Called once per thread with that thread's connection; returns the thread's work, which may keep
// per-thread state (a reader worker process).
using MakeWork = std::function<ItemWork(store::Store& store)>;

// Runs every item in [0, count) once, on `jobs` threads, at most one per item. With one, the work
// runs on the caller's thread over `main`; otherwise each thread opens the database at main's
// path. The first exception a thread throws stops the others after their current item and is
// thrown again here.
void run_jobs(store::Store& main, unsigned jobs, std::size_t count, const MakeWork& make_work);

}  // namespace unct::batch
