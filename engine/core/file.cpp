#include "engine/core/file.hpp"

#include "engine/core/error.hpp"

#include <fstream>
#include <sstream>

namespace unct {

std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw InputError({.file = path}, "no such file");
  if (std::filesystem::is_directory(status)) throw InputError({.file = path}, "is a directory, not a file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    throw InputError({.file = path}, "file is " + std::to_string(size / (1024 * 1024)) +
                                         " MiB, above the limit of " +
                                         std::to_string(max_bytes / (1024 * 1024)) + " MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({.file = path}, "cannot open file for reading");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw InputError({.file = path}, "read error");
  return std::move(bytes).str();
}

}  // namespace unct
