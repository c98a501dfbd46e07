// Every item of the bundled checklist against short passages whose expected level is in their
// file name: tests/fixtures/items/<ITEM>.<level>[.<what it shows>].md. Each item needs at least
// one passage rated Meets or above and one rated below, or this test fails.

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <gtest/gtest.h>

#include <map>

namespace unct {
namespace {

struct ItemFixture {
  std::string item_id;
  Level expected = Level::missing;
  std::filesystem::path path;
};

std::vector<ItemFixture> item_fixtures() {
  std::vector<ItemFixture> out;
  for (const auto& entry : std::filesystem::directory_iterator(test::fixture("items"))) {
    const std::string name = entry.path().filename().string();
    const auto first_dot = name.find('.');
    const auto second_dot = name.find('.', first_dot + 1);
    const std::optional<Level> level = parse_level(name.substr(first_dot + 1, second_dot - first_dot - 1));
    if (!level) throw std::runtime_error("fixture name without a level: " + name);
    out.push_back({name.substr(0, first_dot), *level, entry.path()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

class ItemFixtures : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    s_checklist = new checklist::Checklist(checklist::load_checklist(test::bundled_checklist()));
    s_compiled = new rules::CompiledChecklist(rules::compile(*s_checklist));
  }
  static void TearDownTestSuite() {
    delete s_compiled;
    delete s_checklist;
  }
  static checklist::Checklist* s_checklist;
  static rules::CompiledChecklist* s_compiled;
};
checklist::Checklist* ItemFixtures::s_checklist = nullptr;
rules::CompiledChecklist* ItemFixtures::s_compiled = nullptr;

TEST_F(ItemFixtures, EachPassageGetsItsExpectedLevel) {
  for (const ItemFixture& f : item_fixtures()) {
    const ingest::Document document = ingest::read_document(f.path);
    const Assessment a = assess(*s_checklist, *s_compiled, document, {.kind = DocumentKind::cca});
    const auto it = std::find_if(a.items.begin(), a.items.end(),
                                 [&](const rules::ItemResult& r) { return r.item_id == f.item_id; });
    ASSERT_NE(it, a.items.end()) << f.path << ": no item " << f.item_id;
    EXPECT_EQ(label(it->level), label(f.expected)) << f.path.filename();
  }
}

// Items that need the country team's records are never rated from a document: not Missing,
// but not assessable, and left out of the scores.
TEST_F(ItemFixtures, ItemsNeedingExternalEvidenceAreNotAssessableFromAnyDocument) {
  const ingest::Document document = ingest::read_document(test::source_file("samples/cca-valdoria-2025.md"));
  const Assessment a = assess(*s_checklist, *s_compiled, document);
  std::size_t external = 0;
  for (const checklist::Section& section : s_checklist->sections) {
    for (const checklist::Item& item : section.items) {
      if (!item.external) continue;
      ++external;
      const auto it = std::find_if(a.items.begin(), a.items.end(),
                                   [&](const rules::ItemResult& r) { return r.item_id == item.id; });
      ASSERT_NE(it, a.items.end());
      EXPECT_FALSE(it->applicable) << item.id;
      EXPECT_TRUE(it->external) << item.id;
    }
  }
  EXPECT_EQ(external, 8u);  // RDM-UNCT-01 to 08
  for (const SectionScore& section : a.sections) {
    if (section.id == "unct") {
      EXPECT_EQ(section.score.applicable, 0u);
    }
  }
}

// Every item a document can show.
TEST_F(ItemFixtures, EveryItemHasAPassingAndAFailingPassage) {
  std::map<std::string, std::pair<int, int>> counts;  // item -> (at Meets or above, below)
  for (const ItemFixture& f : item_fixtures()) {
    auto& [passing, failing] = counts[f.item_id];
    (f.expected >= Level::meets ? passing : failing)++;
  }
  for (const checklist::Section& section : s_checklist->sections) {
    for (const checklist::Item& item : section.items) {
      if (item.external) continue;
      EXPECT_GE(counts[item.id].first, 1) << item.id << " has no fixture rated Meets or above";
      EXPECT_GE(counts[item.id].second, 1) << item.id << " has no fixture rated below Meets";
    }
  }
}

}  // namespace
}  // namespace unct
