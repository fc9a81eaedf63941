// Tensor lifetime, properties, data copies and autograd.
#include "common.h"
#include <cstring>

VTP_API void vtp_free(TensorHandle t) { delete t; }
VTP_API TensorHandle vtp_alias(TensorHandle t) { VTP_TENSOR(at::Tensor(*t)) }

VTP_API int64_t vtp_ndim(TensorHandle t) { return t->dim(); }
VTP_API int64_t vtp_numel(TensorHandle t) { return t->numel(); }
VTP_API int64_t vtp_size(TensorHandle t, int64_t dim) { VTP_TRY return t->size(dim); VTP_CATCH(-1) }
VTP_API void vtp_shape(TensorHandle t, int64_t* out) {
  auto s = t->sizes();
  for (size_t i = 0; i < s.size(); i++) out[i] = s[i];
}
VTP_API void vtp_strides(TensorHandle t, int64_t* out) {
  auto s = t->strides();
  for (size_t i = 0; i < s.size(); i++) out[i] = s[i];
}
VTP_API int8_t vtp_dtype(TensorHandle t) { return (int8_t)t->scalar_type(); }
VTP_API int8_t vtp_device_type(TensorHandle t) { return (int8_t)t->device().type(); }
VTP_API int32_t vtp_device_index(TensorHandle t) { return t->device().index(); }
VTP_API bool vtp_is_contiguous(TensorHandle t) { return t->is_contiguous(); }
VTP_API int64_t vtp_element_size(TensorHandle t) { return (int64_t)t->element_size(); }
VTP_API void* vtp_data_ptr(TensorHandle t) { VTP_TRY return t->data_ptr(); VTP_CATCH(nullptr) }

// Copies the tensor's elements (as a contiguous CPU array) into `dst`, which holds `nbytes`.
VTP_API int32_t vtp_copy_out(TensorHandle t, void* dst, int64_t nbytes) {
  VTP_TRY
  auto c = t->detach().to(at::kCPU).contiguous();
  if ((int64_t)c.nbytes() != nbytes)
    throw std::invalid_argument("destination has " + std::to_string(nbytes) + " bytes, tensor has " +
                                std::to_string(c.nbytes()));
  if (nbytes > 0) std::memcpy(dst, c.data_ptr(), (size_t)nbytes);
  return 0;
  VTP_CATCH(-1)
}

VTP_API double vtp_item_double(TensorHandle t) { VTP_TRY return t->item<double>(); VTP_CATCH(0) }
VTP_API int64_t vtp_item_long(TensorHandle t) { VTP_TRY return t->item<int64_t>(); VTP_CATCH(0) }

VTP_API TensorHandle vtp_to(TensorHandle t, int8_t dtype, int8_t device_type, int32_t device_index, bool copy) {
  VTP_TRY
  auto device = device_type < 0 ? t->device() : at::Device((at::DeviceType)device_type, (c10::DeviceIndex)device_index);
  auto type = dtype < 0 ? t->scalar_type() : (at::ScalarType)dtype;
  return vtp::wrap(t->to(device, type, false, copy));
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_clone(TensorHandle t) { VTP_TENSOR(t->clone()) }
VTP_API TensorHandle vtp_contiguous(TensorHandle t) { VTP_TENSOR(t->contiguous()) }
VTP_API TensorHandle vtp_detach(TensorHandle t) { VTP_TENSOR(t->detach()) }
VTP_API int32_t vtp_copy_(TensorHandle t, TensorHandle src) { VTP_VOID(t->copy_(*src)) }
VTP_API int32_t vtp_fill_(TensorHandle t, int8_t kind, double d, int64_t l) {
  VTP_VOID(t->fill_(vtp::scalar(kind, d, l)))
}
VTP_API int32_t vtp_zero_(TensorHandle t) { VTP_VOID(t->zero_()) }

// Autograd.
VTP_API bool vtp_requires_grad(TensorHandle t) { return t->requires_grad(); }
VTP_API int32_t vtp_set_requires_grad(TensorHandle t, bool value) { VTP_VOID(t->set_requires_grad(value)) }
VTP_API bool vtp_is_leaf(TensorHandle t) { return t->is_leaf(); }
VTP_API TensorHandle vtp_grad(TensorHandle t) { VTP_TENSOR(t->grad()) }
VTP_API int32_t vtp_set_grad(TensorHandle t, TensorHandle grad) {
  VTP_VOID(t->mutable_grad() = grad ? *grad : at::Tensor())
}
VTP_API int32_t vtp_backward(TensorHandle t, TensorHandle grad, bool retain_graph, bool create_graph) {
  VTP_VOID(t->backward(grad ? *grad : at::Tensor(), retain_graph, create_graph))
}
VTP_API int32_t vtp_retain_grad(TensorHandle t) { VTP_VOID(t->retain_grad()) }
