#include "engine/batch/jobs.hpp"

#include "engine/core/error.hpp"
#include "engine/core/shared_library.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace unct::batch {

namespace {

// A connection's foreign key checks off for as long as this lives, then on.
class WithoutForeignKeyChecks {
public:
  explicit WithoutForeignKeyChecks(const store::Database& database) : m_database(database) {
    m_database.set_foreign_key_checks(false);
  }
  ~WithoutForeignKeyChecks() {
    try {
      m_database.set_foreign_key_checks(true);
    } catch (...) {
      // Only a connection SQLite cannot use any more fails here; its next statement says so.
    }
  }
  WithoutForeignKeyChecks(const WithoutForeignKeyChecks&) = delete;
  WithoutForeignKeyChecks& operator=(const WithoutForeignKeyChecks&) = delete;

private:
  const store::Database& m_database;
};

}  // namespace

void run_jobs(store::Store& main, unsigned jobs, std::size_t count, const MakeWork& make_work) {
  std::atomic<std::size_t> next{0};
  auto drain = [&](store::Store& store) {
    const WithoutForeignKeyChecks unchecked(store.database());
    const ItemWork work = make_work(store);
    for (std::size_t i; (i = next++) < count;) work(i);
  };
  if (std::min<std::size_t>(jobs, count) <= 1) {
    drain(main);
    return;
  }
  std::mutex mutex;
  std::exception_ptr fatal;
  std::vector<std::thread> threads;
  try {
    for (unsigned t = 0; t < std::min<std::size_t>(jobs, count); ++t) {
      threads.emplace_back([&] {
        try {
          store::Store store(main.path());  // a connection per thread
          drain(store);
        } catch (...) {
          const std::lock_guard lock(mutex);
          if (!fatal) fatal = std::current_exception();
          next = count;  // the others stop after their item
        }
      });
    }
  } catch (...) {
    // A thread that could not be started: those running finish their item and are joined.
    next = count;
    for (std::thread& thread : threads) thread.join();
    throw;
  }
  for (std::thread& thread : threads) thread.join();
  if (fatal) std::rethrow_exception(fatal);
}

namespace {

// The wait as a clock duration: none for a negative or NaN one, at most a day (the clock's
// arithmetic has room for some 290 years).
std::chrono::steady_clock::duration wait_of(double seconds) {
  const double clamped = seconds > 0 ? std::min(seconds, 86'400.0) : 0.0;
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(clamped));
}

// A connection's automatic checkpoints off for as long as this lives, then as they were.
class WithoutAutomaticCheckpoints {
public:
  explicit WithoutAutomaticCheckpoints(const store::Database& database)
      : m_database(database), m_pages(database.automatic_checkpoint_pages()) {
    m_database.set_automatic_checkpoint_pages(0);
  }
  ~WithoutAutomaticCheckpoints() { m_database.set_automatic_checkpoint_pages(m_pages); }
  WithoutAutomaticCheckpoints(const WithoutAutomaticCheckpoints&) = delete;
  WithoutAutomaticCheckpoints& operator=(const WithoutAutomaticCheckpoints&) = delete;

private:
  const store::Database& m_database;
  int m_pages;
};

}  // namespace

GroupSaver::GroupSaver(std::filesystem::path database, bool force, OnSaved on_saved, SaveGroup group)
    : m_database(std::move(database)),
      m_force(force),
      m_on_saved(std::move(on_saved)),
      m_documents(std::max<std::size_t>(group.documents, 1)),
      m_wait(wait_of(group.seconds)),
      m_watch([this] { watch(); }) {}

GroupSaver::~GroupSaver() {
  stop_watching();
  {
    const std::lock_guard lock(m_queue_mutex);
    if (m_waiting.empty()) return;
  }
  try {
    const std::lock_guard writing(m_writing);
    write_due(own(), Due::all);  // the watch thread is joined
  } catch (...) {
    // The run is failing already; what could not be stored is rated again by the next run.
  }
}

store::Store& GroupSaver::own() {
  if (!m_own) {
    m_own.emplace(m_database);
    m_own->database().set_foreign_key_checks(false);
  }
  return *m_own;
}

bool GroupSaver::due(Due which) const {
  if (m_waiting.empty()) return false;
  if (which == Due::all) return true;
  if (which == Due::by_time_or_size && m_waiting.size() >= m_documents) return true;
  return Clock::now() >= m_waiting.front().since + m_wait;
}

void GroupSaver::add(store::Store& store, Rated rated) {
  bool full = false;
  {
    const std::lock_guard lock(m_queue_mutex);
    m_waiting.push_back({std::move(rated), Clock::now()});
    if (m_waiting.size() == 1) m_changed.notify_one();  // the watch's clock starts
    if (!due(Due::by_time_or_size)) return;
    full = m_waiting.size() >= 2 * m_documents;
  }
  std::unique_lock writing(m_writing, std::try_to_lock);
  if (!writing.owns_lock()) {
    if (!full) return;  // the writer looks again before it lets go, and the watch is there
    writing.lock();
  }
  if (const std::exception_ptr failure = write_due(store, Due::by_time_or_size)) std::rethrow_exception(failure);
}

