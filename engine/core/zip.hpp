#pragma once

// Zip packages (DOCX documents, XLSX sheets) opened from memory, their parts read under limits
// that refuse zip bombs before anything is inflated (libzip).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace unct {

struct ZipLimits {
  std::uint64_t max_unzipped_bytes = 512ull * 1024 * 1024;  // all parts together, inflated
  std::uint64_t max_zip_ratio = 100;                        // for a part above 1 MiB
};

class ZipPackage {
public:
  // Opens the package in `bytes` (which must outlive it). Throws InputError naming `path` when
  // it is not a readable zip, or when its parts claim more than the limits allow. `kind` names
  // the format in the message, e.g. "a DOCX file".
  ZipPackage(std::string_view bytes, const std::filesystem::path& path, const ZipLimits& limits, std::string_view kind);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  bool has(const char* name) const;

  // The part's bytes; nullopt when the package has no such part. Throws InputError naming the
  // package and the part when it cannot be read (encrypted, damaged).
  std::optional<std::string> part(const char* name) const;

private:
  struct Closer {
    void operator()(struct zip* z) const;
  };
  std::unique_ptr<struct zip, Closer> m_zip;
  std::filesystem::path m_path;
};

}  // namespace unct
