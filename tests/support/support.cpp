#include "tests/support/support.hpp"

#include "cli/run.hpp"

#include <fstream>
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

}  // namespace unct::test
