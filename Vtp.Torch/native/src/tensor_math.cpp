// Element-wise math, comparisons, matrix products, reductions, sorting and softmax.
// Element-wise ops are selected by a code shared with C# (Vtp.Torch/Native/OpCodes.cs). In-place variants return `t`
// itself (not a new handle) on success.
#include "common.h"

static at::Tensor unary(const at::Tensor& t, int32_t op) {
  switch (op) {
    case 0: return t.neg();
    case 1: return t.exp();
    case 2: return t.log();
    case 3: return t.sqrt();
    case 4: return t.rsqrt();
    case 5: return t.abs();
    case 6: return t.sin();
    case 7: return t.cos();
    case 8: return t.tanh();
    case 9: return t.sigmoid();
    case 10: return t.relu();
    case 11: return at::gelu(t);
    case 12: return at::gelu(t, "tanh");
    case 13: return t.erf();
    case 14: return t.floor();
    case 15: return t.ceil();
    case 16: return t.round();
    case 17: return t.logical_not();
    case 18: return t.sign();
    case 19: return t.reciprocal();
    case 20: return t.square();
    case 21: return t.log1p();
    case 22: return t.isnan();
    case 23: return t.isinf();
    case 24: return at::silu(t);
    case 25: return t.trunc();
    case 26: return t.log2();
    case 27: return t.isfinite();
    case 28: return t.erfinv();
    default: throw std::invalid_argument("unknown unary op " + std::to_string(op));
  }
}

static void unary_(at::Tensor& t, int32_t op) {
  switch (op) {
    case 0: t.neg_(); break;
    case 1: t.exp_(); break;
    case 2: t.log_(); break;
    case 3: t.sqrt_(); break;
    case 4: t.rsqrt_(); break;
    case 5: t.abs_(); break;
    case 8: t.tanh_(); break;
    case 9: t.sigmoid_(); break;
    case 10: t.relu_(); break;
    case 14: t.floor_(); break;
    case 19: t.reciprocal_(); break;
    case 20: t.square_(); break;
    case 28: t.erfinv_(); break;
    default: t.copy_(unary(t, op));
  }
}

VTP_API TensorHandle vtp_unary(TensorHandle t, int32_t op, bool inplace) {
  VTP_TRY
  if (inplace) { unary_(*t, op); return t; }
  return vtp::wrap(unary(*t, op));
  VTP_CATCH(nullptr)
}

// op: 0 add, 1 sub, 2 mul, 3 div, 4 pow, 5 maximum, 6 minimum, 7 eq, 8 ne, 9 lt, 10 le, 11 gt, 12 ge, 13 logical_and,
// 14 logical_or, 15 logical_xor, 16 remainder, 17 atan2, 18 div (floor rounding), 19 div (trunc rounding),
// 20 bitwise_and, 21 bitwise_or. `alpha` scales b for add/sub.
static at::Tensor binary_tt(const at::Tensor& a, const at::Tensor& b, int32_t op, const at::Scalar& alpha) {
  switch (op) {
    case 0: return at::add(a, b, alpha);
    case 1: return at::sub(a, b, alpha);
    case 2: return at::mul(a, b);
    case 3: return at::div(a, b);
    case 4: return at::pow(a, b);
    case 5: return at::maximum(a, b);
    case 6: return at::minimum(a, b);
    case 7: return at::eq(a, b);
    case 8: return at::ne(a, b);
    case 9: return at::lt(a, b);
    case 10: return at::le(a, b);
    case 11: return at::gt(a, b);
    case 12: return at::ge(a, b);
    case 13: return at::logical_and(a, b);
    case 14: return at::logical_or(a, b);
    case 15: return at::logical_xor(a, b);
    case 16: return at::remainder(a, b);
    case 17: return at::atan2(a, b);
    case 18: return at::div(a, b, "floor");
    case 19: return at::div(a, b, "trunc");
    case 20: return at::bitwise_and(a, b);
    case 21: return at::bitwise_or(a, b);
    default: throw std::invalid_argument("unknown binary op " + std::to_string(op));
  }
}

static void binary_tt_(at::Tensor& a, const at::Tensor& b, int32_t op, const at::Scalar& alpha) {
  switch (op) {
    case 0: a.add_(b, alpha); break;
    case 1: a.sub_(b, alpha); break;
    case 2: a.mul_(b); break;
    case 3: a.div_(b); break;
    case 4: a.pow_(b); break;
    default: a.copy_(binary_tt(a, b, op, alpha));
  }
}