void GroupSaver::finish(store::Store& store) {
  stop_watching();
  std::exception_ptr failure;
  {
    const std::lock_guard writing(m_writing);
    failure = write_due(store, Due::all);
  }
  if (m_watch_failure) std::rethrow_exception(std::exchange(m_watch_failure, nullptr));
  if (failure) std::rethrow_exception(failure);
}

void GroupSaver::stop_watching() {
  {
    const std::lock_guard lock(m_queue_mutex);
    m_stopping = true;
  }
  m_changed.notify_one();
  if (m_watch.joinable()) m_watch.join();
}

void GroupSaver::watch() {
  std::unique_lock lock(m_queue_mutex);
  while (!m_stopping) {
    if (m_checkpointing && m_stored_since_checkpoint >= m_documents) {
      // Beside the rating threads, which go on rating and storing meanwhile: busy readers or
      // writers only make it copy less, and the next checkpoint (or the last connection's close)
      // copies the rest. When it cannot checkpoint (its connection does not open, or SQLite
      // fails), the groups' commits checkpoint as SQLite's do by default from then on, and meet
      // the trouble there; as with SQLite's own checkpoints, what was committed stays stored and
      // the run goes on.
      m_stored_since_checkpoint = 0;
      lock.unlock();
      try {
        own().database().checkpoint();
      } catch (...) {
        m_checkpointing = false;
      }
      lock.lock();
      continue;
    }
    if (m_waiting.empty()) {
      m_changed.wait(lock);
      continue;
    }
    if (!due(Due::by_time)) {
      m_changed.wait_until(lock, m_waiting.front().since + m_wait);
      continue;
    }
    // The oldest has waited long enough: no document came to make it due, or the thread writing
    // it has not taken it yet (then there is nothing left to write once the lock is had).
    lock.unlock();
    try {
      own();  // opened here, where failing to open stops the watch
    } catch (...) {
      // The rating threads and finish() store what waits; finish() reports this.
      if (!m_watch_failure) m_watch_failure = std::current_exception();
      m_checkpointing = false;
      return;
    }
    {
      const std::lock_guard writing(m_writing);
      const std::exception_ptr failure = write_due(own(), Due::by_time);
      if (failure && !m_watch_failure) m_watch_failure = failure;
    }
    lock.lock();
  }
}

std::exception_ptr GroupSaver::write_due(store::Store& store, Due which) {
  std::exception_ptr first_failure;
  for (;;) {
    std::vector<Waiting> group;
    {
      const std::lock_guard lock(m_queue_mutex);
      if (!due(which)) return first_failure;
      // The first group's worth: a transaction stores at most that many.
      const auto end = m_waiting.begin() + static_cast<std::ptrdiff_t>(std::min(m_waiting.size(), m_documents));
      group.assign(std::make_move_iterator(m_waiting.begin()), std::make_move_iterator(end));
      m_waiting.erase(m_waiting.begin(), end);
    }
    const std::exception_ptr failure = write(store, group);
    if (!first_failure) first_failure = failure;
  }
}

std::exception_ptr GroupSaver::write(store::Store& store, std::vector<Waiting>& group) {
  std::vector<store::AssessmentStore::ToSave> entries;
  entries.reserve(group.size());
  for (const Waiting& waiting : group) {
    const Rated& rated = waiting.rated;
    entries.push_back(
        {.assessment = &rated.assessment, .text = rated.text ? &*rated.text : nullptr, .unless_assessed = !m_force});
  }
  {
    // The watch thread checkpoints once groups are stored, not this connection's commits.
    std::optional<WithoutAutomaticCheckpoints> beside;
    if (m_checkpointing) beside.emplace(store.database());
    std::vector<std::optional<std::int64_t>> ids;
    try {
      ids = store.assessments().save_all(entries);
    } catch (...) {
      // Nothing of the group was stored: each document alone, so that only one at fault fails.
    }
    for (std::size_t i = 0; i < group.size(); ++i) {
      Rated& rated = group[i].rated;
      try {
        const std::optional<std::int64_t> id =
            ids.empty() ? store.assessments().save_all(std::span(&entries[i], 1)).front() : ids[i];
        rated.outcome.status = id ? Outcome::Status::scored : Outcome::Status::skipped;
        rated.outcome.assessment_id =
            id ? *id
               : store.assessments()
                     .assessed(rated.assessment.document.sha256, rated.assessment.checklist.sha256)
                     .value_or(0);
      } catch (...) {
        fail_with_current_exception(rated.outcome, rated.outcome.path.string());
      }
    }
  }
  std::exception_ptr first_failure;
  for (Waiting& waiting : group) {
    try {
      m_on_saved(store, waiting.rated);
    } catch (...) {
      if (!first_failure) first_failure = std::current_exception();
    }
  }
  {
    const std::lock_guard lock(m_queue_mutex);
    m_stored_since_checkpoint += group.size();
  }
  m_changed.notify_one();
  return first_failure;
}

void fail_with_current_exception(Outcome& out, const std::string& file) {
  out.status = Outcome::Status::failed;
  try {
    throw;
  } catch (const InputError& e) {
    out.error = e.what();
  } catch (const MissingLibrary& e) {
    out.error = file + ": " + e.what();
  } catch (const std::exception& e) {
    out.error = file + ": internal error: " + e.what();
  } catch (...) {
    out.error = file + ": internal error";
  }
}

}  // namespace unct::batch
