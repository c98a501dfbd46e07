#include "cli/defaults.hpp"

#include <cstdlib>
#include <string_view>

namespace unct::cli {

std::filesystem::path default_checklist() {
  if (const char* path = std::getenv("UNCT_ASSESS_CHECKLIST"); path != nullptr && *path != '\0') return path;
  const std::filesystem::path installed = std::filesystem::path(UNCT_INSTALL_DATA_DIR) / "checklists/rdm-2021.xml";
  if (std::filesystem::exists(installed)) return installed;
  return std::filesystem::path(UNCT_SOURCE_DIR) / "checklists/rdm-2021.xml";
}

std::filesystem::path default_packs_folder() {
  const std::filesystem::path installed = std::filesystem::path(UNCT_INSTALL_DATA_DIR) / "samples/workshop";
  if (std::filesystem::is_directory(installed)) return installed;
  return std::filesystem::path(UNCT_SOURCE_DIR) / "samples/workshop";
}

std::filesystem::path default_database() { return "unct-assess.db"; }

std::filesystem::path default_cache_folder() {
  auto set = [](const char* name) -> const char* {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
  };
  if (const char* folder = set("UNCT_ASSESS_CACHE")) return std::string_view(folder) == "off" ? "" : folder;
  if (const char* cache = set("XDG_CACHE_HOME")) return std::filesystem::path(cache) / "unct-assess";
  if (const char* home = set("HOME")) return std::filesystem::path(home) / ".cache/unct-assess";
  return {};
}

}  // namespace unct::cli
