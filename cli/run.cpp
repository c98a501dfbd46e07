#include "cli/run.hpp"

#include "cli/commands.hpp"
#include "engine/batch/reader_process.hpp"
#include "engine/core/error.hpp"
#include "engine/core/version.hpp"

#include <boost/program_options/errors.hpp>

#include <iomanip>

#include <unistd.h>

namespace unct::cli {
namespace {

void print_usage(std::ostream& out) {
  out << "unct-assess " << k_engine_version
      << ": rate UN Common Country Analyses, Cooperation Frameworks and COVID-19 response plans\n"
         "against the UN Network checklist on racial discrimination and minority rights.\n\n"
         "usage: unct-assess <command> [options]\n\ncommands:\n";
  for (const Command& command : commands()) {
    out << "  " << std::left << std::setw(12) << command.name << command.summary << '\n';
  }
  out << "\n'unct-assess <command> --help' describes a command.\n"
         "exit codes: 0 ok, 1 findings threshold failed, 2 bad input, 3 internal error\n";
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    if (args.empty()) {
      print_usage(err);
      return k_exit_bad_input;
    }
    const std::string& name = args.front();
    if (name == "--help" || name == "-h" || name == "help") {
      print_usage(out);
      return k_exit_ok;
    }
    if (name == k_reader_worker_command) return batch::serve_reads(STDIN_FILENO);
    if (name == "--version") {
      out << "unct-assess " << k_engine_version << '\n';
      return k_exit_ok;
    }
    for (const Command& command : commands()) {
      if (command.name == name) return command.run({args.begin() + 1, args.end()}, {out, err});
    }
    err << "unct-assess: unknown command \"" << name << "\" (see unct-assess --help)\n";
    return k_exit_bad_input;
  } catch (const boost::program_options::error& e) {
    err << "unct-assess: " << e.what() << " (see --help)\n";
    return k_exit_bad_input;
  } catch (const InputError& e) {
    err << "unct-assess: " << e.what() << '\n';
    return k_exit_bad_input;
  } catch (const std::exception& e) {
    err << "unct-assess: internal error: " << e.what() << '\n';
    return k_exit_internal_error;
  } catch (...) {
    err << "unct-assess: internal error\n";
    return k_exit_internal_error;
  }
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  return run(std::vector<std::string>(argv + 1, argv + argc), out, err);
}

}  // namespace unct::cli
