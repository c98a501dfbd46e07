#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unct::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
};

// A command: its arguments are everything after its name. Returns the exit code; throws
// InputError or boost::program_options::error for bad input, which run() reports.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args, Io io);
};

// Every command, in the order `unct-assess --help` lists them.
std::span<const Command> commands();

// A command made of sub-commands ("workshop new", "checklist lint", ...), and the top level itself.
struct CommandGroup {
  std::string_view name;   // "workshop"; empty for the top level
  std::string_view intro;  // printed above the list of sub-commands
  std::span<const Command> subcommands;
  std::string_view footer;  // printed below it
};

// Runs the sub-command named by args.front() with the rest of the arguments. `--help` prints the
// group's usage and succeeds; no sub-command, or one the group does not have, prints the usage
// on `err` (with "unknown command" for the latter) and returns k_exit_bad_input. Every group
// answers the same way because they all go through here.
int dispatch(const CommandGroup& group, const std::vector<std::string>& args, Io io);

int run_score(const std::vector<std::string>& args, Io io);
int run_annotate(const std::vector<std::string>& args, Io io);
int run_checklist(const std::vector<std::string>& args, Io io);
int run_inspect(const std::vector<std::string>& args, Io io);
int run_report(const std::vector<std::string>& args, Io io);
int run_history(const std::vector<std::string>& args, Io io);
int run_compare(const std::vector<std::string>& args, Io io);
int run_gaps(const std::vector<std::string>& args, Io io);
int run_export(const std::vector<std::string>& args, Io io);
int run_batch(const std::vector<std::string>& args, Io io);
int run_rescore(const std::vector<std::string>& args, Io io);
int run_override(const std::vector<std::string>& args, Io io);
int run_evaluate(const std::vector<std::string>& args, Io io);
int run_self_assess(const std::vector<std::string>& args, Io io);
int run_workshop(const std::vector<std::string>& args, Io io);
int run_db(const std::vector<std::string>& args, Io io);
int run_serve(const std::vector<std::string>& args, Io io);

}  // namespace unct::cli
