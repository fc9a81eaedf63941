#include "errors.h"

#include "vtp_gloo.h"

namespace vtp_gloo {

namespace {
thread_local std::string last_error;
}

void set_error(std::string message) { last_error = std::move(message); }

}  // namespace vtp_gloo

extern "C" const char* vtp_gloo_last_error(void) { return vtp_gloo::last_error.c_str(); }
