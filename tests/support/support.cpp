#include "tests/support/support.hpp"

#include "cli/run.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace unct::test {

std::filesystem::path fixture(const std::string& relative) {
  return std::filesystem::path(UNCT_SOURCE_DIR) / "tests/fixtures" / relative;
}

std::filesystem::path source_file(const std::string& relative) {
  return std::filesystem::path(UNCT_SOURCE_DIR) / relative;
}

std::filesystem::path bundled_checklist() { return source_file("checklists/rdm-2021.xml"); }

std::string random_letters(std::size_t size, std::uint32_t seed) {
  std::string out(size, ' ');
  for (char& c : out) c = static_cast<char>('a' + (seed = seed * 1664525U + 1013904223U) % 26U);
  return out;
}

bool checks_foreign_keys(const store::Database& database) {
  return database.sqlite().execAndGet("PRAGMA foreign_keys").getInt() != 0;
}

std::size_t page_size(const store::Database& database) {
  return static_cast<std::size_t>(database.sqlite().execAndGet("PRAGMA page_size").getInt());
}

store::CachedText cached_text_past(const store::Database& database, std::size_t pages) {
  // Random letters compress to some 60% of their size.
  ingest::Document text;
  text.blocks.push_back({.text = random_letters(2 * pages * page_size(database))});
  return store::pack_text(text);
}

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

void copy_to(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::create_directories(to.parent_path());
  std::filesystem::copy_file(from, to);
}

void write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& parts) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("cannot create " + path.string());
  for (const auto& [name, bytes] : parts) {
    // The bytes stay alive (in `parts`) until zip_close reads them.
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const zip_int64_t index = source == nullptr ? -1 : zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (source != nullptr) zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("cannot add " + name + " to " + path.string());
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("cannot write " + path.string());
  }
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

CliResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args) {
  const TempDir dir;
  std::vector<std::string> argv{program.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& a : argv) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  const std::filesystem::path out = dir / "out";
  const std::filesystem::path err = dir / "err";
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out_fd < 0 || err_fd < 0) ::_exit(127);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execv(pointers[0], pointers.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_bytes(out), read_bytes(err)};
}

CliResult run_program(const std::vector<std::string>& args) { return run_program(UNCT_PROGRAM, args); }

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
