#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct {
namespace {

using test::run_cli;
using ::testing::HasSubstr;

TEST(ChecklistValidate, BundledChecklistIsValid) {
  const auto r = run_cli({"checklist", "validate", test::bundled_checklist().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("valid: rdm-2021 version"));
}

TEST(ChecklistValidate, ListsEveryProblemAndExits2) {
  const auto r = run_cli({"checklist", "validate", test::fixture("checklist/two_problems.xml").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("two_problems.xml:33:52: item T-01: unknown term set \"grups\""));
  EXPECT_THAT(r.err, HasSubstr("two_problems.xml:39:9: item T-01: level meets names unknown criterion \"tow\""));
  EXPECT_THAT(r.err, HasSubstr("2 problems"));
}

TEST(ChecklistValidate, MissingFile) {
  const auto r = run_cli({"checklist", "validate", "nope.xml"});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("nope.xml: no such file"));
}

TEST(ChecklistLint, BundledChecklistAndItsFixturesHaveNoWarnings) {
  const auto r = run_cli({"checklist", "lint", "--fixtures", test::fixture("items").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("no warnings (43 items"));
}

TEST(ChecklistLint, WarningsExit1WithACount) {
  const auto r = run_cli({"checklist", "lint", "--checklist", test::fixture("checklist/lint.xml").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("lint.xml:30: never-read: term set is never used"));
  EXPECT_THAT(r.out, HasSubstr("lint.xml: 16 warnings"));  // the fixture coverage is not asked for
}

TEST(ChecklistCommand, UnknownActionIsBadInput) {
  const auto r = run_cli({"checklist", "frobnicate"});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("unknown checklist command \"frobnicate\""));
}

TEST(ChecklistCommand, ShowPrintsAll43ItemsWithTheirProvenance) {
  const auto r = run_cli({"checklist", "show"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("A sourced reconstruction, not the official text"));
  const std::pair<const char*, int> parts[] = {{"RDM-CCA-", 15}, {"RDM-CF-", 13}, {"RDM-SERP-", 7}, {"RDM-UNCT-", 8}};
  for (const auto& [prefix, count] : parts) {
    for (int n = 1; n <= count; ++n) {
      const std::string id = prefix + std::string(n < 10 ? "0" : "") + std::to_string(n) + "  ";
      EXPECT_THAT(r.out, HasSubstr(id)) << id;
    }
  }
  EXPECT_THAT(r.out, HasSubstr("Common Country Analysis (15 items)"));
  EXPECT_THAT(r.out, HasSubstr("Cooperation Framework (13 items)"));
  EXPECT_THAT(r.out, HasSubstr("Applies to: Common Country Analysis, dated 2020 or later"));  // RDM-CCA-15
  EXPECT_THAT(r.out, HasSubstr("Evidence: outside the document"));
}

TEST(ChecklistCommand, ShowInFrenchGivesTheTranslationAndTheFrenchWordsCounted) {
  const auto r = run_cli({"checklist", "show", "--item", "RDM-CCA-01", "--lang", "fr"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("RDM-CCA-01  Groupes nommés et décrits"));
  EXPECT_THAT(r.out, HasSubstr("L'analyse nomme-t-elle les minorités"));
  // The criteria too, in place of the English sentences.
  EXPECT_THAT(r.out, HasSubstr("- nomme au moins un groupe victime"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("names at least one group")));
  // The headings too, from the report catalogue.
  EXPECT_THAT(r.out, HasSubstr("Niveau « Répond » si (en plus du niveau inférieur) :"));
  EXPECT_THAT(r.out, HasSubstr("Pour répondre aux exigences :"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("To reach Meets")));
  EXPECT_THAT(r.out, HasSubstr("Mots comptés dans les documents en « fr »"));
  EXPECT_THAT(r.out, HasSubstr("peuples autochtones"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("pueblos indígenas")));
  const auto unknown = run_cli({"checklist", "show", "--lang", "de"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no language \"de\" in this checklist (it has en, fr, es)"));
}

TEST(ChecklistCommand, ShowOneItem) {
  const auto r = run_cli({"checklist", "show", "--item", "RDM-CCA-04"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("RDM-CCA-04  Data gaps"));
  EXPECT_THAT(r.out, HasSubstr("Meets when (and the level below):"));
  EXPECT_THAT(r.out, HasSubstr("tested by mentions(data-steps)"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("RDM-CCA-01")));
  const auto missing = run_cli({"checklist", "show", "--item", "RDM-XX-01"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("no item \"RDM-XX-01\""));
}

}  // namespace
}  // namespace unct
