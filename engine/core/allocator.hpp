#pragma once

// How the C library's allocator (glibc's) holds freed memory. Elsewhere than glibc, these do
// nothing.

namespace unct {

// For a run that rates document after document (batch, rescore), called before its threads
// start. glibc gives memory back to the system once a little of it lies free at the top of its
// heap (128 KB, or twice the largest block it mapped and freed since), so such a run took the
// same pages back a fault at a time for the next document: 1,900 `brk` calls and 8,700 page faults
// rescoring 1,000 documents. This keeps up to 64 MB free at the top of the main heap, grows it
// 16 MB at a time, and maps only blocks of 32 MB or more (glibc's own ceiling for the blocks it
// maps, which it no longer raises by itself once this is set): 2,200 page faults, the same peak
// memory. Each thread's arena keeps as much.
void keep_freed_memory();

// Gives the free pages of the heap back to the system now (glibc's malloc_trim): after a large
// document is rated and its index freed, before the store phase allocates on top.
void release_freed_memory();

}  // namespace unct
