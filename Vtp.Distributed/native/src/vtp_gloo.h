// C API of libVtpGloo: Vtp's data-parallel collectives over Debian's gloo (libgloo.so.0), on raw memory.
// Every function returns 0 on success and non-zero on failure; the failure's message is then returned by
// vtp_gloo_last_error() on the same thread. No C++ exception crosses this boundary.
// A context is used by one thread at a time; every rank must call the same collectives in the same order.
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VTP_GLOO_API __attribute__((visibility("default")))

// Element types; the codes are TorchSharp's ScalarType codes.
enum vtp_gloo_dtype {
  VTP_GLOO_UINT8 = 0,
  VTP_GLOO_INT8 = 1,
  VTP_GLOO_INT32 = 3,
  VTP_GLOO_INT64 = 4,
  VTP_GLOO_FLOAT16 = 5,
  VTP_GLOO_FLOAT32 = 6,
  VTP_GLOO_FLOAT64 = 7,
};

// Element-wise reductions; the codes are Vtp.Distributed.ReduceOp's (its Average = 1 is done by the caller).
enum vtp_gloo_op { VTP_GLOO_SUM = 0, VTP_GLOO_PRODUCT = 2, VTP_GLOO_MIN = 3, VTP_GLOO_MAX = 4 };

// The rendezvous key-value store, implemented by the caller. Each callback returns 0 on success; on failure it
// writes a NUL-terminated message of at most error_capacity bytes (terminator included) to error and returns
// non-zero, and the operation that needed the store fails with that message.
typedef void (*vtp_gloo_sink)(void* sink, const void* data, int64_t length);
typedef struct vtp_gloo_store {
  void* user;
  // Stores value under key.
  int (*set)(void* user, const char* key, const void* value, int64_t length, char* error, int64_t error_capacity);
  // Waits (bounded by the store's own timeout) until key is present, then passes its value to sink(sink_arg, ...).
  int (*get)(void* user, const char* key, vtp_gloo_sink sink, void* sink_arg, char* error, int64_t error_capacity);
  // Waits until every key is present, at most timeout_ms milliseconds.
  int (*wait)(void* user, const char* const* keys, int32_t count, int64_t timeout_ms, char* error, int64_t error_capacity);
} vtp_gloo_store;

typedef struct vtp_gloo_context vtp_gloo_context;

// Joins the job: connects rank (0 .. size-1) to every other rank over TCP, its sockets bound to local_address,
// exchanging addresses through store. timeout_ms bounds the rendezvous and, later, each collective.
VTP_GLOO_API int vtp_gloo_context_new(int32_t rank, int32_t size, const char* local_address, int64_t timeout_ms,
                                      const vtp_gloo_store* store, vtp_gloo_context** context);
// Closes the context's connections (peers blocked in a collective with this rank then fail) and frees it.
VTP_GLOO_API void vtp_gloo_context_free(vtp_gloo_context* context);

// In place: data (count elements of dtype) becomes the element-wise reduction over ranks.
VTP_GLOO_API int vtp_gloo_all_reduce(vtp_gloo_context* context, void* data, int64_t count, int32_t dtype, int32_t op);
// In place: every rank's data becomes root's.
VTP_GLOO_API int vtp_gloo_broadcast(vtp_gloo_context* context, void* data, int64_t count, int32_t dtype, int32_t root);
// output (size * count elements) receives every rank's input (count elements) in rank order. input may be the
// rank's own slot of output.
VTP_GLOO_API int vtp_gloo_all_gather(vtp_gloo_context* context, const void* input, void* output, int64_t count,
                                     int32_t dtype);
// Returns once every rank has entered the barrier.
VTP_GLOO_API int vtp_gloo_barrier(vtp_gloo_context* context);

// The message of this thread's last failure ("" when none); valid until this thread's next call.
VTP_GLOO_API const char* vtp_gloo_last_error(void);
// The file that provides the gloo functions this library calls (via dladdr on gloo::transport::tcp::CreateDevice as
// bound here): libgloo.so.0 when gloo stays private, another library (e.g. libtorch_cpu.so) when it was hijacked.
VTP_GLOO_API const char* vtp_gloo_provider(void);

#ifdef __cplusplus
}
#endif
