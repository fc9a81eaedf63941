// The thread-local error buffer behind VTP_CATCH. Compiled into every Vtp native library; each library keeps its own
// buffer (the functions are hidden) and exports its own fetch function.
#include "common.h"
#include <cstring>

namespace {
thread_local std::string last_error;
thread_local bool has_error = false;
}  // namespace

void vtp::set_error(const char* message) {
  last_error = message ? message : "unknown native error";
  has_error = true;
}

int64_t vtp::take_error(char* buffer, int64_t capacity) {
  if (!has_error) return -1;
  int64_t n = (int64_t)last_error.size();
  if (capacity > 0) {
    int64_t k = std::min(n, capacity - 1);
    std::memcpy(buffer, last_error.data(), (size_t)k);
    buffer[k] = 0;
  }
  has_error = false;
  last_error.clear();
  return n;
}
