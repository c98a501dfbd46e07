// `unct-assess serve` runs the web app's own program, unct-assess-web, in its place
// (cli/commands/serve.cpp): through it the command keeps its help, messages and exit codes. The
// real programs are run here, as a user runs them (the server's own behaviour is in tests/web/).

#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace unct {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ServeCommand, HelpIsTheCommandsOwn) {
  const auto r = test::run_program({"serve", "--help"});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, StartsWith("usage: unct-assess serve [--db FILE] [--bind 127.0.0.1] [--port 8080] [--token T]"));
  EXPECT_THAT(r.out, HasSubstr("Starts the web app over the database"));
  EXPECT_THAT(r.out, HasSubstr("--packs arg"));
  EXPECT_EQ(r.err, "");
}

TEST(ServeCommand, BadOptionsExit2WithTheMessage) {
  auto r = test::run_program({"serve", "--no-such-option"});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_EQ(r.err, "unct-assess: unrecognised option '--no-such-option' (see --help)\n");
  EXPECT_EQ(r.out, "");
  test::TempDir dir;
  r = test::run_program({"serve", "--port", "70000", "--db", (dir / "s.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_EQ(r.err, "unct-assess: --port must be 0 to 65535\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "s.db"));
}

// A unct-assess without its web program (copied alone elsewhere): serve says which files it
// looked for and fails; every other command works without it.
TEST(ServeCommand, WithoutTheWebProgramSaysWhereItLooked) {
  test::TempDir dir;
  const std::filesystem::path alone = dir / "bin/unct-assess";
  test::copy_to(UNCT_PROGRAM, alone);
  auto r = test::run_program(alone, {"serve", "--help"});
  EXPECT_EQ(r.exit_code, cli::k_exit_internal_error);
  EXPECT_EQ(r.err, "unct-assess: serve needs the web app's program, unct-assess-web, which is not there: looked for " +
                       (dir / "bin/unct-assess-web").string() + " and " +
                       (dir / "bin" / UNCT_WEB_PROGRAM_FROM_BINDIR).lexically_normal().string() +
                       " (build the target unct-assess-web, or install unct-assess again)\n");
  EXPECT_EQ(r.out, "");
  // A file of that name that cannot be run is named as such.
  std::ofstream(dir / "bin/unct-assess-web") << "not a program\n";
  std::filesystem::permissions(dir / "bin/unct-assess-web",
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  r = test::run_program(alone, {"serve", "--help"});
  EXPECT_EQ(r.exit_code, cli::k_exit_internal_error);
  EXPECT_EQ(r.err,
            "unct-assess: serve: cannot run " + (dir / "bin/unct-assess-web").string() + ": it is not executable\n");
  r = test::run_program(alone, {"--version"});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, StartsWith("unct-assess "));
}

// The layout `cmake --install` makes (bin/unct-assess, and the web program where the install
// puts it relative to bin/), copied elsewhere: serve finds the web program there.
TEST(ServeCommand, FindsTheWebProgramWhereTheInstallPutsIt) {
  test::TempDir dir;
  const std::filesystem::path program = dir / "bin/unct-assess";
  const std::filesystem::path web = (dir / "bin" / UNCT_WEB_PROGRAM_FROM_BINDIR).lexically_normal();
  test::copy_to(UNCT_PROGRAM, program);
  test::copy_to(UNCT_WEB_PROGRAM_FILE, web);
  const auto r = test::run_program(program, {"serve", "--help"});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, HasSubstr("--port"));
}

}  // namespace
}  // namespace unct
