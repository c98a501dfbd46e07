#pragma once

// The parallel loop `batch` and `rescore` share: items handed out one at a time to a number of
// threads, each with its own connection to the database (SQLite connections are not shared
// across threads), until none are left.

#include "engine/assess/assessment.hpp"
#include "engine/batch/batch.hpp"
#include "engine/store/store.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
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

// How many documents make a group, and how long the first of a group may wait for the rest.
struct SaveGroup {
  std::size_t documents = 32;
  double seconds = 0.25;
};

// Stores what a run's threads rate, several documents to a write transaction: SQLite's cost of a
// commit (the WAL pages written, the index pages every assessment touches rewritten, the
// checkpoint) is paid once for a group, not once per document. The saver writes on a thread of
// its own, with a connection of its own, while the run's threads go on rating; a rated document
// is stored once a group's worth wait, or once it has waited the group's seconds, so that a run
// that is killed loses at most that much rating, which the next run does again. A thread adding
// a document waits only when two groups' worth are waiting. Unless `force`, a document already
// assessed with this checklist is not stored (another process may have stored it meanwhile).
// When a group cannot be stored, each of its documents is tried alone, so that one bad document
// fails alone.
class GroupSaver {
public:
  // Called once per document of a group after the group's write, on the saver's thread, with
  // its connection, writing() held, and the document's outcome: scored or skipped with the new
  // assessment (or the one stored before), or failed with the error.
  using OnSaved = std::function<void(store::Store& store, Rated& rated)>;

  // Opens its own connection to the database at `database` and starts its thread. Throws
  // InputError when the database cannot be opened.
  GroupSaver(const std::filesystem::path& database, bool force, OnSaved on_saved, SaveGroup group = {});
  // Stores what waits, as finish() does, when finish() was not called (a run that throws).
  ~GroupSaver();
  GroupSaver(const GroupSaver&) = delete;
  GroupSaver& operator=(const GroupSaver&) = delete;

  // Queues `rated` for the saver's thread.
  void add(Rated rated);

  // Stores whatever waits and stops the saver's thread: once every document has been added.
  // Throws what an OnSaved threw, if one did: the saver stopped there, and stored nothing after.
  void finish();

  // Held for every write of the saver's, so that a run's other writes (a batch's failures) take
  // turns with it at SQLite's write lock rather than sleep in its busy handler.
  std::mutex& writing() { return m_writing; }

private:
  using Clock = std::chrono::steady_clock;
  struct Waiting {
    Rated rated;
    Clock::time_point since;
  };

  void run();  // the saver's thread
  void write(std::vector<Waiting>& group);

  store::Store m_store;
  bool m_force;
  OnSaved m_on_saved;
  SaveGroup m_group;
  std::mutex m_writing;
  std::mutex m_queue_mutex;           // guards what follows
  std::condition_variable m_changed;  // a document added, or finishing asked
  std::condition_variable m_room;     // a group taken, or the saver stopped
  std::vector<Waiting> m_waiting;
  bool m_finishing = false;
  bool m_stopped = false;
  std::exception_ptr m_failure;
  std::thread m_thread;  // last: started once the rest is made
};

// Marks `out` failed with the exception being handled: an InputError's message, which names the
// file and place, or else an internal error of `file`. Call from a catch block.
void fail_with_current_exception(Outcome& out, const std::string& file);

}  // namespace unct::batch
