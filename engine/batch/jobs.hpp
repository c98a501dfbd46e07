#pragma once

// The parallel loop `batch` and `rescore` share: items handed out one at a time to a number of
// threads, each with its own connection to the database (SQLite connections are not shared
// across threads), until none are left.

#include "engine/assess/assessment.hpp"
#include "engine/batch/batch.hpp"
#include "engine/store/store.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>

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

// Stores a rated assessment (with `text` for the text cache, or none) holding `writing` for the
// save alone, so that the threads take turns at SQLite's write lock rather than sleep in its busy
// handler. Unless `force`, nothing is stored when the document was already assessed with this
// checklist (another process may have stored it meanwhile). Sets out.status to scored or skipped
// and out.assessment_id to the new assessment, or the one stored before.
void store_rated(store::Store& store, std::mutex& writing, const Assessment& assessment, const store::CachedText* text,
                 bool force, Outcome& out);

// Marks `out` failed with the exception being handled: an InputError's message, which names the
// file and place, or else an internal error of `file`. Call from a catch block.
void fail_with_current_exception(Outcome& out, const std::string& file);

}  // namespace unct::batch
