// Tensor factories: constant, ranged, random and copied-in tensors.
#include "common.h"

// at:: factories ignore requires_grad in TensorOptions: create first, then mark the leaf.
#define OPTS vtp::options(dtype, device_type, device_index, false)
#define OPT_ARGS int8_t dtype, int8_t device_type, int32_t device_index, bool requires_grad
#define GEN(g) (g ? c10::optional<at::Generator>(*g) : c10::nullopt)

VTP_API TensorHandle vtp_empty(const int64_t* shape, int64_t ndim, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::empty(vtp::dims(shape, ndim), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_zeros(const int64_t* shape, int64_t ndim, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::zeros(vtp::dims(shape, ndim), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_ones(const int64_t* shape, int64_t ndim, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::ones(vtp::dims(shape, ndim), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_full(const int64_t* shape, int64_t ndim, int8_t kind, double d, int64_t l, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::full(vtp::dims(shape, ndim), vtp::scalar(kind, d, l), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_arange(double start, double end, double step, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::arange(start, end, step, OPTS), requires_grad))
}
VTP_API TensorHandle vtp_linspace(double start, double end, int64_t steps, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::linspace(start, end, steps, OPTS), requires_grad))
}
VTP_API TensorHandle vtp_eye(int64_t n, int64_t m, OPT_ARGS) { VTP_TENSOR(vtp::leaf(at::eye(n, m, OPTS), requires_grad)) }

VTP_API TensorHandle vtp_rand(const int64_t* shape, int64_t ndim, at::Generator* g, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::rand(vtp::dims(shape, ndim), GEN(g), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_randn(const int64_t* shape, int64_t ndim, at::Generator* g, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::randn(vtp::dims(shape, ndim), GEN(g), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_randint(int64_t low, int64_t high, const int64_t* shape, int64_t ndim, at::Generator* g,
                                 OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::randint(low, high, vtp::dims(shape, ndim), GEN(g), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_randperm(int64_t n, at::Generator* g, OPT_ARGS) {
  VTP_TENSOR(vtp::leaf(at::randperm(n, GEN(g), OPTS), requires_grad))
}
VTP_API TensorHandle vtp_multinomial(TensorHandle probs, int64_t samples, bool replacement, at::Generator* g) {
  VTP_TENSOR(at::multinomial(*probs, samples, replacement, GEN(g)))
}
VTP_API TensorHandle vtp_bernoulli(TensorHandle probs, at::Generator* g) { VTP_TENSOR(at::bernoulli(*probs, GEN(g))) }

// In-place random fills: kind 0 = uniform(a, b), 1 = normal(mean a, std b), 2 = bernoulli(p a).
VTP_API int32_t vtp_random_fill_(TensorHandle t, int32_t kind, double a, double b, at::Generator* g) {
  VTP_TRY
  switch (kind) {
    case 0: t->uniform_(a, b, GEN(g)); break;
    case 1: t->normal_(a, b, GEN(g)); break;
    case 2: t->bernoulli_(a, GEN(g)); break;
    default: throw std::invalid_argument("unknown random fill kind");
  }
  return 0;
  VTP_CATCH(-1)
}

// Copies `nbytes` of host data into a new tensor of the given shape and dtype, then moves it to the device.
VTP_API TensorHandle vtp_from_data(const void* data, int64_t nbytes, const int64_t* shape, int64_t ndim, OPT_ARGS) {
  VTP_TRY
  auto cpu = at::empty(vtp::dims(shape, ndim), at::TensorOptions().dtype((at::ScalarType)dtype));
  if ((int64_t)cpu.nbytes() != nbytes)
    throw std::invalid_argument("data has " + std::to_string(nbytes) + " bytes but shape and dtype need " +
                                std::to_string(cpu.nbytes()));
  if (nbytes > 0) std::memcpy(cpu.data_ptr(), data, (size_t)nbytes);
  auto device = at::Device((at::DeviceType)device_type, (c10::DeviceIndex)device_index);
  auto result = device.is_cpu() ? cpu : cpu.to(device);
  if (requires_grad) result.set_requires_grad(true);
  return vtp::wrap(result);
  VTP_CATCH(nullptr)
}