VTP_API TensorHandle vtp_binary(TensorHandle a, TensorHandle b, int32_t op, int8_t akind, double ad, int64_t al,
                                bool inplace) {
  VTP_TRY
  auto alpha = vtp::scalar(akind, ad, al);
  if (inplace) { binary_tt_(*a, *b, op, alpha); return a; }
  return vtp::wrap(binary_tt(*a, *b, op, alpha));
  VTP_CATCH(nullptr)
}

// Tensor-scalar form of vtp_binary; `reverse` computes scalar (op) tensor, e.g. 1 - t.
VTP_API TensorHandle vtp_binary_scalar(TensorHandle a, int8_t kind, double d, int64_t l, int32_t op, int8_t akind,
                                       double ad, int64_t al, bool inplace, bool reverse) {
  VTP_TRY
  auto s = vtp::scalar(kind, d, l);
  auto alpha = vtp::scalar(akind, ad, al);
  // Only the ops without a scalar overload (and reversed ones) need the scalar as a 0-dim tensor; making it for every
  // call cost an allocation per `x * 2`.
  auto as_tensor = [&] { return at::scalar_tensor(s, at::TensorOptions().dtype(s.type()).device(a->device())); };
  if (inplace) {
    switch (op) {
      case 0: a->add_(s, alpha); break;
      case 1: a->sub_(s, alpha); break;
      case 2: a->mul_(s); break;
      case 3: a->div_(s); break;
      case 4: a->pow_(s); break;
      default: binary_tt_(*a, as_tensor(), op, alpha);
    }
    return a;
  }
  if (reverse) return vtp::wrap(binary_tt(as_tensor(), *a, op, alpha));
  switch (op) {
    case 0: return vtp::wrap(a->add(s, alpha));
    case 1: return vtp::wrap(a->sub(s, alpha));
    case 2: return vtp::wrap(a->mul(s));
    case 3: return vtp::wrap(a->div(s));
    case 4: return vtp::wrap(a->pow(s));
    default: return vtp::wrap(binary_tt(*a, as_tensor(), op, alpha));
  }
  VTP_CATCH(nullptr)
}

