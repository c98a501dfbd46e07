// A workshop exercise pack, checked against the bundled checklist. Bad input may only end in
// InputError.

#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/workshop/pack.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const unct::checklist::Checklist checklist = unct::checklist::load_checklist(UNCT_BUNDLED_CHECKLIST);
  try {
    (void)unct::workshop::load_pack_text(std::string_view(reinterpret_cast<const char*>(data), size), "input.xml", checklist);
  } catch (const unct::InputError&) {
  }
  return 0;
}
