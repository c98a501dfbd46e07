#pragma once

namespace unct {

// Sets how the C library's allocator (glibc's) holds freed memory, once, at a program's start,
// before any thread starts. By default glibc gives memory back to the system as soon as 128 KB
// lie free at the top of its heap, and maps each block of 128 KB or more afresh: a batch or a
// rescore, which frees most of what it allocated after every document, then took the same pages
// back one fault at a time for the next. It now keeps up to 64 MB free at the top of the heap,
// grows it 16 MB at a time, and maps only blocks of 32 MB or more (glibc's own ceiling for the
// blocks it maps). Memory in use is unchanged; a long run keeps at most that much more.
// Elsewhere than glibc, it does nothing.
void keep_freed_memory();

}  // namespace unct
