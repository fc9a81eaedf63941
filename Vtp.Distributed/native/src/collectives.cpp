// The collectives, each one gloo algorithm on the caller's memory:
//  - all-reduce: gloo::allreduce with the ring algorithm (AllreduceOptions' default; gloo 0.5 has no halving-doubling
//    in this API): reduce-scatter then all-gather around the ring, segments of up to 1 MiB, each rank sending about
//    2 (size - 1) / size of the buffer, for any world size;
//  - broadcast: gloo::broadcast, a binomial tree rooted at root;
//  - all-gather: gloo::allgather, a ring;
//  - barrier: gloo::barrier, a dissemination barrier.
// Each waits at most the context's timeout.
#include <stdexcept>
#include <string>

#include <gloo/allgather.h>
#include <gloo/allreduce.h>
#include <gloo/barrier.h>
#include <gloo/broadcast.h>
#include <gloo/math.h>
#include <gloo/types.h>

#include "context.h"
#include "errors.h"

namespace {

void check_context(const vtp_gloo_context* context) {
  if (context == nullptr || !context->gloo) throw std::invalid_argument("null context");
}

void check_buffer(const void* data, int64_t count, const char* name) {
  if (count < 0) throw std::invalid_argument(std::string(name) + ": negative element count " + std::to_string(count));
  if (data == nullptr && count > 0) throw std::invalid_argument(std::string(name) + ": null pointer for " +
                                                                std::to_string(count) + " elements");
}

// Calls body(T{}) with T the C++ type of dtype.
template <typename Body>
void with_type(int32_t dtype, Body&& body) {
  switch (dtype) {
    case VTP_GLOO_UINT8: return body(uint8_t{});
    case VTP_GLOO_INT8: return body(int8_t{});
    case VTP_GLOO_INT32: return body(int32_t{});
    case VTP_GLOO_INT64: return body(int64_t{});
    case VTP_GLOO_FLOAT16: return body(gloo::float16{});
    case VTP_GLOO_FLOAT32: return body(float{});
    case VTP_GLOO_FLOAT64: return body(double{});
    default: throw std::invalid_argument("unsupported element type code " + std::to_string(dtype));
  }
}

template <typename T>
gloo::AllreduceOptions::Func reduction(int32_t op) {
  using Reduce = void (*)(void*, const void*, const void*, size_t);  // picks gloo's 4-argument overloads
  switch (op) {
    case VTP_GLOO_SUM: return static_cast<Reduce>(&gloo::sum<T>);
    case VTP_GLOO_PRODUCT: return static_cast<Reduce>(&gloo::product<T>);
    case VTP_GLOO_MIN: return static_cast<Reduce>(&gloo::min<T>);
    case VTP_GLOO_MAX: return static_cast<Reduce>(&gloo::max<T>);
    default: throw std::invalid_argument("unsupported reduction code " + std::to_string(op));
  }
}

}  // namespace

extern "C" int vtp_gloo_all_reduce(vtp_gloo_context* context, void* data, int64_t count, int32_t dtype, int32_t op) {
  return vtp_gloo::guarded([&] {
    check_context(context);
    check_buffer(data, count, "all_reduce");
    with_type(dtype, [&](auto zero) {
      using T = decltype(zero);
      auto reduce = reduction<T>(op);
      if (count == 0) return;  // every rank skips alike (the caller checks that counts agree)
      gloo::AllreduceOptions options(context->gloo);
      options.setOutput(static_cast<T*>(data), static_cast<size_t>(count));
      options.setReduceFunction(reduce);
      options.setAlgorithm(gloo::AllreduceOptions::Algorithm::RING);
      options.setTag(context->next_tag++);
      gloo::allreduce(options);
    });
  });
}

extern "C" int vtp_gloo_broadcast(vtp_gloo_context* context, void* data, int64_t count, int32_t dtype, int32_t root) {
  return vtp_gloo::guarded([&] {
    check_context(context);
    check_buffer(data, count, "broadcast");
    if (root < 0 || root >= context->gloo->size)
      throw std::invalid_argument("broadcast root " + std::to_string(root) + " is out of range for world size " +
                                  std::to_string(context->gloo->size));
    with_type(dtype, [&](auto zero) {
      using T = decltype(zero);
      if (count == 0) return;
      gloo::BroadcastOptions options(context->gloo);
      options.setOutput(static_cast<T*>(data), static_cast<size_t>(count));  // in place, on the root too
      options.setRoot(root);
      options.setTag(context->next_tag++);
      gloo::broadcast(options);
    });
  });
}

extern "C" int vtp_gloo_all_gather(vtp_gloo_context* context, const void* input, void* output, int64_t count,
                                   int32_t dtype) {
  return vtp_gloo::guarded([&] {
    check_context(context);
    check_buffer(input, count, "all_gather input");
    check_buffer(output, count, "all_gather output");
    with_type(dtype, [&](auto zero) {
      using T = decltype(zero);
      if (count == 0) return;
      const auto size = static_cast<size_t>(context->gloo->size);
      auto* out = static_cast<T*>(output);
      auto* in = const_cast<T*>(static_cast<const T*>(input));  // gloo's buffers are not const; it only reads input
      gloo::AllgatherOptions options(context->gloo);
      // An input that already sits in this rank's slot of the output is gathered in place (no self-copy).
      if (in != out + static_cast<size_t>(context->gloo->rank) * count) options.setInput(in, static_cast<size_t>(count));
      options.setOutput(out, static_cast<size_t>(count) * size);
      options.setTag(context->next_tag++);
      gloo::allgather(options);
    });
  });
}

extern "C" int vtp_gloo_barrier(vtp_gloo_context* context) {
  return vtp_gloo::guarded([&] {
    check_context(context);
    gloo::BarrierOptions options(context->gloo);
    options.setTag(context->next_tag++);
    gloo::barrier(options);
  });
}
