// A checklist file: the schema, the loader's meaning checks and the compiler. Bad input may
// only end in InputError.

#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/rules/compiled.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const unct::checklist::Checklist checklist =
        unct::checklist::load_checklist_text(std::string_view(reinterpret_cast<const char*>(data), size), "input.xml");
    (void)unct::rules::compile(checklist);
  } catch (const unct::InputError&) {
  }
  return 0;
}
