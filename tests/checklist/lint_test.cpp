// `checklist lint`: each kind of warning on a fixture made to trigger it, and none on the
// bundled checklist with its item fixtures.

#include "engine/checklist/lint.hpp"
#include "engine/checklist/load.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct {
namespace {

using checklist::LintWarning;
using ::testing::Contains;

std::filesystem::path lint_file() { return test::fixture("checklist/lint.xml"); }

std::vector<LintWarning> lint_fixture() {
  const checklist::Checklist loaded = checklist::load_checklist(lint_file());
  return checklist::lint(loaded, {.fixtures = test::fixture("lint-items")});
}

TEST(ChecklistLint, WarnsAboutTermsThatNeverCountOrRepeat) {
  const std::vector<LintWarning> w = lint_fixture();
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 20, "groups",
                                      "term \"roma\" is also an exception of its set: it never counts"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 22, "groups",
                                      "term \"minorités\" is already matched by \"minorit*\" (line 21)"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 23, "groups", "term \"roma\" is written twice (also on line 20)"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 24, "groups",
                                      "term \"minderheiten\" is for language \"de\", which the checklist does not "
                                      "declare: it counts only when a document's language is unknown"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 25, "groups",
                                      "term \"-based\" starts or ends with a character that is not part of a word, "
                                      "so it rarely matches"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 27, "groups",
                                      "exception \"arms race\" contains no term of its set, so it masks nothing"}));
}

TEST(ChecklistLint, WarnsAboutUnusedSetsAndCriteriaAndUnreachableLevels) {
  const std::vector<LintWarning> w = lint_fixture();
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 30, "never-read",
                                      "term set is never used: no signal, part or used set reads it"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 37, "T-01", "criterion \"spare\" is not used by any level"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 37, "T-01",
                                      "Meets needs a signal and its negation at once, so it cannot be reached"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 56, "T-02",
                                      "criterion \"five\" can never hold: it needs 5 distinct terms of "
                                      "\"discrimination\", which has 2; Meets cannot be reached"}));
}

TEST(ChecklistLint, WarnsAboutMissingAndUndeclaredTranslations) {
  const std::vector<LintWarning> w = lint_fixture();
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 37, "T-01",
                                      "no translation into \"fr\", a language the checklist declares"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 37, "T-01",
                                      "translation into \"de\", a language the checklist does not declare"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 56, "T-02",
                                      "no translation into \"fr\", a language the checklist declares"}));
  // The checklist's title and note and its section titles, which the model keeps no line for.
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 0, "meta",
                                      "no translation into \"fr\" of the title and provenance: the English ones are "
                                      "shown"}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 0, "section cca",
                                      "no translation into \"fr\" of the title: the English one is shown"}));
}

TEST(ChecklistLint, WarnsAboutItemsWithoutAPassingAndAFailingFixture) {
  const std::vector<LintWarning> w = lint_fixture();
  const std::string directory = test::fixture("lint-items").string();
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 37, "T-01", "no fixture rated below Meets in " + directory}));
  EXPECT_THAT(w, Contains(LintWarning{lint_file(), 56, "T-02", "no fixture rated Meets or above in " + directory}));
  EXPECT_EQ(w.size(), 18u);
}

// A warning about an item or term set of an item file names that file; the checklist's own come first.
TEST(ChecklistLint, WarningsInAnItemFileNameThatFile) {
  const checklist::Checklist loaded = checklist::load_checklist(test::fixture("checklist/included/lint.xml"));
  const std::filesystem::path item_file = test::fixture("checklist/included/items/lint.xml");
  const std::vector<LintWarning> w = checklist::lint(loaded);
  EXPECT_EQ(w, (std::vector<LintWarning>{
                   {item_file, 4, "sinti", "term \"sinti\" is written twice (also on line 4)"},
                   {item_file, 6, "T-15", "criterion \"spare\" is not used by any level"},
               }));
  EXPECT_EQ(to_string(loaded, w.at(1)), item_file.string() + ":6: T-15: criterion \"spare\" is not used by any level");
}

// A definition is used when a criterion uses it or a used definition does; the sets only unused
// definitions read are unused too.
TEST(ChecklistLint, WarnsAboutUnusedDefinitions) {
  const std::filesystem::path file = test::fixture("checklist/definitions/unused.xml");
  const std::vector<LintWarning> w = checklist::lint(checklist::load_checklist(file));
  const std::string unused = "signal definition is never used: no criterion or used definition uses it";
  EXPECT_EQ(w, (std::vector<LintWarning>{
                   {file, 20, "discrimination", "term set is never used: no signal, part or used set reads it"},
                   {file, 22, "health", "term set is never used: no signal, part or used set reads it"},
                   {file, 30, "roma-in-health", unused},
                   {file, 31, "roma-in-a-sector", unused},
               }));
  EXPECT_TRUE(checklist::lint(checklist::load_checklist(test::fixture("checklist/definitions/checklist.xml"))).empty());
}

TEST(ChecklistLint, BundledChecklistIsClean) {
  const checklist::Checklist loaded = checklist::load_checklist(test::bundled_checklist());
  const std::vector<LintWarning> w = checklist::lint(loaded, {.fixtures = test::fixture("items")});
  for (const LintWarning& warning : w) ADD_FAILURE() << to_string(loaded, warning);
}

}  // namespace
}  // namespace unct
