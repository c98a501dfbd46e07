#include "engine/core/allocator.hpp"

#include <cstdlib>  // names the C library: __GLIBC__ for glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace unct {

void keep_freed_memory() {
#if defined(__GLIBC__)
  constexpr int k_mb = 1 << 20;
  mallopt(M_MMAP_THRESHOLD, 32 * k_mb);
  mallopt(M_TRIM_THRESHOLD, 64 * k_mb);
  mallopt(M_TOP_PAD, 16 * k_mb);
#endif
}

void release_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace unct
