#pragma once

#include "engine/core/sha256.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace unct::checklist {

// The checklist's SHA-256 (Checklist::sha256): of its file's bytes and of the item files it
// includes, in the order it includes them, each with its path relative to the checklist's folder.
// A change to any of them makes a new checklist for the store, which keeps assessments by this
// hash, and for the compiled checklist's cache. Without includes it is the SHA-256 of the file's
// bytes. Given in pieces, so that a caller need not hold every file at once.
class ContentHash {
public:
  // `path` is the checklist's file as given, `text` its bytes.
  ContentHash(const std::filesystem::path& path, std::string_view text);
  // An item file the checklist includes, as the loader names it (the checklist's folder joined
  // with the href), and its bytes.
  void add_include(const std::filesystem::path& file, std::string_view bytes);
  std::string hex();  // call once, after the includes

private:
  std::filesystem::path m_folder;
  Sha256 m_sha256;
};

}  // namespace unct::checklist
