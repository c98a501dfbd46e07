#pragma once

// Sixteen bytes side by side in a vector register (SSE2's, on any x86-64; GCC and Clang give the
// same on other processors), for the loops over text that look for a few kinds of byte: GCC at
// -O2 does not make such loops use the vector instructions by itself.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace unct::text::lanes {

// A comparison of two of these gives 0xFF in each lane where it holds, 0 elsewhere.
using Bytes = std::uint8_t __attribute__((vector_size(16)));

// The sixteen bytes from `p` (any alignment).
inline Bytes load(const void* p) {
  Bytes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Whether any lane is not 0.
inline bool any(Bytes v) {
  std::uint64_t halves[2];
  std::memcpy(halves, &v, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

// The sum of the sixteen lanes.
inline std::size_t sum(Bytes v) {
  std::uint64_t halves[2];
  std::memcpy(halves, &v, sizeof halves);
  std::size_t out = 0;
  for (std::uint64_t h : halves) {
    h = (h & 0x00FF00FF00FF00FFULL) + ((h >> 8) & 0x00FF00FF00FF00FFULL);  // four 16-bit sums
    out += static_cast<std::size_t>((h * 0x0001000100010001ULL) >> 48);
  }
  return out;
}

}  // namespace unct::text::lanes
