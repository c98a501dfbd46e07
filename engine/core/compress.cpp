#include "engine/core/compress.hpp"

#include <zstd.h>

#include <memory>
#include <new>
#include <stdexcept>

namespace unct {

std::string zstd_compress(std::string_view bytes, int level) {
  // With a checksum, a damaged frame is refused rather than decoded into other text.
  const std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), &ZSTD_freeCCtx);
  if (!context) throw std::bad_alloc();
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const std::size_t written = ZSTD_compress2(context.get(), out.data(), out.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(written) != 0) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(written));
  out.resize(written);
  return out;
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
  const std::size_t written = ZSTD_decompress(out.data(), out.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(written) != 0 || written != out.size()) return std::nullopt;
  return out;
}

}  // namespace unct
