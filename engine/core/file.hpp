#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace unct {

// The whole file as bytes. Throws InputError naming the file when it is missing, is a
// directory or another non-regular file (a pipe, a device), cannot be read, or is larger than
// max_bytes (never reading more than one byte past it).
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

// "3 MiB", "12 KiB" or "900 bytes", rounded down, for messages about sizes.
std::string byte_size(std::uintmax_t bytes);

}  // namespace unct
