#pragma once

#include "engine/store/database.hpp"
#include "engine/store/documents.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace unct::test {

// A file under tests/fixtures/.
std::filesystem::path fixture(const std::string& relative);
// A file in the source tree (checklists/, samples/).
std::filesystem::path source_file(const std::string& relative);
std::filesystem::path bundled_checklist();

std::string read_bytes(const std::filesystem::path& path);
// `size` lowercase letters drawn at random (the same for the same seed): text that compresses to
// some 60%, for a cached text of a size a test chooses.
std::string random_letters(std::size_t size, std::uint32_t seed = 2021);
// Whether the connection checks foreign keys (SQLite's own answer, PRAGMA foreign_keys).
bool checks_foreign_keys(const store::Database& database);
// A text for the text cache that takes more than `pages` of the database's pages once compressed.
store::CachedText cached_text_past(const store::Database& database, std::size_t pages);
// The database's page size in bytes.
std::size_t page_size(const store::Database& database);
void write_bytes(const std::filesystem::path& path, const std::string& bytes);
// Copies the file `from` to `to`, making the folders on the way: a program and what it loads laid
// out as an install would lay them.
void copy_to(const std::filesystem::path& from, const std::filesystem::path& to);
// Writes a zip package (libzip, each part deflated) holding the parts given as {name, bytes}:
// DOCX and XLSX files made in a test rather than committed.
void write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& parts);

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};

struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs the command line in-process through cli::run.
CliResult run_cli(const std::vector<std::string>& args);

// `program args...` run as a separate process to its end: its exit code (-1 when a signal ended
// it), standard output and standard error. Without `program`, the unct-assess built with the tests.
CliResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args);
CliResult run_program(const std::vector<std::string>& args);

// The unct-assess program built with the tests, run as a separate process, for what only a
// process shows: being killed, or racing another process on one database.
class Program {
public:
  // Starts `unct-assess args...`, its stdout and stderr going to `log`.
  Program(const std::vector<std::string>& args, const std::filesystem::path& log);
  ~Program();  // kills the process if still running
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  int wait();        // the exit code; -1 when it did not exit normally
  void kill_hard();  // SIGKILL, then reaps it

private:
  int m_pid = -1;
};

}  // namespace unct::test
