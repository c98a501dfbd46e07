// unct-assess-web: the program of the web app, which `unct-assess serve ARGS` runs in its own place
// as `unct-assess-web serve ARGS` (cli/commands/serve.cpp), git-style. It is a program of its own
// so that unct-assess does not link cpp-httplib, and with it OpenSSL's TLS library and brotli's encoder,
// whose loading and initialisation every other command would pay at each start. It is also the
// reader worker of the uploads it scores (read-worker, as for unct-assess's batch).

#include "cli/guard.hpp"
#include "cli/run.hpp"
#include "cli/web/serve.hpp"
#include "engine/batch/reader_process.hpp"

#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace unct::cli;
  const std::vector<std::string> args(argv + 1, argv + argc);
  return run_guarded(std::cerr, [&] {
    if (!args.empty() && args.front() == k_reader_worker_command) return unct::batch::serve_reads(STDIN_FILENO);
    if (!args.empty() && args.front() == "serve") {
      return run_web_app({args.begin() + 1, args.end()}, {std::cout, std::cerr});
    }
    std::cerr
        << "unct-assess-web: the web app's program, started by `unct-assess serve` (see unct-assess serve --help)\n";
    return k_exit_bad_input;
  });
}
