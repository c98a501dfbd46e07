// A checklist file: the schema, the loader's meaning checks and the compiler. Bad input may
// only end in InputError. The input stands beside the bundled checklist, so its includes resolve
// against the bundled item files: the same files on every run, and real ones to include.

#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/rules/compiled.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path k_path = std::filesystem::path(UNCT_BUNDLED_CHECKLIST).parent_path() / "input.xml";
  try {
    const unct::checklist::Checklist checklist =
        unct::checklist::load_checklist_text(std::string_view(reinterpret_cast<const char*>(data), size), k_path);
    (void)unct::rules::compile(checklist);
  } catch (const unct::InputError&) {
  }
  return 0;
}
