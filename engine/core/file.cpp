#include "engine/core/file.hpp"

#include "engine/core/error.hpp"

#include <fstream>
#include <sstream>

namespace unct {

std::string byte_size(std::uintmax_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw InputError({.file = path}, "no such file");
  if (std::filesystem::is_directory(status)) throw InputError({.file = path}, "is a directory, not a file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    throw InputError({.file = path}, "file is " + byte_size(size) + ", above the limit of " + byte_size(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({.file = path}, "cannot open file for reading");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw InputError({.file = path}, "read error");
  return std::move(bytes).str();
}

}  // namespace unct
