// Shared helpers of the Vtp native shim: the export macro, the error trap and handle conversions.
// Every export catches all C++ exceptions (one crossing extern "C" aborts the .NET process), stores the message in a
// thread-local buffer and returns a failure value; C# fetches the message with vtp_last_error and throws.
#pragma once
#include <ATen/ATen.h>
#include <string>
#include <vector>

#define VTP_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* TensorHandle;

namespace vtp {
void set_error(const char* message);
// Copies the pending error (NUL-terminated, truncated to capacity) and clears it; returns its full length, or -1.
int64_t take_error(char* buffer, int64_t capacity);

inline TensorHandle wrap(at::Tensor t) { return t.defined() ? new at::Tensor(std::move(t)) : nullptr; }

inline at::IntArrayRef dims(const int64_t* data, int64_t count) { return at::IntArrayRef(data, (size_t)count); }

inline c10::optional<at::Tensor> optional(TensorHandle t) {
  return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}

inline c10::optional<at::ScalarType> optional_dtype(int8_t dtype) {
  return dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>((at::ScalarType)dtype);
}

// Scalars cross the boundary as (kind, double, long): kind 0 = floating, 1 = integral, 2 = boolean.
inline at::Scalar scalar(int8_t kind, double d, int64_t l) {
  switch (kind) {
    case 1: return at::Scalar(l);
    case 2: return at::Scalar(l != 0);
    default: return at::Scalar(d);
  }
}

inline at::TensorOptions options(int8_t dtype, int8_t device_type, int32_t device_index, bool requires_grad) {
  auto o = at::TensorOptions().dtype((at::ScalarType)dtype).device(at::Device((at::DeviceType)device_type,
                                                                               (c10::DeviceIndex)device_index));
  return o.requires_grad(requires_grad);
}

inline at::Tensor leaf(at::Tensor t, bool requires_grad) {
  if (requires_grad) t.set_requires_grad(true);
  return t;
}

inline std::vector<at::Tensor> tensors(const TensorHandle* handles, int64_t count) {
  std::vector<at::Tensor> result;
  result.reserve((size_t)count);
  for (int64_t i = 0; i < count; i++) result.push_back(*handles[i]);
  return result;
}

// Writes up to `capacity` handles into `out`; returns how many tensors there are.
inline int64_t write_list(const std::vector<at::Tensor>& list, TensorHandle* out, int64_t capacity) {
  for (size_t i = 0; i < list.size() && (int64_t)i < capacity; i++) out[i] = wrap(list[i]);
  return (int64_t)list.size();
}
}  // namespace vtp

#define VTP_TRY try {
#define VTP_CATCH(failure)                                    \
  }                                                           \
  catch (const c10::Error& e) {                               \
    vtp::set_error(e.what_without_backtrace());               \
  }                                                           \
  catch (const std::exception& e) {                           \
    vtp::set_error(e.what());                                 \
  }                                                           \
  catch (...) {                                               \
    vtp::set_error("unknown native error");                   \
  }                                                           \
  return failure;

// A tensor-returning body: `VTP_TENSOR(expr)` returns a new handle, or NULL with the error stored.
#define VTP_TENSOR(expr) VTP_TRY return vtp::wrap(expr); VTP_CATCH(nullptr)
// An in-place or void body: returns 0, or -1 with the error stored.
#define VTP_VOID(stmt) VTP_TRY stmt; return 0; VTP_CATCH(-1)
