// A self-assessment form or an answer sheet as a user saves it: CSV, or an XLSX workbook (by
// its zip signature). Bad input may only end in InputError.

#include "engine/core/csv.hpp"
#include "engine/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    if (bytes.starts_with("PK\x03\x04"))
      (void)unct::parse_xlsx(bytes, "input.xlsx");
    else
      (void)unct::parse_csv(bytes, "input.csv");
  } catch (const unct::InputError&) {
  }
  return 0;
}
