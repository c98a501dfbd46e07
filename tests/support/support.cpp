#include "tests/support/support.hpp"

#include "cli/run.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <random>
#include <sstream>

namespace unct::test {

std::filesystem::path fixture(const std::string& relative) {
  return std::filesystem::path(UNCT_SOURCE_DIR) / "tests/fixtures" / relative;
}

std::filesystem::path source_file(const std::string& relative) { return std::filesystem::path(UNCT_SOURCE_DIR) / relative; }

std::filesystem::path bundled_checklist() { return source_file("checklists/rdm-2021.xml"); }

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

TempDir::TempDir() {
  std::random_device random;
  m_path = std::filesystem::temp_directory_path() / ("unct-test-" + std::to_string(random()));
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

CliResult run_cli(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

Program::Program(const std::vector<std::string>& args, const std::filesystem::path& log) {
  std::vector<std::string> argv{UNCT_PROGRAM};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& a : argv) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open " + log.string());
  m_pid = ::fork();
  if (m_pid == 0) {
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execv(pointers[0], pointers.data());
    ::_exit(127);
  }
  ::close(fd);
  if (m_pid < 0) throw std::runtime_error("fork failed");
}

Program::~Program() {
  if (m_pid > 0) kill_hard();
}

int Program::wait() {
  int status = 0;
  ::waitpid(m_pid, &status, 0);
  m_pid = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void Program::kill_hard() {
  ::kill(m_pid, SIGKILL);
  wait();
}

}  // namespace unct::test
