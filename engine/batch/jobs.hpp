#pragma once

// The parallel loop `batch` and `rescore` share: items handed out one at a time to a number of
// threads, each with its own connection to the database (SQLite connections are not shared
// across threads), until none are left.

#include "engine/assess/assessment.hpp"
#include "engine/batch/batch.hpp"
#include "engine/store/store.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

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

// A rated document waiting to be stored: its assessment, the text for the text cache (none for a
// document that came from the cache), and its outcome so far (path, SHA-256).
struct Rated {
  std::size_t item = 0;
  Assessment assessment;
  std::optional<store::CachedText> text;
  Outcome outcome;
  double seconds = 0;  // reading and rating it took
};

// Stores what a run's threads rate, several documents to a write transaction: SQLite's cost of a
// commit (the WAL pages written, the index pages every assessment touches rewritten, the
// checkpoint) is paid once for a group, not once per document. A rated document is stored when
// a group's worth are waiting, or when a group's seconds have passed since the last write; a run
// that is killed loses at most that much rating, which the next run does again. A thread that
// finds another writing queues its document and goes on rating, unless two groups' worth wait.
// Unless `force`, a document already assessed with this checklist is not stored (another process
// may have stored it meanwhile). When a group cannot be stored, each of its documents is tried
// alone, so that one bad document fails alone.
// How many documents make a group, and how long the first may wait.
struct SaveGroup {
  std::size_t documents = 32;
  double seconds = 0.25;
};

class GroupSaver {
public:
  // Called once per document of a group after the group's write, on the thread that wrote it,
  // with its connection and writing() still held, and the document's outcome: scored or skipped
  // with the new assessment (or the one stored before), or failed with the error.
  using OnSaved = std::function<void(store::Store& store, Rated& rated)>;

  GroupSaver(bool force, OnSaved on_saved, SaveGroup group = {});

  // Queues `rated`; writes the waiting group through `store` (this thread's connection) when it
  // is due and no other thread is writing.
  void add(store::Store& store, Rated rated);

  // Writes whatever is waiting, through `store`: once every thread has added its last document.
  void flush(store::Store& store);

  // Held for every write of the run, so that its threads take turns at SQLite's write lock rather
  // than sleep in its busy handler. Lock it for a run's other writes (a batch's failures).
  std::mutex& writing() { return m_writing; }

private:
  // Takes the waiting documents and writes them; `writing` is held.
  void write_waiting(store::Store& store);

  bool m_force;
  OnSaved m_on_saved;
  SaveGroup m_group;
  std::mutex m_writing;
  std::mutex m_queue_mutex;  // guards m_waiting and m_last_write
  std::vector<Rated> m_waiting;
  std::chrono::steady_clock::time_point m_last_write;
};

// Marks `out` failed with the exception being handled: an InputError's message, which names the
// file and place, or else an internal error of `file`. Call from a catch block.
void fail_with_current_exception(Outcome& out, const std::string& file);

}  // namespace unct::batch
