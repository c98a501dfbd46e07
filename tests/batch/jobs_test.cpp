#include "engine/batch/jobs.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace unct::batch {
namespace {

using ::testing::HasSubstr;

const Assessment& sample() {
  static const Assessment a = [] {
    const checklist::Checklist c = checklist::load_checklist(test::bundled_checklist());
    Assessment out =
        assess(c, rules::compile(c), ingest::read_document(test::source_file("samples/cca-valdoria-2025.md")));
    out.created_at = "2026-12-01T10:00:00Z";
    return out;
  }();
  return a;
}

// The sample as document number `n` (its own SHA-256 and path).
Rated document(std::size_t n) {
  Rated out{.item = n, .assessment = sample()};
  out.assessment.document.sha256 = std::string(63, 'a') + static_cast<char>('0' + n % 10);
  out.assessment.document.path = "doc-" + std::to_string(n) + ".md";
  out.outcome.path = out.assessment.document.path;
  return out;
}

// What the saver reported, by item (the watch thread may report too).
struct Saved {
  std::mutex mutex;
  std::map<std::size_t, Outcome> outcomes;
  std::map<std::size_t, const store::Store*> through;  // the connection each was stored through
  std::map<std::size_t, std::size_t> stored_then;      // assessments stored when it was reported
  std::map<std::size_t, int> foreign_keys;             // whether that connection checked them
  GroupSaver::OnSaved callback() {
    return [this](store::Store& store, Rated& rated) {
      const std::size_t stored = store.assessments().history().size();
      const int checked = test::checks_foreign_keys(store.database()) ? 1 : 0;
      const std::lock_guard lock(mutex);
      EXPECT_TRUE(outcomes.emplace(rated.item, rated.outcome).second) << "item " << rated.item << " reported twice";
      through[rated.item] = &store;
      stored_then[rated.item] = stored;
      foreign_keys[rated.item] = checked;
    };
  }
  std::size_t count() {
    const std::lock_guard lock(mutex);
    return outcomes.size();
  }
};

// Groups that never come due by time: only a full group, or finish(), stores.
constexpr SaveGroup k_untimed{.documents = 32, .seconds = 1e9};

class Saver : public ::testing::Test {
protected:
  void SetUp() override { sample(); }  // made before any saver's clock starts
  std::filesystem::path db() const { return m_dir / "u.db"; }
  std::size_t stored() const { return store::Store(db()).assessments().history().size(); }
  test::TempDir m_dir;
  store::Store m_store{db()};  // the adding thread's connection
};

TEST_F(Saver, StoresWhatWaitsOnceFinishedAndADocumentTwiceOnce) {
  Saved saved;
  GroupSaver saver(db(), false, saved.callback(), k_untimed);
  saver.add(m_store, document(0));
  saver.add(m_store, document(1));
  Rated again = document(0);
  again.item = 2;
  saver.add(m_store, std::move(again));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(saved.count(), 0u);
  EXPECT_EQ(stored(), 0u);
  saver.finish(m_store);

  ASSERT_EQ(saved.outcomes.size(), 3u);
  EXPECT_EQ(saved.outcomes[0].status, Outcome::Status::scored);
  EXPECT_EQ(saved.outcomes[1].status, Outcome::Status::scored);
  // Left out: the same document, stored earlier in the same transaction.
  EXPECT_EQ(saved.outcomes[2].status, Outcome::Status::skipped);
  EXPECT_EQ(saved.outcomes[2].assessment_id, saved.outcomes[0].assessment_id);
  EXPECT_EQ(store::Store(db()).assessments().load(saved.outcomes[1].assessment_id), document(1).assessment);
  EXPECT_EQ(stored(), 2u);
}

TEST_F(Saver, AFullGroupIsStoredByTheThreadThatFillsIt) {
  Saved saved;
  GroupSaver saver(db(), true, saved.callback(), {.documents = 4, .seconds = 1e9});
  for (std::size_t n = 0; n < 3; ++n) saver.add(m_store, document(n));
  EXPECT_EQ(saved.count(), 0u);
  saver.add(m_store, document(3));  // fills the group, which this add stores
  EXPECT_EQ(saved.count(), 4u);
  EXPECT_EQ(stored(), 4u);
  EXPECT_EQ(saved.through[3], &m_store);
  saver.add(m_store, document(4));
  EXPECT_EQ(saved.count(), 4u);
  saver.finish(m_store);
  EXPECT_EQ(saved.count(), 5u);
  EXPECT_EQ(stored(), 5u);
}

// The thread that stores a group does not copy the write-ahead log into the database file (a
// checkpoint, which waits for the disk), even when the group fills the log past the 1,000 pages at
// which SQLite would: the watch thread does, beside it. The connection's own setting is back once
// the group is stored.
TEST_F(Saver, TheWatchCopiesAStoredGroupIntoTheDatabaseFile) {
  m_store.database().set_automatic_checkpoint_pages(500);  // the connection's own, kept
  store::Store(db()).database().checkpoint();              // the file holds everything so far
  const auto file_before = std::filesystem::file_size(db());
  // A text the cache keeps at several MB, past 1,000 pages.
  store::CachedText cached = test::cached_text_past(m_store.database(), 1000);
  ASSERT_GT(cached.bytes.size(), 1000U * test::page_size(m_store.database()));

  std::mutex mutex;
  std::vector<std::uintmax_t> file_when_stored;  // as each document of the group is reported
  GroupSaver saver(db(), true,
                   [&](store::Store&, Rated&) {
                     const std::lock_guard lock(mutex);
                     file_when_stored.push_back(std::filesystem::file_size(db()));
                   },
                   {.documents = 2, .seconds = 1e9});
  Rated with_text = document(0);
  with_text.text = std::move(cached);
  saver.add(m_store, std::move(with_text));
  saver.add(m_store, document(1));  // fills the group, which this add stores
  {
    const std::lock_guard lock(mutex);
    ASSERT_EQ(file_when_stored.size(), 2U);
    EXPECT_EQ(file_when_stored[0], file_before) << "the group's commit copied the log into the file";
  }
  EXPECT_EQ(m_store.database().automatic_checkpoint_pages(), 500);
  for (int waited_ms = 0; std::filesystem::file_size(db()) < file_before + 4'000'000 && waited_ms < 10'000;
       waited_ms += 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GE(std::filesystem::file_size(db()), file_before + 4'000'000) << "the watch did not checkpoint";
  saver.finish(m_store);
}

TEST_F(Saver, ADocumentIsStoredOnceItHasWaitedTheGroupsSeconds) {
  Saved saved;
  GroupSaver saver(db(), true, saved.callback(), {.documents = 32, .seconds = 0.05});
  saver.add(m_store, document(0));
  saver.add(m_store, document(1));
  // No further document comes to make them due, and finish() is not called: the watch thread
  // stores them.
  for (int waited_ms = 0; saved.count() < 2 && waited_ms < 10'000; waited_ms += 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(saved.count(), 2u);
  EXPECT_EQ(stored(), 2u);
  EXPECT_NE(saved.through[0], &m_store);  // the watch's own connection, which stores groups only:
  EXPECT_EQ(saved.foreign_keys[0], 0);    // it checks no foreign keys, as run_jobs' connections
  // And again, for a document that comes after.
  saver.add(m_store, document(2));
  for (int waited_ms = 0; saved.count() < 3 && waited_ms < 10'000; waited_ms += 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(saved.count(), 3u);
  saver.finish(m_store);
}

TEST_F(Saver, FinishStoresAGroupToATransaction) {
  Saved saved;
  GroupSaver saver(db(), true, saved.callback(), {.documents = 4, .seconds = 1e9});
  {
    // Another thread's write holds the lock: the adds that find a group due leave it waiting.
    std::promise<void> locked;
    std::promise<void> release;
    std::thread other([&] {
      const std::lock_guard writing(saver.writing());
      locked.set_value();
      release.get_future().wait();
    });
    locked.get_future().wait();
    for (std::size_t n = 0; n < 6; ++n) saver.add(m_store, document(n));
    release.set_value();
    other.join();
  }
  EXPECT_EQ(saved.count(), 0u);
  saver.finish(m_store);
  ASSERT_EQ(saved.count(), 6u);
  for (std::size_t n = 0; n < 4; ++n) EXPECT_EQ(saved.stored_then[n], 4u) << n;
  for (std::size_t n = 4; n < 6; ++n) EXPECT_EQ(saved.stored_then[n], 6u) << n;
}

// Four threads adding at once, groups small and due often: every document is stored and
// reported once.
TEST_F(Saver, ThreadsAddingAtOnceStoreEachDocumentOnce) {
  Saved saved;
  constexpr std::size_t k_documents = 120;
  std::vector<Rated> documents;
  for (std::size_t n = 0; n < k_documents; ++n) documents.push_back(document(n));
  GroupSaver saver(db(), true, saved.callback(), {.documents = 4, .seconds = 0.002});
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      store::Store connection(db());
      for (std::size_t n = t; n < k_documents; n += 4) {
        if (n % 7 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(3));
        saver.add(connection, std::move(documents[n]));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  saver.finish(m_store);
  EXPECT_EQ(saved.count(), k_documents);
  EXPECT_EQ(stored(), k_documents);
}

TEST_F(Saver, ADocumentThatCannotBeStoredFailsAlone) {
  Saved saved;
  GroupSaver saver(db(), false, saved.callback(), k_untimed);
  Rated twice = document(1);  // an item twice: item_results' UNIQUE (assessment_id, item_id) refuses it
  twice.assessment.items.push_back(twice.assessment.items.front());
  saver.add(m_store, document(0));
  saver.add(m_store, std::move(twice));
  saver.add(m_store, document(2));
  saver.finish(m_store);

  ASSERT_EQ(saved.outcomes.size(), 3u);
  EXPECT_EQ(saved.outcomes[0].status, Outcome::Status::scored);
  EXPECT_EQ(saved.outcomes[2].status, Outcome::Status::scored);
  EXPECT_EQ(saved.outcomes[1].status, Outcome::Status::failed);
  EXPECT_THAT(saved.outcomes[1].error, HasSubstr(db().string()));
  EXPECT_THAT(saved.outcomes[1].error, HasSubstr("UNIQUE constraint failed"));
  EXPECT_EQ(stored(), 2u);
}

TEST_F(Saver, WhatWaitsIsStoredWhenTheRunThrows) {
  Saved saved;
  try {
    GroupSaver saver(db(), true, saved.callback(), k_untimed);
    saver.add(m_store, document(0));
    throw std::runtime_error("a worker failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(saved.count(), 1u);
  EXPECT_EQ(stored(), 1u);
}

TEST_F(Saver, FinishThrowsWhatACallbackThrew) {
  GroupSaver saver(
      db(), true, [](store::Store&, Rated&) { throw std::runtime_error("the progress display failed"); }, k_untimed);
  saver.add(m_store, document(0));
  EXPECT_THROW(saver.finish(m_store), std::runtime_error);
}

// A callback that throws on the watch thread stops neither the other callbacks nor the watch;
// finish() throws it at the end.
TEST_F(Saver, ACallbackThatThrowsOnTheWatchThreadStopsNothing) {
  Saved saved;
  const GroupSaver::OnSaved record = saved.callback();
  GroupSaver saver(db(), true,
                   [&](store::Store& store, Rated& rated) {
                     record(store, rated);
                     if (rated.item == 0) throw std::runtime_error("the progress display failed");
                   },
                   {.documents = 32, .seconds = 0.01});
  saver.add(m_store, document(0));
  for (int waited_ms = 0; saved.count() < 1 && waited_ms < 10'000; waited_ms += 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  saver.add(m_store, document(1));
  for (int waited_ms = 0; saved.count() < 2 && waited_ms < 10'000; waited_ms += 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(saved.count(), 2u);
  EXPECT_THROW(saver.finish(m_store), std::runtime_error);
  EXPECT_EQ(stored(), 2u);
}

// The work's connections add assessments without checking each row's references; the caller's
// connection checks them again once the work is done, whether it ran there or on threads.
TEST(Jobs, TheWorkStoresWithoutForeignKeyChecksAndMainGetsThemBack) {
  const test::TempDir dir;
  store::Store main(dir / "u.db");
  const auto keys_on = [](const store::Store& s) { return test::checks_foreign_keys(s.database()) ? 1 : 0; };
  for (const unsigned jobs : {1u, 2u}) {
    std::mutex mutex;
    std::vector<int> seen;
    run_jobs(main, jobs, 4, [&](store::Store& store) -> ItemWork {
      return [&](std::size_t item) {
        Rated rated = document(4 * (jobs - 1) + item);  // 0 to 7: each its own document
        store.assessments().save(rated.assessment);
        const std::lock_guard lock(mutex);
        seen.push_back(keys_on(store));
      };
    });
    EXPECT_EQ(seen, std::vector<int>(4, 0)) << jobs << " jobs";
    EXPECT_EQ(keys_on(main), 1) << jobs << " jobs";
  }
  EXPECT_EQ(main.assessments().history().size(), 8u);
  EXPECT_EQ(main.portfolio().latest({}).size(), 8u);
  EXPECT_TRUE(main.database().check().empty());
  // Work that throws on the caller's thread: main checks them again all the same.
  EXPECT_THROW(run_jobs(main, 1, 1,
                        [&](store::Store&) -> ItemWork { return [](std::size_t) { throw std::runtime_error("no"); }; }),
               std::runtime_error);
  EXPECT_EQ(keys_on(main), 1);
}

}  // namespace
}  // namespace unct::batch
