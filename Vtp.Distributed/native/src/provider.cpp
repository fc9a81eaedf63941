// Which file provides the gloo code this library runs. libtorch_cpu.so (TorchSharp) exports its own, different gloo
// under the same symbol names; this library must bind Debian's libgloo.so.0 only (see CMakeLists.txt and the
// RTLD_DEEPBIND load in Vtp.Distributed/Gloo/GlooLibrary.cs).
#include <dlfcn.h>

#include <gloo/transport/tcp/device.h>

#include "vtp_gloo.h"

extern "C" const char* vtp_gloo_provider(void) {
  // Taking the address goes through this library's GOT entry for the symbol, bound by the dynamic linker with the
  // same lookup scope as the calls in context.cpp.
  auto create_device = &gloo::transport::tcp::CreateDevice;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(create_device), &info) == 0 || info.dli_fname == nullptr) return "";
  return info.dli_fname;
}
