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

void store_rated(store::Store& store, std::mutex& writing, const Assessment& assessment, const store::CachedText* text,
                 bool force, Outcome& out) {
  const std::lock_guard lock(writing);
  const std::optional<std::int64_t> id =
      force ? store.assessments().save(assessment, text) : store.assessments().save_unless_assessed(assessment, text);
  out.status = id ? Outcome::Status::scored : Outcome::Status::skipped;
  out.assessment_id =
      id ? *id : store.assessments().assessed(assessment.document.sha256, assessment.checklist.sha256).value_or(0);
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
