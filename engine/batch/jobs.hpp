#pragma once

// The parallel loop `batch` and `rescore` share: items handed out one at a time to a number of
// threads, each with its own connection to the database (SQLite connections are not shared
// across threads), until none are left.

#include "engine/assess/assessment.hpp"
#include "engine/batch/batch.hpp"
#include "engine/store/store.hpp"

#include <atomic>
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
// thrown again here. The connections the work is given check no foreign keys (main's checks them
// again once the work is done): the work adds rows only, which refer to rows the same transaction
// wrote or read (an assessment's) or to the run's batch row, committed before it and never
// deleted (a failure); deletes, whose cascades need the checks, do not go through them. The check
// cost a B-tree lookup per row, 4% of a rescore.
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
// checkpoint) is paid once for a group, not once per document. A rated document is stored once a
// group's worth wait, or once it has waited the group's seconds, so that a run that is killed
// loses about that much rating (and any write then under way), which the next run does again.
//
// The rating threads write the groups themselves, each through its own connection: the one that
// adds a document while a group is due (32 wait, or the oldest has waited its seconds) writes
// what is due, unless another thread is writing; then it goes on rating, unless two groups' worth
// wait. When no document comes to make a waiting one's group due (the threads are all reading
// long PDFs, say), a watch thread stores it once it has waited, through a connection it opens
// the first time it has to.
//
// The watch thread also copies the write-ahead log into the database file (a checkpoint) once a
// group's worth of documents has been stored since its last, where SQLite would have the commit
// that fills the log with 1,000 pages do it: a checkpoint waits for the disk twice, and the thread
// that commits would wait with it rather than rate. A connection's automatic checkpoints are off
// while it stores a group, unless the watch could not checkpoint (then they stay on from then on).
// The run's other commits (a batch's failures) and those after finish() stops the watch
// checkpoint as SQLite's do.
//
// Unless `force`, a document already assessed with this checklist is not stored (another process
// may have stored it meanwhile). When a group cannot be stored, each of its documents is tried
// alone, so that one bad document fails alone.
class GroupSaver {
public:
  // Called once per document of a group after the group's write, on the thread that wrote it,
  // with the connection it wrote through, writing() held, and the document's outcome: scored or
  // skipped with the new assessment (or the one stored before), or failed with the error. When
  // it throws, the saver still calls it for every other document, and throws the first exception
  // afterwards (from add or finish).
  using OnSaved = std::function<void(store::Store& store, Rated& rated)>;

  // Starts the watch thread; `database` is where its connection goes, when it needs one.
  // group.documents counts as at least 1.
  GroupSaver(std::filesystem::path database, bool force, OnSaved on_saved, SaveGroup group = {});
  // Stops the watch thread, and stores what still waits through the watch's connection when
  // finish() was not called (a run that throws). Errors are not reported: the run is failing.
  ~GroupSaver();
  GroupSaver(const GroupSaver&) = delete;
  GroupSaver& operator=(const GroupSaver&) = delete;

  // Queues `rated`; writes what is due through `store` (the calling thread's connection) when
  // no other thread is writing. Throws what OnSaved threw in that write.
  void add(store::Store& store, Rated rated);

  // Stops the watch thread and stores whatever waits through `store`: once every document has
  // been added. Then throws what OnSaved threw here or on the watch thread, or what kept the
  // watch from opening its connection.
  void finish(store::Store& store);

  // Held for every write of the saver's, so that a run's other writes (a batch's failures) take
  // turns with it at SQLite's write lock rather than sleep in its busy handler.
  std::mutex& writing() { return m_writing; }

private:
  using Clock = std::chrono::steady_clock;
  struct Waiting {
    Rated rated;
    Clock::time_point since;
  };
  // Which groups are due: those the oldest document's wait makes due (the watch's), those its
  // wait or their size do (add's), or whatever waits (finish's).
  enum class Due { by_time, by_time_or_size, all };

  // With m_queue_mutex held.
  bool due(Due which) const;
  // With m_writing held: stores group after group while one is due. Returns the first exception
  // OnSaved threw.
  std::exception_ptr write_due(store::Store& store, Due which);
  std::exception_ptr write(store::Store& store, std::vector<Waiting>& group);
  void stop_watching();
  void watch();  // the watch thread
  // m_own, opened the first time, without foreign key checks (it adds rows only, as run_jobs'
  // connections do).
  store::Store& own();

  std::filesystem::path m_database;
  bool m_force;
  OnSaved m_on_saved;
  std::size_t m_documents;  // a group's, at least 1
  Clock::duration m_wait;   // how long the oldest may wait
  std::mutex m_writing;
  // The watch thread's connection: used by it alone, then by the destructor once it is joined.
  std::optional<store::Store> m_own;
  std::mutex m_queue_mutex;           // guards m_waiting, m_stopping and m_stored_since_checkpoint
  std::condition_variable m_changed;  // the first document queued, a group stored, or stopping asked
  std::vector<Waiting> m_waiting;
  bool m_stopping = false;
  std::size_t m_stored_since_checkpoint = 0;  // documents, since the watch's last checkpoint
  // Whether the watch checkpoints for the groups' connections: until it cannot.
  std::atomic<bool> m_checkpointing{true};
  // The watch thread's first failure; written by it alone, read once it is joined.
  std::exception_ptr m_watch_failure;
  std::thread m_watch;  // last: started once the rest is made
};

// Marks `out` failed with the exception being handled: an InputError's message, which names the
// file and place, or else an internal error of `file`. Call from a catch block.
void fail_with_current_exception(Outcome& out, const std::string& file);

}  // namespace unct::batch
