#pragma once

// Zip packages (DOCX documents, XLSX sheets) opened from memory, their parts read under limits
// that refuse zip bombs before anything is inflated (libzip).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct zip_source;

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

// A zip package written in memory: a new one, or an existing one with some parts replaced or
// added. Parts left alone are copied as they are, compressed bytes and all (libzip copies them
// raw), so an edited DOCX keeps every untouched part byte for byte.
class ZipWriter {
public:
  // A new, empty package.
  ZipWriter();
  // `original`'s parts, to be edited. Throws InputError naming `path` when it is not a readable
  // zip.
  ZipWriter(std::string original, const std::filesystem::path& path);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Adds the part, or replaces it when the package has one of that name.
  void put(const std::string& name, std::string bytes);

  // The package's bytes. The writer is spent afterwards.
  std::string finish();

private:
  struct Closer {
    void operator()(struct zip* z) const;
  };
  std::string m_original;                             // the bytes an edited package is read from
  std::vector<std::unique_ptr<std::string>> m_parts;  // kept alive until the package is written
  struct zip_source* m_target = nullptr;              // where the package is written
  std::unique_ptr<struct zip, Closer> m_zip;
};

}  // namespace unct
