#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct {
namespace {

using ::testing::HasSubstr;
using test::run_cli;

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

TEST(ChecklistCommand, UnknownActionIsBadInput) {
  const auto r = run_cli({"checklist", "frobnicate"});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("unknown checklist action \"frobnicate\""));
}

}  // namespace
}  // namespace unct
