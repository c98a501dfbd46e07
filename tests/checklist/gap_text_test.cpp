// The advice works: a team that adds to its draft exactly what an item's gap text ("What to add")
// says must see the item reach at least Meets. For every item a document can show, and for each
// language with a failing passage of the item (English always; tests/fixtures/items/fr/ and es/),
// a passage rated below Meets gets the item's gap text in that language appended as a new
// paragraph at its end (so it lands in the passage's last section), and is rated again as the
// kind of document the item applies to first.
//
// The passage used is one named for the purpose, <ITEM>.<level>.gap-base[.<what>].md, when there is
// one; else the first passage rated Approaches, else the first rated Missing (in file-name order).

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace unct {
namespace {

struct FailingPassage {
  std::string item_id;
  std::string language;  // "en", "fr" or "es"
  Level level = Level::missing;
  bool gap_base = false;  // named <ITEM>.<level>.gap-base...
  std::filesystem::path path;
};

// Passages rated below Meets, by (language, item).
std::map<std::pair<std::string, std::string>, std::vector<FailingPassage>> failing_passages() {
  std::map<std::pair<std::string, std::string>, std::vector<FailingPassage>> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::fixture("items"))) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const auto first_dot = name.find('.');
    const auto second_dot = name.find('.', first_dot + 1);
    if (first_dot == std::string::npos || second_dot == std::string::npos) continue;
    const std::optional<Level> level = parse_level(name.substr(first_dot + 1, second_dot - first_dot - 1));
    if (!level || *level >= Level::meets) continue;
    const std::string folder = entry.path().parent_path().filename().string();
    FailingPassage p;
    p.item_id = name.substr(0, first_dot);
    p.language = folder == "items" ? "en" : folder;
    p.level = *level;
    p.gap_base = name.compare(second_dot + 1, 8, "gap-base") == 0;
    p.path = entry.path();
    out[{p.language, p.item_id}].push_back(std::move(p));
  }
  for (auto& [key, passages] : out) {
    std::sort(passages.begin(), passages.end(), [](const FailingPassage& a, const FailingPassage& b) {
      if (a.gap_base != b.gap_base) return a.gap_base;
      if (a.level != b.level) return a.level > b.level;  // Approaches before Missing
      return a.path < b.path;
    });
  }
  return out;
}

class GapText : public ::testing::Test {
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
checklist::Checklist* GapText::s_checklist = nullptr;
rules::CompiledChecklist* GapText::s_compiled = nullptr;

std::string joined(const std::vector<std::string>& ids) {
  std::ostringstream out;
  for (std::size_t i = 0; i < ids.size(); ++i) out << (i ? ", " : "") << ids[i];
  return ids.empty() ? std::string("(none)") : out.str();
}

TEST_F(GapText, AddingWhatTheGapTextSaysReachesMeets) {
  const auto passages = failing_passages();
  const test::TempDir dir;
  std::map<std::string, std::set<std::string>> tested;  // language -> items
  std::size_t assessable = 0;
  for (const checklist::Section& section : s_checklist->sections) {
    for (const checklist::Item& item : section.items) {
      if (item.external) continue;
      ++assessable;
      for (const std::string language : {"en", "fr", "es"}) {
        const auto found = passages.find({language, item.id});
        if (found == passages.end() || found->second.empty()) continue;
        std::string gap = item.gap;
        if (language != "en") {
          const checklist::Translation* translation = checklist::find_translation(item, language);
          ASSERT_NE(translation, nullptr) << item.id << " has no " << language << " translation";
          ASSERT_FALSE(translation->gap.empty()) << item.id << " has no " << language << " gap text";
          gap = translation->gap;
        }
        ASSERT_FALSE(gap.empty()) << item.id << " has no gap text";
        const FailingPassage& passage = found->second.front();

        std::string text = test::read_bytes(passage.path);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        text += "\n\n" + gap + "\n";
        const std::filesystem::path draft = dir / (item.id + "." + language + ".md");
        test::write_bytes(draft, text);

        const ingest::Document document = ingest::read_document(draft);
        const Assessment a = assess(*s_checklist, *s_compiled, document,
                                    {.kind = item.applies_to.front(), .language = language});
        const auto it = std::find_if(a.items.begin(), a.items.end(),
                                     [&](const rules::ItemResult& r) { return r.item_id == item.id; });
        ASSERT_NE(it, a.items.end()) << item.id;
        tested[language].insert(item.id);
        EXPECT_GE(it->level, Level::meets)
            << item.id << " (" << language << "): " << passage.path.filename().string() << " with the gap text added is rated "
            << label(it->level) << "; unmet: " << joined(it->unmet) << "\n  gap text: " << gap;
      }
    }
  }
  EXPECT_EQ(assessable, 35u);  // 15 CCA, 13 CF and 7 SERP items
  EXPECT_EQ(tested["en"].size(), assessable) << "items tested in English: " << tested["en"].size();
  EXPECT_GE(tested["fr"].size(), 12u);
  EXPECT_GE(tested["es"].size(), 12u);
}

}  // namespace
}  // namespace unct
