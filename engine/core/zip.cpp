#include "engine/core/zip.hpp"

#include "engine/core/error.hpp"
#include "engine/core/file.hpp"
#include "engine/core/shared_library.hpp"

#include <zip.h>

#include <algorithm>
#include <stdexcept>

namespace unct {
namespace {

// libzip's functions that this file calls, taken from the library when first used.
#define UNCT_LIBZIP_FUNCTIONS(X) \
  X(zip_fclose)                  \
  X(zip_get_num_entries)         \
  X(zip_stat_index)              \
  X(zip_discard)                 \
  X(zip_error_init)              \
  X(zip_source_buffer_create)    \
  X(zip_open_from_source)        \
  X(zip_source_free)             \
  X(zip_error_strerror)          \
  X(zip_error_fini)              \
  X(zip_name_locate)             \
  X(zip_fopen_index)             \
  X(zip_strerror)                \
  X(zip_fread)                   \
  X(zip_file_strerror)           \
  X(zip_source_keep)             \
  X(zip_source_buffer)           \
  X(zip_file_replace)            \
  X(zip_file_add)                \
  X(zip_close)                   \
  X(zip_source_open)             \
  X(zip_source_read)             \
  X(zip_source_close)

struct Libzip {
  UNCT_LIBZIP_FUNCTIONS(UNCT_FUNCTION_MEMBER)
  void bind(const SharedLibrary& library) { UNCT_LIBZIP_FUNCTIONS(UNCT_FUNCTION_BIND) }
};

const Libzip& libzip() {
  return functions_of<Libzip>(UNCT_LIBZIP_SONAME, UNCT_LIBZIP_PACKAGE, "reading and writing DOCX and ODT files");
}

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { libzip().zip_fclose(f); }
};

// A zip bomb claims far more bytes than it holds. Sizes are checked from the central directory
// before anything is inflated; libzip then refuses to inflate past a part's declared size.
void check_limits(zip_t* archive, const std::filesystem::path& path, const ZipLimits& limits) {
  const zip_int64_t count = libzip().zip_get_num_entries(archive, 0);
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (libzip().zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0) continue;
    if ((stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_COMP_SIZE) == 0) continue;
    total += stat.size;
    const std::string name = stat.name != nullptr ? stat.name : "?";
    const std::uint64_t ratio = stat.size / std::max<std::uint64_t>(stat.comp_size, 1);
    if (stat.size > 1024 * 1024 && ratio > limits.max_zip_ratio) {
      throw InputError({.file = path}, name + " expands " + std::to_string(ratio) + " times (limit " +
                                           std::to_string(limits.max_zip_ratio) + "): refused as a likely zip bomb");
    }
    if (total > limits.max_unzipped_bytes) {
      throw InputError({.file = path}, "the package expands to more than " + byte_size(limits.max_unzipped_bytes) +
                                           ": refused as a likely zip bomb");
    }
  }
}

}  // namespace

void ZipPackage::Closer::operator()(struct zip* z) const { libzip().zip_discard(z); }

ZipPackage::ZipPackage(std::string_view bytes, const std::filesystem::path& path, const ZipLimits& limits,
                       std::string_view kind)
    : m_path(path) {
  zip_error_t error;
  libzip().zip_error_init(&error);
  zip_source_t* source = libzip().zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    m_zip.reset(libzip().zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!m_zip) libzip().zip_source_free(source);
  }
  if (!m_zip) {
    const std::string reason = libzip().zip_error_strerror(&error);
    libzip().zip_error_fini(&error);
    throw InputError({.file = path}, "not a readable zip package (" + reason + "); " + std::string(kind) +
                                         " may be damaged or truncated");
  }
  libzip().zip_error_fini(&error);
  check_limits(m_zip.get(), path, limits);
}

ZipPackage::~ZipPackage() = default;

bool ZipPackage::has(const char* name) const { return libzip().zip_name_locate(m_zip.get(), name, 0) >= 0; }

