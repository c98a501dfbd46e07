#include "engine/core/compress.hpp"

#include <zstd.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>

namespace unct {

void ZstdFrameWriter::FreeContext::operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }

ZstdFrameWriter::ZstdFrameWriter(std::uint64_t content_size, int level)
    : m_context(ZSTD_createCCtx()), m_bound(ZSTD_compressBound(static_cast<std::size_t>(content_size))) {
  if (!m_context) throw std::bad_alloc();
  // With a checksum, a damaged frame is refused rather than decoded into other text; with the
  // content's size, zstd_decompress sizes its output once (and zstd its window to the content).
  ZSTD_CCtx_setParameter(m_context.get(), ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(m_context.get(), ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setPledgedSrcSize(m_context.get(), content_size);
}

ZstdFrameWriter::~ZstdFrameWriter() = default;

void ZstdFrameWriter::pump(std::string_view bytes, bool last) {
  ZSTD_inBuffer in{bytes.data(), bytes.size(), 0};
  const ZSTD_EndDirective mode = last ? ZSTD_e_end : ZSTD_e_continue;
  std::size_t left = 0;  // what zstd has yet to flush
  do {
    // Room for a block out, or for what is left of the whole frame when that is less (a small
    // document's frame is a few kilobytes: a block's room, 128 KB, would be zeroed for nothing).
    // The frame grows by doubling (std::string's), so by a few hundred kilobytes for a document of
    // megabytes. Pieces beyond the declared size are zstd's error; the room never falls to nothing.
    const std::size_t left_of_bound = m_bound > m_written ? m_bound - m_written : 0;
    const std::size_t room = std::min(ZSTD_CStreamOutSize(), std::max<std::size_t>(left_of_bound, 64));
    if (m_frame.size() - m_written < room) m_frame.resize(m_written + room);
    ZSTD_outBuffer out{m_frame.data(), m_frame.size(), m_written};
    left = ZSTD_compressStream2(m_context.get(), &out, &in, mode);
    if (ZSTD_isError(left) != 0) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(left));
    m_written = out.pos;
  } while (in.pos < in.size || (last && left != 0));
}

void ZstdFrameWriter::add(std::string_view piece) { pump(piece, false); }

std::string ZstdFrameWriter::finish() {
  pump({}, true);
  m_frame.resize(m_written);
  return std::move(m_frame);
}

std::string zstd_compress(std::string_view bytes, int level) {
  ZstdFrameWriter frame(bytes.size(), level);
  frame.add(bytes);
  return frame.finish();
}

bool is_zstd_frame(std::string_view bytes) {
  return bytes.size() >= 4 && static_cast<unsigned char>(bytes[0]) == 0x28 &&
         static_cast<unsigned char>(bytes[1]) == 0xB5 && static_cast<unsigned char>(bytes[2]) == 0x2F &&
         static_cast<unsigned char>(bytes[3]) == 0xFD;
}

std::optional<std::string> zstd_decompress(std::string_view bytes, std::size_t max_bytes) {
  // Every frame zstd_compress writes records its content size, so the output is sized once.
  const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > max_bytes) return std::nullopt;
  std::string out(static_cast<std::size_t>(size), '\0');
  // A context per thread, kept (zstd starts each frame afresh): ZSTD_decompress makes and frees
  // one, some 100 KB, per call. Made again if making it failed before.
  struct FreeContext {
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
  };
  thread_local std::unique_ptr<ZSTD_DCtx, FreeContext> context;
  if (!context) context.reset(ZSTD_createDCtx());
  if (!context) throw std::bad_alloc();
  const std::size_t written = ZSTD_decompressDCtx(context.get(), out.data(), out.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(written) != 0 || written != out.size()) return std::nullopt;
  return out;
}

}  // namespace unct
