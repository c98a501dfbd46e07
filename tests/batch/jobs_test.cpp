#include "engine/batch/jobs.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

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

// What the saver reported, by item.
struct Saved {
  std::map<std::size_t, Outcome> outcomes;
  GroupSaver::OnSaved callback() {
    return [this](store::Store&, Rated& rated) {
      EXPECT_TRUE(outcomes.emplace(rated.item, rated.outcome).second) << "item " << rated.item << " reported twice";
    };
  }
};

TEST(GroupSaver, StoresWhatWaitsOnceFlushedAndADocumentTwiceOnce) {
  const test::TempDir dir;
  store::Store store(dir / "u.db");
  Saved saved;
  GroupSaver saver(false, saved.callback());
  saver.add(store, document(0));
  saver.add(store, document(1));
  Rated again = document(0);
  again.item = 2;
  saver.add(store, std::move(again));
  saver.flush(store);

  ASSERT_EQ(saved.outcomes.size(), 3u);
  EXPECT_EQ(saved.outcomes[0].status, Outcome::Status::scored);
  EXPECT_EQ(saved.outcomes[1].status, Outcome::Status::scored);
  EXPECT_EQ(saved.outcomes[2].status, Outcome::Status::skipped);
  EXPECT_EQ(saved.outcomes[2].assessment_id, saved.outcomes[0].assessment_id);
  EXPECT_EQ(store.assessments().load(saved.outcomes[1].assessment_id), document(1).assessment);
  EXPECT_EQ(store.assessments().history().size(), 2u);
}

TEST(GroupSaver, AFullGroupIsStoredWithoutWaitingAndTheRestOnceFlushed) {
  const test::TempDir dir;
  store::Store store(dir / "u.db");
  Saved saved;
  GroupSaver saver(true, saved.callback(), {.documents = 4, .seconds = 1e9});
  for (std::size_t n = 0; n < 3; ++n) saver.add(store, document(n));
  EXPECT_TRUE(saved.outcomes.empty());
  EXPECT_TRUE(store.assessments().history().empty());
  saver.add(store, document(3));  // the fourth fills the group, which is stored
  EXPECT_EQ(saved.outcomes.size(), 4u);
  EXPECT_EQ(store.assessments().history().size(), 4u);
  saver.add(store, document(4));
  EXPECT_EQ(saved.outcomes.size(), 4u);
  saver.flush(store);
  EXPECT_EQ(saved.outcomes.size(), 5u);
  EXPECT_EQ(store.assessments().history().size(), 5u);
}

TEST(GroupSaver, ADocumentWaitsNoLongerThanTheGroupsSeconds) {
  const test::TempDir dir;
  store::Store store(dir / "u.db");
  Saved saved;
  GroupSaver saver(true, saved.callback(), {.documents = 1000, .seconds = 0});
  saver.add(store, document(0));
  EXPECT_EQ(saved.outcomes.size(), 1u);
}

TEST(GroupSaver, ADocumentThatCannotBeStoredFailsAlone) {
  const test::TempDir dir;
  store::Store store(dir / "u.db");
  Saved saved;
  GroupSaver saver(false, saved.callback());
  Rated twice = document(1);  // an item twice: item_results' UNIQUE (assessment_id, item_id) refuses it
  twice.assessment.items.push_back(twice.assessment.items.front());
  saver.add(store, document(0));
  saver.add(store, std::move(twice));
  saver.add(store, document(2));
  saver.flush(store);

  ASSERT_EQ(saved.outcomes.size(), 3u);
  EXPECT_EQ(saved.outcomes[0].status, Outcome::Status::scored);
  EXPECT_EQ(saved.outcomes[2].status, Outcome::Status::scored);
  EXPECT_EQ(saved.outcomes[1].status, Outcome::Status::failed);
  EXPECT_THAT(saved.outcomes[1].error, HasSubstr((dir / "u.db").string()));
  EXPECT_THAT(saved.outcomes[1].error, HasSubstr("UNIQUE constraint failed"));
  EXPECT_EQ(store.assessments().history().size(), 2u);
}

}  // namespace
}  // namespace unct::batch
