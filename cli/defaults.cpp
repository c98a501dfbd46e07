#include "cli/defaults.hpp"

#include <cstdlib>

namespace unct::cli {

std::filesystem::path default_checklist() {
  if (const char* path = std::getenv("UNCT_ASSESS_CHECKLIST"); path != nullptr && *path != '\0') return path;
  const std::filesystem::path installed = std::filesystem::path(UNCT_INSTALL_DATA_DIR) / "checklists/rdm-2021.xml";
  if (std::filesystem::exists(installed)) return installed;
  return std::filesystem::path(UNCT_SOURCE_DIR) / "checklists/rdm-2021.xml";
}

std::filesystem::path default_database() { return "unct-assess.db"; }

}  // namespace unct::cli
