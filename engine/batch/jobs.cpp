#include "engine/batch/jobs.hpp"

#include "engine/core/error.hpp"
#include "engine/core/shared_library.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
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

GroupSaver::GroupSaver(bool force, OnSaved on_saved, SaveGroup group)
    : m_force(force), m_on_saved(std::move(on_saved)), m_group(group), m_last_write(std::chrono::steady_clock::now()) {}

void GroupSaver::add(store::Store& store, Rated rated) {
  bool full = false;
  {
    const std::lock_guard lock(m_queue_mutex);
    m_waiting.push_back(std::move(rated));
    const std::chrono::duration<double> since = std::chrono::steady_clock::now() - m_last_write;
    if (m_waiting.size() < m_group.documents && since.count() < m_group.seconds) return;
    full = m_waiting.size() >= 2 * m_group.documents;
  }
  std::unique_lock writing(m_writing, std::defer_lock);
  if (!writing.try_lock()) {
    if (!full) return;  // the writer, or the next document, takes it
    writing.lock();
  }
  write_waiting(store);
}

void GroupSaver::flush(store::Store& store) {
  const std::lock_guard writing(m_writing);
  write_waiting(store);
}

void GroupSaver::write_waiting(store::Store& store) {
  std::vector<Rated> group;
  {
    const std::lock_guard lock(m_queue_mutex);
    group.swap(m_waiting);
    m_last_write = std::chrono::steady_clock::now();
  }
  if (group.empty()) return;
  auto saved = [](Rated& rated, std::optional<std::int64_t> id, store::Store& s) {
    rated.outcome.status = id ? Outcome::Status::scored : Outcome::Status::skipped;
    rated.outcome.assessment_id =
        id ? *id
           : s.assessments().assessed(rated.assessment.document.sha256, rated.assessment.checklist.sha256).value_or(0);
  };
  std::vector<store::AssessmentStore::ToSave> entries;
  entries.reserve(group.size());
  for (const Rated& rated : group) {
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
    try {
      saved(group[i], ids.empty() ? store.assessments().save_all(std::span(&entries[i], 1)).front() : ids[i], store);
    } catch (...) {
      fail_with_current_exception(group[i].outcome, group[i].outcome.path.string());
    }
  }
  for (Rated& rated : group) m_on_saved(store, rated);
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
