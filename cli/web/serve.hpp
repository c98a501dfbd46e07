#pragma once

#include "cli/commands.hpp"

#include <string>
#include <vector>

namespace unct::cli {

// `unct-assess serve ARGS` (ARGS: its options): parses them, starts the web app and serves until
// SIGINT or SIGTERM. Only unct-assess-web has it; unct-assess runs that program in its place
// (run_serve, cli/commands/serve.cpp). Throws like a command (commands.hpp).
int run_web_app(const std::vector<std::string>& args, Io io);

}  // namespace unct::cli
