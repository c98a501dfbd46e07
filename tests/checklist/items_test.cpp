// Every item of the bundled checklist against short passages whose expected level is in their
// file name: tests/fixtures/items/[<lang>/]<ITEM>.<level>[.<what it shows>].md. Passages at the
// top are English; those in fr/ and es/ are read as French and Spanish. Each passage is rated as
// the kind of document its item applies to first (a CF item's passage as a Cooperation
// Framework). Each item needs at least one English passage rated Meets or above and one rated
// below, and at least a third of the items need both in French and in Spanish too.
//
// The advice works too: a team that adds to its draft exactly what an item's gap text ("What to
// add") says must see the item reach at least Meets. For every item a document can show, and for
// each language with a passage of the item rated below Meets, that passage gets the item's gap
// text in that language appended as a new paragraph at its end (so it lands in the passage's
// last section) and is rated again. The passage used is one named for the purpose,
// <ITEM>.<level>.gap-base[.<what>].md, when there is one; else the first rated Approaches, else
// the first rated Missing (in file-name order).

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace unct {
namespace {

struct ItemFixture {
  std::string item_id;
  Level expected = Level::missing;
  std::string language;  // "en", "fr" or "es"
  std::filesystem::path path;
  bool gap_base = false;  // named <ITEM>.<level>.gap-base...: the passage the gap-text test uses
};

std::vector<ItemFixture> item_fixtures() {
  std::vector<ItemFixture> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::fixture("items"))) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const auto first_dot = name.find('.');
    const auto second_dot = name.find('.', first_dot + 1);
    const std::optional<Level> level = parse_level(name.substr(first_dot + 1, second_dot - first_dot - 1));
    if (!level) throw std::runtime_error("fixture name without a level: " + name);
    const std::string folder = entry.path().parent_path().filename().string();
    out.push_back({name.substr(0, first_dot), *level, folder == "items" ? "en" : folder, entry.path(),
                   name.compare(second_dot + 1, 8, "gap-base") == 0});
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
    const checklist::Item* item = checklist::find_item(*s_checklist, f.item_id);
    ASSERT_NE(item, nullptr) << f.path << ": no item " << f.item_id;
    const ingest::Document document = ingest::read_document(f.path);
    const Assessment a =
        assess(*s_checklist, *s_compiled, document, {.kind = item->applies_to.front(), .language = f.language});
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

// Every item a document can show, in English; a third of them in French and Spanish too.
TEST_F(ItemFixtures, EveryItemHasAPassingAndAFailingPassage) {
  // (language, item) -> (passages at Meets or above, passages below)
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> counts;
  for (const ItemFixture& f : item_fixtures()) {
    auto& [passing, failing] = counts[{f.language, f.item_id}];
    (f.expected >= Level::meets ? passing : failing)++;
  }
  std::size_t assessable = 0;
  std::map<std::string, std::size_t> covered;  // language -> items with both kinds of passage
  for (const checklist::Section& section : s_checklist->sections) {
    for (const checklist::Item& item : section.items) {
      if (item.external) continue;
      ++assessable;
      const auto& [passing, failing] = counts[std::make_pair(std::string("en"), item.id)];
      EXPECT_GE(passing, 1) << item.id << " has no English passage rated Meets or above";
      EXPECT_GE(failing, 1) << item.id << " has no English passage rated below Meets";
      for (const std::string language : {"fr", "es"}) {
        const auto& [passing_here, failing_here] = counts[{language, item.id}];
        if (passing_here > 0 && failing_here > 0) ++covered[language];
      }
    }
  }
  EXPECT_EQ(assessable, 35u);  // 15 CCA, 13 CF and 7 SERP items
  for (const std::string language : {"fr", "es"}) {
    EXPECT_GE(covered[language] * 3, assessable) << "fewer than a third of the items have " << language << " passages";
  }
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? std::string("(none)") : out;
}

// The passage of an item below Meets that its gap text is added to, in one language.
const ItemFixture* gap_base(const std::vector<ItemFixture>& fixtures, const std::string& item,
                            const std::string& language) {
  const ItemFixture* best = nullptr;
  auto rank = [](const ItemFixture& f) { return std::pair{f.gap_base, f.expected}; };  // gap-base, then Approaches
  for (const ItemFixture& f : fixtures) {                                              // in file-name order
    if (f.item_id != item || f.language != language || f.expected >= Level::meets) continue;
    if (best == nullptr || rank(f) > rank(*best)) best = &f;
  }
  return best;
}

TEST_F(ItemFixtures, AddingWhatTheGapTextSaysReachesMeets) {
  const std::vector<ItemFixture> fixtures = item_fixtures();
  const test::TempDir dir;
  std::map<std::string, std::set<std::string>> tested;  // language -> items
  std::size_t assessable = 0;
  for (const checklist::Section& section : s_checklist->sections) {
    for (const checklist::Item& item : section.items) {
      if (item.external) continue;
      ++assessable;
      for (const std::string language : {"en", "fr", "es"}) {
        const ItemFixture* passage = gap_base(fixtures, item.id, language);
        if (passage == nullptr) continue;
        const checklist::Translation* translation = checklist::find_translation(item, language);
        const std::string gap = language == "en" ? item.gap : translation != nullptr ? translation->gap : std::string();
        ASSERT_FALSE(gap.empty()) << item.id << " has no " << language << " gap text";

        std::string text = test::read_bytes(passage->path);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        const std::filesystem::path draft = dir / (item.id + "." + language + ".md");
        test::write_bytes(draft, text + "\n\n" + gap + "\n");
        const Assessment a = assess(*s_checklist, *s_compiled, ingest::read_document(draft),
                                    {.kind = item.applies_to.front(), .language = language});
        const rules::ItemResult* result = find_result(a, item.id);
        ASSERT_NE(result, nullptr) << item.id;
        tested[language].insert(item.id);
        EXPECT_GE(result->level, Level::meets)
            << item.id << " (" << language << "): " << passage->path.filename().string()
            << " with the gap text added is rated " << label(result->level) << "; unmet: " << joined(result->unmet)
            << "\n  gap text: " << gap;
      }
    }
  }
  EXPECT_EQ(assessable, 35u);  // 15 CCA, 13 CF and 7 SERP items
  EXPECT_EQ(tested["en"].size(), assessable) << "items tested in English: " << tested["en"].size();
  EXPECT_GE(tested["fr"].size() * 3, assessable) << "items tested in French: " << tested["fr"].size();
  EXPECT_GE(tested["es"].size() * 3, assessable) << "items tested in Spanish: " << tested["es"].size();
}

}  // namespace
}  // namespace unct
