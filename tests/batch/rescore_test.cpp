#include "engine/batch/rescore.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/selfassess/selfassess.hpp"
#include "tests/support/support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

namespace unct::batch {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const checklist::Checklist& bundled() {
  static const checklist::Checklist checklist = checklist::load_checklist(test::bundled_checklist());
  return checklist;
}

// The bundled checklist with only national minorities left among the named groups: another
// checklist, that rates the samples differently.
checklist::Checklist narrower(const test::TempDir& dir) {
  fs::copy(test::bundled_checklist().parent_path(), dir / "checklists", fs::copy_options::recursive);
  const fs::path main = dir / "checklists" / test::bundled_checklist().filename();
  std::string xml = test::read_bytes(main);
  xml = std::regex_replace(xml, std::regex(R"(\n *<include set="group-(?!national-minorities)[a-z-]+"/>)"), "");
  test::write_bytes(main, xml);
  return checklist::load_checklist(main);
}

// Two samples scored into a database from copies of their files, which are then deleted: a
// rescore has only the database.
class StoredPortfolio : public ::testing::Test {
protected:
  void SetUp() override {
    for (const char* name : {"cca-valdoria-2025.md", "cf-norvania-2025.docx"}) {
      fs::copy_file(test::source_file(std::string("samples/") + name), m_dir / name);
      m_entries.push_back({.path = m_dir / name, .region = "Europe"});
    }
    m_entries.back().kind = DocumentKind::cf;  // given, as a manifest gives it
    const Summary scored = run(bundled(), rules::compile(bundled()), m_entries, {.database = db()});
    ASSERT_EQ(scored.counts.scored, 2u);
    for (const Entry& e : m_entries) fs::remove(e.path);
  }
  fs::path db() const { return m_dir / "u.db"; }
  Assessment direct(const checklist::Checklist& c, const std::string& sample, const AssessOptions& options) const {
    return assess(c, rules::compile(c), ingest::read_document(test::source_file("samples/" + sample)), options);
  }
  test::TempDir m_dir;
  std::vector<Entry> m_entries;
};

TEST_F(StoredPortfolio, RatesEveryDocumentAgainFromTheDatabaseAlone) {
  const test::TempDir other;
  const checklist::Checklist c = narrower(other);
  ASSERT_NE(c.sha256, bundled().sha256);
  const RescoreSummary summary = rescore(c, rules::compile(c), {.database = db(), .jobs = 2});
  ASSERT_EQ(summary.documents.size(), 2u);
  EXPECT_EQ(summary.counts.scored, 2u);
  EXPECT_GT(summary.text_bytes, 10'000u);

  store::Store store(db());
  std::size_t changed = 0;
  for (const Rescored& r : summary.documents) {
    ASSERT_EQ(r.outcome.status, Outcome::Status::scored) << r.outcome.error;
    const Assessment before = store.assessments().load(r.previous_id);
    const Assessment after = store.assessments().load(r.outcome.assessment_id);
    // Rated as the file itself would be with the new checklist, with what was given kept.
    const std::string sample = fs::path(before.document.path).filename().string();
    const Assessment expected =
        direct(c, sample,
               {.kind = before.document.kind_source == "given" ? std::optional(before.document.kind) : std::nullopt,
                .region = "Europe"});
    ASSERT_EQ(after.items.size(), expected.items.size());
    for (std::size_t i = 0; i < after.items.size(); ++i) {
      EXPECT_EQ(after.items[i].level, expected.items[i].level) << sample << ' ' << after.items[i].item_id;
      changed += after.items[i].level != before.items[i].level ? 1 : 0;
    }
    EXPECT_EQ(after.document.kind_source, before.document.kind_source);
    EXPECT_EQ(after.document.region, "Europe");
    EXPECT_EQ(after.checklist.sha256, c.sha256);
  }
  EXPECT_GT(changed, 0u) << "the narrower checklist should rate something differently";
  EXPECT_EQ(summary.documents[0].changed + summary.documents[1].changed, changed);
}

TEST_F(StoredPortfolio, SkipsWhatThisChecklistRatedAndNarrowsByFilter) {
  const RescoreSummary again = rescore(bundled(), rules::compile(bundled()), {.database = db()});
  EXPECT_EQ(again.counts.skipped, 2u);
  const RescoreSummary forced =
      rescore(bundled(), rules::compile(bundled()), {.database = db(), .filter = {.kind = "cf"}, .force = true});
  ASSERT_EQ(forced.documents.size(), 1u);
  EXPECT_EQ(forced.counts.scored, 1u);
  EXPECT_EQ(forced.documents[0].changed, 0u);  // the same checklist rates the same text the same way
}

TEST_F(StoredPortfolio, ADocumentWithoutKeptTextFailsAndTheRestIsRated) {
  {
    SQLite::Database database(db().string(), SQLite::OPEN_READWRITE);
    database.exec("DELETE FROM document_text WHERE document_id = (SELECT MIN(id) FROM documents)");
  }
  const test::TempDir other;
  const checklist::Checklist c = narrower(other);
  const RescoreSummary summary = rescore(c, rules::compile(c), {.database = db()});
  EXPECT_EQ(summary.counts.scored, 1u);
  ASSERT_EQ(summary.counts.failed, 1u);
  for (const Rescored& r : summary.documents) {
    if (r.outcome.status == Outcome::Status::failed) {
      EXPECT_THAT(r.outcome.error, HasSubstr("its text is not in the database"));
    }
  }
}

// A checklist that drops an item the team rated: the rating is left out and counted, the rest of
// the team's ratings carry over, and the document is rated. A reviewer's override is not a change.
TEST_F(StoredPortfolio, TeamRatingsOfDroppedItemsAreLeftOutAndOverridesAreNotChanges) {
  store::Store store(db());
  const std::int64_t cca = store.assessments().history().back().id;  // the first stored: the CCA
  store.assessments().set_self_ratings(cca, [](Assessment& a) {
    selfassess::apply(
        a, {{.item_id = "RDM-CCA-05", .level = Level::exceeds}, {.item_id = "RDM-UNCT-01", .level = Level::meets}},
        "form.csv");
  });
  store.reviews().override_level(cca, "RDM-CCA-01", Level::exceeds, "read it", "A. Reviewer", "2026-12-01T10:00:00Z");

  const RescoreSummary same = rescore(bundled(), rules::compile(bundled()), {.database = db(), .force = true});
  for (const Rescored& r : same.documents) {
    EXPECT_EQ(r.changed, 0u) << r.outcome.path;  // the override stays with the earlier assessment
    EXPECT_EQ(r.dropped_self_ratings, 0u);
  }

  const test::TempDir other;
  fs::copy(test::bundled_checklist().parent_path(), other / "checklists", fs::copy_options::recursive);
  const fs::path main = other / "checklists" / test::bundled_checklist().filename();
  std::string xml = test::read_bytes(main);
  xml = std::regex_replace(xml, std::regex(R"(\n *<include href="rdm-2021/cca/RDM-CCA-05.xml"/>)"), "");
  test::write_bytes(main, xml);
  const checklist::Checklist without = checklist::load_checklist(main);
  ASSERT_EQ(checklist::find_item(without, "RDM-CCA-05"), nullptr);
  const RescoreSummary summary =
      rescore(without, rules::compile(without), {.database = db(), .filter = {.kind = "cca"}});
  ASSERT_EQ(summary.documents.size(), 1u);
  const Rescored& r = summary.documents[0];
  ASSERT_EQ(r.outcome.status, Outcome::Status::scored) << r.outcome.error;
  EXPECT_EQ(r.dropped_self_ratings, 1u);
  const Assessment after = store.assessments().load(r.outcome.assessment_id);
  ASSERT_EQ(after.self.size(), 1u);
  EXPECT_EQ(after.self[0].item_id, "RDM-UNCT-01");
}

}  // namespace
}  // namespace unct::batch
