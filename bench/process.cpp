#include "bench/process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <system_error>

extern char** environ;  // POSIX declares it nowhere: the program's own environment

namespace unct::bench {
namespace {

[[noreturn]] void fail(int error, const std::string& what) {
  throw std::system_error(error, std::generic_category(), what);
}

bool is_runnable(const std::filesystem::path& file) {
  std::error_code ec;
  return std::filesystem::is_regular_file(file, ec) && access(file.c_str(), X_OK) == 0;
}

// This process's environment with `changes` ("NAME=value") added or replacing.
std::vector<std::string> environment_with(const std::vector<std::string>& changes) {
  std::vector<std::string> out;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text = *entry;
    const std::string_view name = text.substr(0, text.find('=') + 1);  // "NAME="
    if (name.empty()) continue;
    if (std::none_of(changes.begin(), changes.end(), [&](const std::string& c) { return c.starts_with(name); })) {
      out.emplace_back(text);
    }
  }
  out.insert(out.end(), changes.begin(), changes.end());
  return out;
}

// The null-terminated array of C strings that exec takes; `strings` must outlive it.
std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

ScratchFolder::ScratchFolder(const std::filesystem::path& parent) {
  // Absolute, so that no path handed to a baseline can start with '-' and read as an option.
  std::string name = (std::filesystem::absolute(parent) / "unct-bench-XXXXXX").string();
  if (mkdtemp(name.data()) == nullptr) fail(errno, "cannot make a scratch folder in " + parent.string());
  m_path = name;
}

ScratchFolder::~ScratchFolder() {
  std::error_code ignored;  // a folder that cannot be removed is no reason to stop
  std::filesystem::remove_all(m_path, ignored);
}

std::filesystem::path find_program(std::string_view program) {
  if (program.empty()) return {};
  if (program.find('/') != std::string_view::npos) {
    return is_runnable(program) ? std::filesystem::path(program) : std::filesystem::path();
  }
  const char* variable = std::getenv("PATH");
  std::string_view folders = variable != nullptr ? variable : "/usr/bin:/bin";
  for (;;) {
    const std::size_t colon = folders.find(':');
    const std::string_view folder = folders.substr(0, colon);
    // An empty entry is the current folder, as for the shell.
    const std::filesystem::path candidate = std::filesystem::path(folder.empty() ? "." : folder) / program;
    if (is_runnable(candidate)) return candidate;
    if (colon == std::string_view::npos) return {};
    folders.remove_prefix(colon + 1);
  }
}

std::string run_program(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                        const std::vector<std::string>& environment, bool discard_errors) {
  std::vector<std::string> argv_strings{program.filename().string()};
  argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
  std::vector<std::string> envp_strings = environment_with(environment);
  const std::vector<char*> argv = c_strings(argv_strings);
  const std::vector<char*> envp = c_strings(envp_strings);

  int pipe_ends[2];
  // Close-on-exec: the child keeps only its dup2'ed standard output.
  if (pipe2(pipe_ends, O_CLOEXEC) != 0) fail(errno, "cannot make a pipe for " + program.string());
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
  if (discard_errors) posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_ends[1]);
  if (spawned != 0) {
    close(pipe_ends[0]);
    fail(spawned, "cannot run " + program.string());
  }

  std::string out;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(pipe_ends[0], buffer, sizeof buffer);
    if (n > 0)
      out.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR)
      break;
  }
  close(pipe_ends[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return out;
}

}  // namespace unct::bench
