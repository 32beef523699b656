#ifndef SHEAF_CMALLOC_SHIM_H
#define SHEAF_CMALLOC_SHIM_H
// The C library's allocator. glibc keeps the memory a thread frees in that thread's arena for reuse and gives
// little of it back by itself; malloc_trim returns every whole free page of every arena. Elsewhere (musl,
// macOS) there is nothing to ask for and this does nothing.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
static inline void sheaf_release_freed_memory(void) { malloc_trim(0); }
#else
static inline void sheaf_release_freed_memory(void) {}
#endif
#endif
