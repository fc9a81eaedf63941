// Context lifetime: the rendezvous (gloo::rendezvous::Context::connectFullMesh over a TCP device and the caller's
// store) and its teardown.
#include "context.h"

#include <chrono>
#include <stdexcept>
#include <string>

#include <gloo/rendezvous/context.h>
#include <gloo/transport/tcp/device.h>

#include "callback_store.h"
#include "errors.h"

extern "C" int vtp_gloo_context_new(int32_t rank, int32_t size, const char* local_address, int64_t timeout_ms,
                                    const vtp_gloo_store* store, vtp_gloo_context** context) {
  return vtp_gloo::guarded([&] {
    if (context == nullptr || store == nullptr || local_address == nullptr)
      throw std::invalid_argument("vtp_gloo_context_new: null context, store or local address");
    if (size < 1 || rank < 0 || rank >= size)
      throw std::invalid_argument("rank " + std::to_string(rank) + " is out of range for world size " +
                                  std::to_string(size));
    if (timeout_ms <= 0) throw std::invalid_argument("timeout must be positive, got " + std::to_string(timeout_ms) + " ms");
    *context = nullptr;
    const std::chrono::milliseconds timeout(timeout_ms);

    gloo::transport::tcp::attr attr;
    attr.hostname = local_address;  // the pairs' listening sockets bind to this address (ephemeral ports)
    auto device = gloo::transport::tcp::CreateDevice(attr);

    auto connected = std::make_shared<gloo::rendezvous::Context>(rank, size);
    connected->setTimeout(timeout);  // also the default timeout of every collective on this context
    vtp_gloo::CallbackStore callbacks(*store, timeout);
    connected->connectFullMesh(callbacks, device);

    auto created = std::make_unique<vtp_gloo_context>();
    created->gloo = std::move(connected);
    *context = created.release();
  });
}

extern "C" void vtp_gloo_context_free(vtp_gloo_context* context) {
  // Destroying the context closes its pairs' sockets; it does not throw, but nothing may cross the C ABI anyway.
  vtp_gloo::guarded([&] { delete context; });
}
