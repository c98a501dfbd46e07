#pragma once

// Zstandard frames (libzstd), for what the store keeps large and reads often: the text cache.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace unct {

// `bytes` as one zstd frame. Level 3 is zstd's default: it compresses a document's JSON about
// fivefold at several hundred MB/s.
std::string zstd_compress(std::string_view bytes, int level = 3);

// Whether `bytes` starts like a zstd frame (its magic number).
bool is_zstd_frame(std::string_view bytes);

// The content of the frame in `bytes`; nullopt when it is not a whole, valid frame or would
// decompress to more than `max_bytes`.
std::optional<std::string> zstd_decompress(std::string_view bytes, std::size_t max_bytes);

}  // namespace unct
