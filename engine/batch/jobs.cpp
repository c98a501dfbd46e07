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

void run_jobs(store::Store& main, unsigned jobs, std::size_t count, const MakeWork& make_work) {
  std::atomic<std::size_t> next{0};
  auto drain = [&](store::Store& store) {
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

GroupSaver::GroupSaver(std::filesystem::path database, bool force, OnSaved on_saved, SaveGroup group)
    : m_database(std::move(database)), m_force(force), m_on_saved(std::move(on_saved)), m_group(group), m_watch([this] {
        watch();
      }) {}

GroupSaver::~GroupSaver() {
  stop_watching();
  {
    const std::lock_guard lock(m_queue_mutex);
    if (m_waiting.empty()) return;
  }
  try {
    const std::lock_guard writing(m_writing);
    if (!m_own) m_own.emplace(m_database);
    write_due(*m_own, true);
  } catch (...) {
    // The run is failing already; what could not be stored is rated again by the next run.
  }
}

bool GroupSaver::due(Clock::time_point now, bool all) const {
  if (m_waiting.empty()) return false;
  const auto wait = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_group.seconds));
  return all || m_waiting.size() >= m_group.documents || now >= m_waiting.front().since + wait;
}

void GroupSaver::add(store::Store& store, Rated rated) {
  bool full = false;
  {
    const std::lock_guard lock(m_queue_mutex);
    m_waiting.push_back({std::move(rated), Clock::now()});
    if (m_waiting.size() == 1) m_changed.notify_one();  // the watch's clock starts
    if (!due(Clock::now(), false)) return;
    full = m_waiting.size() >= 2 * m_group.documents;
  }
  std::unique_lock writing(m_writing, std::try_to_lock);
  if (!writing.owns_lock()) {
    if (!full) return;  // the writer looks again before it lets go, and the watch is there
    writing.lock();
  }
  write_due(store, false);
}

void GroupSaver::finish(store::Store& store) {
  stop_watching();
  if (m_failure) std::rethrow_exception(std::exchange(m_failure, nullptr));
  const std::lock_guard writing(m_writing);
  write_due(store, true);
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
  const auto wait = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_group.seconds));
  std::unique_lock lock(m_queue_mutex);
  while (!m_stopping) {
    if (m_waiting.empty()) {
      m_changed.wait(lock);
      continue;
    }
    if (!due(Clock::now(), false)) {
      m_changed.wait_until(lock, m_waiting.front().since + wait);
      continue;
    }
    // Due, and no rating thread has stored it: they are all busy rating.
    lock.unlock();
    try {
      const std::lock_guard writing(m_writing);
      if (!m_own) m_own.emplace(m_database);
      write_due(*m_own, false);
    } catch (...) {
      m_failure = std::current_exception();
      return;
    }
    lock.lock();
  }
}

void GroupSaver::write_due(store::Store& store, bool all) {
  for (;;) {
    std::vector<Waiting> group;
    {
      const std::lock_guard lock(m_queue_mutex);
      if (!due(Clock::now(), all)) return;
      // The first group's worth: a transaction stores at most that many.
      const auto end = m_waiting.begin() + static_cast<std::ptrdiff_t>(std::min(m_waiting.size(), m_group.documents));
      group.assign(std::make_move_iterator(m_waiting.begin()), std::make_move_iterator(end));
      m_waiting.erase(m_waiting.begin(), end);
    }
    write(store, group);
  }
}

void GroupSaver::write(store::Store& store, std::vector<Waiting>& group) {
  std::vector<store::AssessmentStore::ToSave> entries;
  entries.reserve(group.size());
  for (const Waiting& waiting : group) {
    const Rated& rated = waiting.rated;
    entries.push_back(
        {.assessment = &rated.assessment, .text = rated.text ? &*rated.text : nullptr, .unless_assessed = !m_force});
  }
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
  for (Waiting& waiting : group) m_on_saved(store, waiting.rated);
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
