// Neural-network kernels with fused libtorch implementations: linear, layer norm, dropout, embedding, conv3d,
// losses and attention.
#include "common.h"
#include <torch/version.h>

VTP_API TensorHandle vtp_linear(TensorHandle x, TensorHandle w, TensorHandle b) {
  VTP_TENSOR(at::linear(*x, *w, vtp::optional(b)))
}
VTP_API TensorHandle vtp_layer_norm(TensorHandle x, const int64_t* shape, int64_t n, TensorHandle w, TensorHandle b,
                                    double eps) {
  VTP_TENSOR(at::layer_norm(*x, vtp::dims(shape, n), vtp::optional(w), vtp::optional(b), eps))
}
VTP_API TensorHandle vtp_dropout(TensorHandle x, double p, bool train, bool inplace) {
  VTP_TRY
  if (inplace) { at::dropout_(*x, p, train); return x; }
  return vtp::wrap(at::dropout(*x, p, train));
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_embedding(TensorHandle weight, TensorHandle ids, int64_t padding_idx) {
  VTP_TENSOR(at::embedding(*weight, *ids, padding_idx))
}
VTP_API TensorHandle vtp_conv3d(TensorHandle x, TensorHandle w, TensorHandle b, const int64_t* stride,
                                const int64_t* padding, const int64_t* dilation, int64_t groups) {
  VTP_TENSOR(at::conv3d(*x, *w, vtp::optional(b), vtp::dims(stride, 3), vtp::dims(padding, 3), vtp::dims(dilation, 3),
                        groups))
}
VTP_API TensorHandle vtp_one_hot(TensorHandle ids, int64_t classes) { VTP_TENSOR(at::one_hot(*ids, classes)) }
VTP_API TensorHandle vtp_pad(TensorHandle x, const int64_t* pad, int64_t n, double value) {
  VTP_TENSOR(at::constant_pad_nd(*x, vtp::dims(pad, n), value))
}

// reduction: 0 none, 1 mean, 2 sum (at::Reduction order)
VTP_API TensorHandle vtp_cross_entropy(TensorHandle logits, TensorHandle target, TensorHandle weight, int64_t reduction,
                                       int64_t ignore_index, double label_smoothing) {
  VTP_TENSOR(at::cross_entropy_loss(*logits, *target, vtp::optional(weight), reduction, ignore_index, label_smoothing))
}
VTP_API TensorHandle vtp_nll_loss(TensorHandle logp, TensorHandle target, TensorHandle weight, int64_t reduction,
                                  int64_t ignore_index) {
  VTP_TENSOR(at::nll_loss_nd(*logp, *target, vtp::optional(weight), reduction, ignore_index))
}
VTP_API TensorHandle vtp_mse_loss(TensorHandle a, TensorHandle b, int64_t reduction) {
  VTP_TENSOR(at::mse_loss(*a, *b, reduction))
}

// softmax(q k^T / sqrt(d) + mask) v with libtorch's attention kernel; mask may be NULL.
VTP_API TensorHandle vtp_scaled_dot_product_attention(TensorHandle q, TensorHandle k, TensorHandle v, TensorHandle mask,
                                                      double dropout, bool causal) {
  VTP_TRY
#if TORCH_VERSION_MAJOR >= 2
  return vtp::wrap(at::scaled_dot_product_attention(*q, *k, *v, vtp::optional(mask), dropout, causal));
#else
  return vtp::wrap(std::get<0>(at::_scaled_dot_product_attention(*q, *k, *v, vtp::optional(mask), dropout, false, causal)));
#endif
  VTP_CATCH(nullptr)
}

VTP_API const char* vtp_torch_version() { return TORCH_VERSION; }
