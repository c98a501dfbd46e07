#include "cli/run.hpp"

#include "cli/commands.hpp"
#include "cli/guard.hpp"
#include "engine/batch/reader_process.hpp"
#include "engine/core/version.hpp"

#include <unistd.h>

namespace unct::cli {
namespace {

const std::string k_intro = "unct-assess " + std::string(k_engine_version) +
                            ": rate UN Common Country Analyses, Cooperation Frameworks and COVID-19 response plans\n"
                            "against the UN Network checklist on racial discrimination and minority rights.";

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return run_guarded(err, [&] {
    if (!args.empty() && args.front() == k_reader_worker_command) return batch::serve_reads(STDIN_FILENO);
    if (!args.empty() && args.front() == "--version") {
      out << "unct-assess " << k_engine_version << '\n';
      return k_exit_ok;
    }
    const CommandGroup top{
        .intro = k_intro,
        .subcommands = commands(),
        .footer =
            "exit codes: 0 ok, 1 a findings threshold failed or (batch, rescore) some documents failed,\n"
            "2 bad input, 3 internal error"};
    return dispatch(top, args, {out, err});
  });
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  return run(std::vector<std::string>(argv + 1, argv + argc), out, err);
}

}  // namespace unct::cli
