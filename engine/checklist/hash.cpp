#include "engine/checklist/hash.hpp"

namespace unct::checklist {

ContentHash::ContentHash(const std::filesystem::path& path, std::string_view text) : m_folder(path.parent_path()) {
  m_sha256.update(text);
}

void ContentHash::add_include(const std::filesystem::path& file, std::string_view bytes) {
  m_sha256.update(std::string_view("\0", 1));
  m_sha256.update(file.lexically_relative(m_folder).generic_string());
  m_sha256.update(std::string_view("\0", 1));
  m_sha256.update(bytes);
}

std::string ContentHash::hex() { return m_sha256.hex(); }

}  // namespace unct::checklist
