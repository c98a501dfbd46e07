#pragma once

// Zstandard frames (libzstd), for what the store keeps large and reads often: the text cache.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct ZSTD_CCtx_s;

namespace unct {

// Level 1, zstd's fastest standard level: on the real corpus's serialised documents its frames are
// 2.6% larger than level 3's, it compresses 1.4 to 2.5 times as fast, and its context is a
// fraction of the size (a 20 kB document's frame touches 43 pages of memory, 129 at level 3).
constexpr int k_zstd_level = 1;

// `bytes` as one zstd frame.
std::string zstd_compress(std::string_view bytes, int level = k_zstd_level);

// The same frame made from content given in pieces, so that the content need never be held whole
// (the text cache's serialised documents): the frame grows as the pieces come, holding beside it
// zstd's window (at most 2 MB), never an output buffer sized for the worst case. Like
// zstd_compress's, the frame records the content's size, declared up front, and a checksum.
class ZstdFrameWriter {
public:
  explicit ZstdFrameWriter(std::uint64_t content_size, int level = k_zstd_level);
  ~ZstdFrameWriter();
  ZstdFrameWriter(const ZstdFrameWriter&) = delete;
  ZstdFrameWriter& operator=(const ZstdFrameWriter&) = delete;

  void add(std::string_view piece);
  // The frame. Throws std::runtime_error when the pieces did not add up to the declared size.
  std::string finish();

private:
  // Compresses `in` (and with `last`, ends the frame), growing the frame as it needs.
  void pump(std::string_view in, bool last);

  struct FreeContext {
    void operator()(ZSTD_CCtx_s* context) const;
  };
  std::unique_ptr<ZSTD_CCtx_s, FreeContext> m_context;
  std::string m_frame;  // its first m_written bytes are the frame so far
  std::size_t m_written = 0;
  std::size_t m_bound = 0;  // the most the whole frame can take (ZSTD_compressBound of the content)
};

// Whether `bytes` starts like a zstd frame (its magic number).
bool is_zstd_frame(std::string_view bytes);

// The content of the frame in `bytes`; nullopt when it is not a whole, valid frame or would
// decompress to more than `max_bytes`.
std::optional<std::string> zstd_decompress(std::string_view bytes, std::size_t max_bytes);

}  // namespace unct
