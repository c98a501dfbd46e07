// The stored text cache read back: a damaged or foreign cache row may only end in
// std::runtime_error (the store then reads the document again), never in a crash.

#include "engine/ingest/serialise.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)unct::ingest::deserialise(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::runtime_error&) {
  } catch (const std::logic_error&) {  // nlohmann::json's type and range errors
  }
  return 0;
}
