#pragma once

// How the benchmark runs its external baselines (ripgrep, grep): in a private scratch folder, as
// programs started from argument vectors. No shell ever reads a path or TMPDIR, so neither a
// quote in TMPDIR nor another user's folder at a guessed /tmp name can change what runs.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace unct::bench {

// A new folder under `parent` with an unpredictable name that only this user may enter
// (mkdtemp), removed with its content when the object goes. Throws std::system_error when it
// cannot be made.
class ScratchFolder {
public:
  explicit ScratchFolder(const std::filesystem::path& parent = std::filesystem::temp_directory_path());
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};

// The executable `program` on PATH, found as `command -v` finds it; empty when there is none.
std::filesystem::path find_program(std::string_view program);

// Runs `program` with `arguments` as argv[1...], its environment this process's with
// `environment` ("NAME=value") added or replacing, waits for it and returns what it wrote to
// standard output. Standard input and error are this process's. Throws std::system_error when it
// cannot be started.
// With `discard_errors`, its standard error goes to /dev/null (a progress bar, for one).
std::string run_program(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                        const std::vector<std::string>& environment = {}, bool discard_errors = false);

}  // namespace unct::bench
