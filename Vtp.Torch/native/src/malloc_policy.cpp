// How glibc treats the memory of freed tensors: kept in the process for the next step instead of handed back.
//
// By default glibc serves blocks above a dynamic threshold (at most 32 MiB) with fresh mappings and gives the top of
// the heap back to the OS once more than twice that threshold lies free there. A training step frees most of what it
// allocated (all gradients in zero_grad, the autograd graph in backward), so every step faulted its working set back
// in page by page: about 17,000 minor page faults per `tiny` pretraining step, a third of its time
// (docs/benchmarks.md, "Native memory"). Fixed thresholds keep freed memory for reuse; the peak resident memory does
// not change, and Vtp.Runtime.NativeMemory.Trim (malloc_trim) still hands it back on request.
//
// What this cannot reach: blocks above 32 MiB (always fresh mappings) and the sub-heaps of glibc's per-thread arenas
// (unmapped once empty, whatever the thresholds); the block cache (cpu_block_cache.cpp) covers both when enabled.
//
// The policy is applied when the shim is loaded, before any tensor exists. VTP_MALLOC=system keeps glibc's defaults,
// and so does any malloc setting of the user's own (MALLOC_*_ environment variables or glibc.malloc tunables).
#include "common.h"
#include <cstdlib>  // also defines __GLIBC__ on glibc systems
#include <cstring>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
bool retaining = false;

#if defined(__GLIBC__)
constexpr int kMmapThreshold = 32 << 20;  // glibc's largest accepted value on 64-bit (HEAP_MAX_SIZE / 2)
constexpr int kTrimThreshold = 1 << 30;   // freed memory kept at the top of the heap before glibc returns it

bool user_tuned_malloc() {
  static const char* variables[] = {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_",
                                    "MALLOC_MMAP_MAX_"};
  for (const char* v : variables)
    if (std::getenv(v)) return true;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  return tunables && std::strstr(tunables, "glibc.malloc.");
}

__attribute__((constructor)) void retain_freed_memory() {
  const char* policy = std::getenv("VTP_MALLOC");
  if ((policy && std::strcmp(policy, "system") == 0) || user_tuned_malloc()) return;
  retaining = mallopt(M_MMAP_THRESHOLD, kMmapThreshold) == 1 && mallopt(M_TRIM_THRESHOLD, kTrimThreshold) == 1;
}
#endif
}  // namespace

// True when the shim set the retention thresholds at load time.
VTP_API bool vtp_malloc_retains() { return retaining; }