// op 0 addcmul, 1 addcdiv: t + value * (a op b)
VTP_API TensorHandle vtp_addc(TensorHandle t, TensorHandle a, TensorHandle b, int32_t op, int8_t kind, double d,
                              int64_t l, bool inplace) {
  VTP_TRY
  auto v = vtp::scalar(kind, d, l);
  if (inplace) { op == 0 ? t->addcmul_(*a, *b, v) : t->addcdiv_(*a, *b, v); return t; }
  return vtp::wrap(op == 0 ? t->addcmul(*a, *b, v) : t->addcdiv(*a, *b, v));
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_lerp(TensorHandle t, TensorHandle end, double weight, bool inplace) {
  VTP_TRY
  if (inplace) { t->lerp_(*end, weight); return t; }
  return vtp::wrap(t->lerp(*end, weight));
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_clamp(TensorHandle t, bool has_min, double min, bool has_max, double max, bool inplace) {
  VTP_TRY
  auto lo = has_min ? c10::optional<at::Scalar>(min) : c10::nullopt;
  auto hi = has_max ? c10::optional<at::Scalar>(max) : c10::nullopt;
  if (inplace) { t->clamp_(lo, hi); return t; }
  return vtp::wrap(t->clamp(lo, hi));
  VTP_CATCH(nullptr)
}

VTP_API TensorHandle vtp_matmul(TensorHandle a, TensorHandle b) { VTP_TENSOR(at::matmul(*a, *b)) }
VTP_API TensorHandle vtp_mm(TensorHandle a, TensorHandle b) { VTP_TENSOR(at::mm(*a, *b)) }
VTP_API TensorHandle vtp_bmm(TensorHandle a, TensorHandle b) { VTP_TENSOR(at::bmm(*a, *b)) }
VTP_API TensorHandle vtp_baddbmm(TensorHandle t, TensorHandle a, TensorHandle b, double beta, double alpha) {
  VTP_TENSOR(at::baddbmm(*t, *a, *b, beta, alpha))
}
VTP_API TensorHandle vtp_addmm(TensorHandle t, TensorHandle a, TensorHandle b, double beta, double alpha) {
  VTP_TENSOR(at::addmm(*t, *a, *b, beta, alpha))
}
VTP_API TensorHandle vtp_einsum(const char* equation, const TensorHandle* ts, int64_t n) {
  VTP_TENSOR(at::einsum(equation, vtp::tensors(ts, n)))
}

// Reductions over `dims` (n = 0: all dims). op: 0 sum, 1 mean, 2 prod (one dim), 3 amax, 4 amin, 5 logsumexp,
// 6 all, 7 any, 8 count_nonzero. dtype < 0: keep.
VTP_API TensorHandle vtp_reduce(TensorHandle t, int32_t op, const int64_t* dims, int64_t n, bool keepdim, int8_t dtype) {
  VTP_TRY
  auto d = vtp::dims(dims, n);
  auto type = vtp::optional_dtype(dtype);
  switch (op) {
    case 0: return vtp::wrap(n == 0 && !keepdim ? t->sum(type) : at::sum(*t, d, keepdim, type));
    case 1: return vtp::wrap(n == 0 && !keepdim ? t->mean(type) : at::mean(*t, d, keepdim, type));
    case 2: return vtp::wrap(n == 0 ? t->prod(type) : t->prod(dims[0], keepdim, type));
    case 3: return vtp::wrap(t->amax(d, keepdim));
    case 4: return vtp::wrap(t->amin(d, keepdim));
    case 5: return vtp::wrap(t->logsumexp(d, keepdim));
    case 6: return vtp::wrap(n == 0 ? t->all() : t->all(dims[0], keepdim));
    case 7: return vtp::wrap(n == 0 ? t->any() : t->any(dims[0], keepdim));
    case 8: return vtp::wrap(t->count_nonzero(d));
    default: throw std::invalid_argument("unknown reduction " + std::to_string(op));
  }
  VTP_CATCH(nullptr)
}

// Variance (std = false) or standard deviation over dims (n = 0: all) with Bessel's correction when unbiased.
VTP_API TensorHandle vtp_var(TensorHandle t, const int64_t* dims, int64_t n, bool unbiased, bool keepdim, bool std) {
  VTP_TRY
  c10::optional<at::IntArrayRef> d = n == 0 ? c10::nullopt : c10::optional<at::IntArrayRef>(vtp::dims(dims, n));
  c10::optional<int64_t> correction = unbiased ? 1 : 0;
  return vtp::wrap(std ? at::std(*t, d, correction, keepdim) : at::var(*t, d, correction, keepdim));
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_norm(TensorHandle t, double p, const int64_t* dims, int64_t n, bool keepdim) {
  VTP_TENSOR(n == 0 ? at::norm(*t, p) : at::norm(*t, p, vtp::dims(dims, n), keepdim))
}

// max/min along a dim: values and indices. op 0 max, 1 min, 2 sort, 3 topk (k), 4 mode, 5 kthvalue (k)
VTP_API int32_t vtp_values_indices(TensorHandle t, int32_t op, int64_t dim, bool keepdim, int64_t k, bool flag,
                                   TensorHandle* values, TensorHandle* indices) {
  VTP_TRY
  std::tuple<at::Tensor, at::Tensor> r;
  switch (op) {
    case 0: r = t->max(dim, keepdim); break;
    case 1: r = t->min(dim, keepdim); break;
    case 2: r = t->sort(dim, /*descending=*/flag); break;
    case 3: r = t->topk(k, dim, /*largest=*/flag, /*sorted=*/true); break;
    case 4: r = t->mode(dim, keepdim); break;
    case 5: r = t->kthvalue(k, dim, keepdim); break;
    default: throw std::invalid_argument("unknown values/indices op");
  }
  *values = vtp::wrap(std::get<0>(r));
  *indices = vtp::wrap(std::get<1>(r));
  return 0;
  VTP_CATCH(-1)
}
// op 0 argmax, 1 argmin, 2 argsort (flag = descending); has_dim false = over all elements
VTP_API TensorHandle vtp_arg(TensorHandle t, int32_t op, bool has_dim, int64_t dim, bool keepdim, bool flag) {
  VTP_TRY
  auto d = has_dim ? c10::optional<int64_t>(dim) : c10::nullopt;
  switch (op) {
    case 0: return vtp::wrap(t->argmax(d, keepdim));
    case 1: return vtp::wrap(t->argmin(d, keepdim));
    case 2: return vtp::wrap(t->argsort(dim, flag));
    default: throw std::invalid_argument("unknown arg op");
  }
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_cumsum(TensorHandle t, int64_t dim, int8_t dtype) {
  VTP_TENSOR(t->cumsum(dim, vtp::optional_dtype(dtype)))
}

VTP_API TensorHandle vtp_softmax(TensorHandle t, int64_t dim, int8_t dtype, bool log) {
  VTP_TENSOR(log ? t->log_softmax(dim, vtp::optional_dtype(dtype)) : t->softmax(dim, vtp::optional_dtype(dtype)))
}
VTP_API bool vtp_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, bool equal_nan) {
  VTP_TRY return at::allclose(*a, *b, rtol, atol, equal_nan); VTP_CATCH(false)
}
VTP_API bool vtp_equal(TensorHandle a, TensorHandle b) { VTP_TRY return at::equal(*a, *b); VTP_CATCH(false) }
