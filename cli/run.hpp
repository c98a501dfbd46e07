#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace unct::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_threshold_failed = 1;
inline constexpr int k_exit_bad_input = 2;
inline constexpr int k_exit_internal_error = 3;

// Runs one command line (without the program name): parses it, calls the engine, prints to
// `out` (results) and `err` (messages), and returns the exit code. Never throws.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run(int argc, char** argv, std::ostream& out, std::ostream& err);

// The hidden command `batch` starts this program with, to read documents in a worker process
// (batch::serve_reads on standard input). Not listed in the help: people never type it.
inline constexpr const char* k_reader_worker_command = "read-worker";
// The program that runs this process, for starting its reader workers.
inline constexpr const char* k_this_program = "/proc/self/exe";

}  // namespace unct::cli