std::optional<std::string> ZipPackage::part(const char* name) const {
  const zip_int64_t index = libzip().zip_name_locate(m_zip.get(), name, 0);
  if (index < 0) return std::nullopt;
  zip_stat_t stat;
  libzip().zip_stat_index(m_zip.get(), static_cast<zip_uint64_t>(index), 0, &stat);
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      libzip().zip_fopen_index(m_zip.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    throw InputError({.file = m_path}, std::string(name) + ": cannot be read (" + libzip().zip_strerror(m_zip.get()) +
                                           "); the package may be encrypted or damaged");
  }
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  zip_uint64_t done = 0;
  while (done < stat.size) {
    const zip_int64_t n = libzip().zip_fread(file.get(), out.data() + done, stat.size - done);
    if (n < 0) {
      throw InputError({.file = m_path}, std::string(name) + ": cannot be read (" +
                                             libzip().zip_file_strerror(file.get()) + "); the package is damaged");
    }
    if (n == 0) break;
    done += static_cast<zip_uint64_t>(n);
  }
  out.resize(static_cast<std::size_t>(done));
  return out;
}

void ZipWriter::Closer::operator()(struct zip* z) const { libzip().zip_discard(z); }

namespace {

// A package written into a growing buffer; `original` is its first content (empty for a new one).
// libzip writes the result into the same source when the archive is closed.
zip_source_t* buffer_source(const std::string& original, zip_error_t* error) {
  return libzip().zip_source_buffer_create(original.empty() ? nullptr : original.data(), original.size(), 0, error);
}

}  // namespace

ZipWriter::ZipWriter() : ZipWriter(std::string(), {}) {}

ZipWriter::ZipWriter(std::string original, const std::filesystem::path& path) : m_original(std::move(original)) {
  zip_error_t error;
  libzip().zip_error_init(&error);
  m_target = buffer_source(m_original, &error);
  if (m_target != nullptr) {
    m_zip.reset(libzip().zip_open_from_source(m_target, m_original.empty() ? ZIP_TRUNCATE : ZIP_CHECKCONS, &error));
  }
  if (!m_zip) {
    const std::string reason = libzip().zip_error_strerror(&error);
    libzip().zip_error_fini(&error);
    if (m_target != nullptr) libzip().zip_source_free(m_target);  // a failed open leaves the source to us
    m_target = nullptr;
    throw InputError({.file = path}, "not a readable zip package (" + reason + "); the file may be damaged");
  }
  libzip().zip_source_keep(m_target);  // the archive holds one reference; ours reads the result back in finish()
  libzip().zip_error_fini(&error);
}

ZipWriter::~ZipWriter() {
  m_zip.reset();
  if (m_target != nullptr) libzip().zip_source_free(m_target);
}

void ZipWriter::put(const std::string& name, std::string bytes) {
  m_parts.push_back(std::make_unique<std::string>(std::move(bytes)));
  const std::string& part = *m_parts.back();
  zip_source_t* source = libzip().zip_source_buffer(m_zip.get(), part.data(), part.size(), 0);
  if (source == nullptr) throw std::runtime_error("zip: " + std::string(libzip().zip_strerror(m_zip.get())));
  const zip_int64_t at = libzip().zip_name_locate(m_zip.get(), name.c_str(), 0);
  const bool done = at >= 0 ? libzip().zip_file_replace(m_zip.get(), static_cast<zip_uint64_t>(at), source, 0) == 0
                            : libzip().zip_file_add(m_zip.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0;
  if (!done) {
    libzip().zip_source_free(source);
    throw std::runtime_error("zip: cannot add " + name + ": " + libzip().zip_strerror(m_zip.get()));
  }
}

std::string ZipWriter::finish() {
  if (!m_zip) throw std::logic_error("ZipWriter::finish called twice");
  if (libzip().zip_close(m_zip.get()) != 0)
    throw std::runtime_error("zip: " + std::string(libzip().zip_strerror(m_zip.get())));
  m_zip.release();  // zip_close freed it
  std::string out;
  if (libzip().zip_source_open(m_target) != 0) throw std::runtime_error("zip: cannot read the package back");
  char buffer[65536];
  zip_int64_t n = 0;
  while ((n = libzip().zip_source_read(m_target, buffer, sizeof buffer)) > 0)
    out.append(buffer, static_cast<std::size_t>(n));
  libzip().zip_source_close(m_target);
  if (n < 0) throw std::runtime_error("zip: the package could not be read back whole");
  return out;
}

}  // namespace unct
