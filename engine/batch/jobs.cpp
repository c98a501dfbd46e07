#include "engine/batch/jobs.hpp"

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

}  // namespace unct::batch
