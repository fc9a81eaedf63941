// Errors, threads, seeds, generators and grad mode.
#include "common.h"
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/GradMode.h>

// Copies the pending error message (NUL-terminated, truncated to capacity) and clears it; returns its full length,
// or -1 when there is no pending error.
VTP_API int64_t vtp_take_error(char* buffer, int64_t capacity) { return vtp::take_error(buffer, capacity); }

VTP_API void vtp_set_num_threads(int32_t n) { at::set_num_threads(n); }
VTP_API int32_t vtp_get_num_threads() { return at::get_num_threads(); }
VTP_API int32_t vtp_set_num_interop_threads(int32_t n) { VTP_VOID(at::set_num_interop_threads(n)) }
VTP_API int32_t vtp_get_num_interop_threads() { return at::get_num_interop_threads(); }

VTP_API int32_t vtp_manual_seed(int64_t seed) { VTP_VOID(at::manual_seed((uint64_t)seed)) }

VTP_API bool vtp_is_grad_enabled() { return c10::GradMode::is_enabled(); }
VTP_API void vtp_set_grad_enabled(bool enabled) { c10::GradMode::set_enabled(enabled); }

VTP_API bool vtp_cuda_is_available() { return at::detail::getCUDAHooks().hasCUDA(); }
VTP_API int32_t vtp_cuda_device_count() { return at::detail::getCUDAHooks().getNumGPUs(); }

// Generators: CPU generators owned by C# (the default one is borrowed, never freed).
typedef at::Generator* GeneratorHandle;

VTP_API GeneratorHandle vtp_generator_new(int64_t seed) {
  VTP_TRY return new at::Generator(at::make_generator<at::CPUGeneratorImpl>((uint64_t)seed)); VTP_CATCH(nullptr)
}
VTP_API GeneratorHandle vtp_generator_default() {
  VTP_TRY return new at::Generator(at::detail::getDefaultCPUGenerator()); VTP_CATCH(nullptr)
}
VTP_API void vtp_generator_free(GeneratorHandle g) { delete g; }
VTP_API int32_t vtp_generator_manual_seed(GeneratorHandle g, int64_t seed) {
  VTP_VOID(std::lock_guard<std::mutex> lock(g->mutex()); g->set_current_seed((uint64_t)seed))
}
VTP_API int64_t vtp_generator_initial_seed(GeneratorHandle g) { return (int64_t)g->current_seed(); }
VTP_API int64_t vtp_generator_seed(GeneratorHandle g) {
  VTP_TRY std::lock_guard<std::mutex> lock(g->mutex()); return (int64_t)g->seed(); VTP_CATCH(-1)
}
VTP_API TensorHandle vtp_generator_get_state(GeneratorHandle g) {
  VTP_TRY std::lock_guard<std::mutex> lock(g->mutex()); return vtp::wrap(g->get_state()); VTP_CATCH(nullptr)
}
VTP_API int32_t vtp_generator_set_state(GeneratorHandle g, TensorHandle state) {
  VTP_VOID(std::lock_guard<std::mutex> lock(g->mutex()); g->set_state(*state))
}
