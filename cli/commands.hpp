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

int run_score(const std::vector<std::string>& args, Io io);
int run_checklist(const std::vector<std::string>& args, Io io);
int run_inspect(const std::vector<std::string>& args, Io io);
int run_report(const std::vector<std::string>& args, Io io);
int run_history(const std::vector<std::string>& args, Io io);
int run_compare(const std::vector<std::string>& args, Io io);
int run_gaps(const std::vector<std::string>& args, Io io);
int run_export(const std::vector<std::string>& args, Io io);
int run_batch(const std::vector<std::string>& args, Io io);
int run_override(const std::vector<std::string>& args, Io io);
int run_evaluate(const std::vector<std::string>& args, Io io);
int run_self_assess(const std::vector<std::string>& args, Io io);
int run_workshop(const std::vector<std::string>& args, Io io);
int run_db(const std::vector<std::string>& args, Io io);

}  // namespace unct::cli
