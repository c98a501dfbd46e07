// `unct-assess serve`: the web app is a program of its own, unct-assess-web (cli/web/), so that
// this one does not link cpp-httplib, OpenSSL's TLS library and brotli's encoder, whose loading and
// initialisation every other command would pay at each start. serve runs that program in this
// process's place (execv) with the same arguments, git-style: the options, help, messages and exit
// codes are those unct-assess-web gives for `unct-assess serve`, and the process stays the same
// one (a signal sent to it reaches the server).
//
// The program is looked for beside this one (the build tree, or an install that keeps both in one
// folder), then where `cmake --install` puts it, relative to this program's folder
// (bin/../libexec/unct-assess/), so that an installed tree can be moved.

#include "cli/commands.hpp"
#include "cli/run.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace unct::cli {
namespace {

namespace fs = std::filesystem;

// Where the web app's program may be, in the order it is looked for.
std::vector<fs::path> web_program_places() {
  std::error_code error;
  const fs::path self = fs::read_symlink(k_this_program, error);
  if (error) return {};
  const fs::path beside = self.parent_path() / UNCT_WEB_PROGRAM;
  const fs::path installed = (self.parent_path() / UNCT_WEB_PROGRAM_FROM_BINDIR).lexically_normal();
  if (installed == beside) return {beside};
  return {beside, installed};
}

}  // namespace

int run_serve(const std::vector<std::string>& args, Io io) {
  const std::vector<fs::path> places = web_program_places();
  std::optional<fs::path> not_executable;  // the first place that has the file, but not runnable
  for (const fs::path& program : places) {
    if (::access(program.c_str(), X_OK) != 0) {
      if (!not_executable && ::access(program.c_str(), F_OK) == 0) not_executable = program;
      continue;
    }
    std::vector<std::string> argv{program.string(), "serve"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> pointers;
    for (std::string& a : argv) pointers.push_back(a.data());
    pointers.push_back(nullptr);
    // What was written before is the new program's to follow, in order.
    io.out.flush();
    io.err.flush();
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    ::execv(pointers[0], pointers.data());
    const int failure = errno;
    io.err << "unct-assess: serve: cannot run " << program.string() << ": " << std::strerror(failure) << '\n';
    return k_exit_internal_error;
  }
  if (not_executable) {
    io.err << "unct-assess: serve: cannot run " << not_executable->string() << ": it is not executable\n";
    return k_exit_internal_error;
  }
  io.err << "unct-assess: serve needs the web app's program, " << UNCT_WEB_PROGRAM;
  if (places.empty()) {
    io.err << ", and cannot tell where it is: " << k_this_program << " does not name this program\n";
    return k_exit_internal_error;
  }
  io.err << ", which is not there: looked for ";
  for (std::size_t i = 0; i < places.size(); ++i) io.err << (i == 0 ? "" : " and ") << places[i].string();
  io.err << " (build the target " << UNCT_WEB_PROGRAM << ", or install unct-assess again)\n";
  return k_exit_internal_error;
}

}  // namespace unct::cli
