#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace unct {
namespace {

using test::run_cli;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Every command made of sub-commands answers the same way, because they share one dispatcher.
// The empty group is the top level.
class CommandGroups : public ::testing::TestWithParam<std::string> {
protected:
  std::vector<std::string> with(const std::string& arg) const {
    std::vector<std::string> args;
    if (!GetParam().empty()) args.push_back(GetParam());
    args.push_back(arg);
    return args;
  }
  std::string program() const { return GetParam().empty() ? "unct-assess" : "unct-assess " + GetParam(); }
};

TEST_P(CommandGroups, HelpListsTheSubcommandsAndSucceeds) {
  const auto r = run_cli(with("--help"));
  EXPECT_EQ(r.exit_code, cli::k_exit_ok);
  EXPECT_THAT(r.out, HasSubstr("usage: " + program() + " <command> [options]"));
  EXPECT_THAT(r.out, HasSubstr("'" + program() + " <command> --help' describes a command."));
  EXPECT_THAT(r.err, IsEmpty());
}

TEST_P(CommandGroups, NoSubcommandPrintsTheUsageAsAnError) {
  const auto r = run_cli(GetParam().empty() ? std::vector<std::string>{} : std::vector<std::string>{GetParam()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("usage: " + program() + " <command> [options]"));
  EXPECT_THAT(r.out, IsEmpty());
}

TEST_P(CommandGroups, AnUnknownSubcommandIsNamedInOneLine) {
  const auto r = run_cli(with("bogus"));
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  const std::string group = GetParam().empty() ? "" : GetParam() + " ";
  EXPECT_EQ(r.err, "unct-assess: unknown " + group + "command \"bogus\" (see " + program() + " --help)\n");
  EXPECT_THAT(r.out, IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Cli, CommandGroups, ::testing::Values("", "self-assess", "workshop", "checklist", "db"),
                         [](const ::testing::TestParamInfo<std::string>& group) {
                           if (group.param.empty()) return std::string("top");
                           return group.param == "self-assess" ? std::string("self_assess") : group.param;
                         });

TEST(CommandGroups, EachSubcommandHasItsOwnHelp) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"self-assess", "template", "--help"},
                                             {"workshop", "new", "--help"},
                                             {"checklist", "lint", "--help"},
                                             {"db", "check", "--help"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, cli::k_exit_ok) << args[0] << ' ' << args[1];
    EXPECT_THAT(r.out, HasSubstr("usage: unct-assess " + args[0] + " " + args[1])) << r.out;
  }
}

}  // namespace
}  // namespace unct
