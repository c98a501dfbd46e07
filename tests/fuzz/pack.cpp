// A workshop exercise pack, checked against the bundled checklist. Bad input may only end in
// InputError.

#include "engine/workshop/pack.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

const unct::checklist::Checklist& bundled_checklist() {
  static const unct::checklist::Checklist checklist = unct::checklist::load_checklist(UNCT_BUNDLED_CHECKLIST);
  return checklist;
}

}  // namespace

// Loaded before the first input, so that it does not count against that input's time limit.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  bundled_checklist();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const unct::checklist::Checklist& checklist = bundled_checklist();
  try {
    (void)unct::workshop::load_pack_text(std::string_view(reinterpret_cast<const char*>(data), size), "input.xml",
                                         checklist);
  } catch (const unct::InputError&) {
  }
  return 0;
}
