#include "engine/core/file.hpp"

#include "engine/core/error.hpp"

#include <array>
#include <fstream>

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
  // A pipe, a device or a socket could block forever or never end (/dev/zero): refused unread.
  if (!std::filesystem::is_regular_file(status)) {
    throw InputError({.file = path}, "not a regular file (a pipe, device or socket); save the content to a file first");
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    // Exact counts when rounding would make the two look equal ("10 KiB, above the limit of 10 KiB").
    const bool same = byte_size(size) == byte_size(max_bytes);
    throw InputError({.file = path}, "file is " + (same ? std::to_string(size) + " bytes" : byte_size(size)) +
                                         ", above the limit of " +
                                         (same ? std::to_string(max_bytes) + " bytes" : byte_size(max_bytes)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({.file = path}, "cannot open file for reading");
  // Read at most one byte past the limit, whatever the size said: a file may grow while read.
  std::string bytes;
  std::array<char, 64 * 1024> buffer{};
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    bytes.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      throw InputError({.file = path}, "file is above the limit of " + byte_size(max_bytes));
    }
  }
  if (in.bad()) throw InputError({.file = path}, "read error");
  return bytes;
}

}  // namespace unct
