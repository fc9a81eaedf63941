// Views, joins, splits, indexing, gathers and scatters.
#include "common.h"
#include <climits>

VTP_API TensorHandle vtp_view(TensorHandle t, const int64_t* shape, int64_t n) { VTP_TENSOR(t->view(vtp::dims(shape, n))) }
VTP_API TensorHandle vtp_reshape(TensorHandle t, const int64_t* shape, int64_t n) {
  VTP_TENSOR(t->reshape(vtp::dims(shape, n)))
}
VTP_API TensorHandle vtp_permute(TensorHandle t, const int64_t* order, int64_t n) {
  VTP_TENSOR(t->permute(vtp::dims(order, n)))
}
VTP_API TensorHandle vtp_transpose(TensorHandle t, int64_t a, int64_t b) { VTP_TENSOR(t->transpose(a, b)) }
VTP_API TensorHandle vtp_flatten(TensorHandle t, int64_t start, int64_t end) { VTP_TENSOR(t->flatten(start, end)) }
VTP_API TensorHandle vtp_unflatten(TensorHandle t, int64_t dim, const int64_t* sizes, int64_t n) {
  VTP_TENSOR(t->unflatten(dim, vtp::dims(sizes, n)))
}
VTP_API TensorHandle vtp_unsqueeze(TensorHandle t, int64_t dim) { VTP_TENSOR(t->unsqueeze(dim)) }
VTP_API TensorHandle vtp_squeeze(TensorHandle t, int64_t dim, bool all) { VTP_TENSOR(all ? t->squeeze() : t->squeeze(dim)) }
VTP_API TensorHandle vtp_expand(TensorHandle t, const int64_t* shape, int64_t n) { VTP_TENSOR(t->expand(vtp::dims(shape, n))) }
VTP_API TensorHandle vtp_repeat(TensorHandle t, const int64_t* reps, int64_t n) { VTP_TENSOR(t->repeat(vtp::dims(reps, n))) }
VTP_API TensorHandle vtp_repeat_interleave(TensorHandle t, int64_t repeats, int64_t dim) {
  VTP_TENSOR(t->repeat_interleave(repeats, dim))
}
VTP_API TensorHandle vtp_narrow(TensorHandle t, int64_t dim, int64_t start, int64_t length) {
  VTP_TENSOR(t->narrow(dim, start, length))
}
VTP_API TensorHandle vtp_select(TensorHandle t, int64_t dim, int64_t index) { VTP_TENSOR(t->select(dim, index)) }
VTP_API TensorHandle vtp_flip(TensorHandle t, const int64_t* dims, int64_t n) { VTP_TENSOR(t->flip(vtp::dims(dims, n))) }
VTP_API TensorHandle vtp_roll(TensorHandle t, const int64_t* shifts, const int64_t* dims, int64_t n) {
  VTP_TENSOR(t->roll(vtp::dims(shifts, n), vtp::dims(dims, n)))
}
VTP_API TensorHandle vtp_tril(TensorHandle t, int64_t diagonal, bool upper) {
  VTP_TENSOR(upper ? t->triu(diagonal) : t->tril(diagonal))
}

VTP_API TensorHandle vtp_cat(const TensorHandle* ts, int64_t n, int64_t dim) { VTP_TENSOR(at::cat(vtp::tensors(ts, n), dim)) }
VTP_API TensorHandle vtp_stack(const TensorHandle* ts, int64_t n, int64_t dim) {
  VTP_TENSOR(at::stack(vtp::tensors(ts, n), dim))
}
VTP_API int64_t vtp_chunk(TensorHandle t, int64_t chunks, int64_t dim, TensorHandle* out, int64_t capacity) {
  VTP_TRY return vtp::write_list(t->chunk(chunks, dim), out, capacity); VTP_CATCH(-1)
}
VTP_API int64_t vtp_split(TensorHandle t, const int64_t* sizes, int64_t n, int64_t dim, TensorHandle* out) {
  VTP_TRY return vtp::write_list(t->split_with_sizes(vtp::dims(sizes, n), dim), out, n); VTP_CATCH(-1)
}

// Python-style indexing. Per index: kind 0 None, 1 Ellipsis, 2 integer (a), 3 slice (a:b:c; LLONG_MIN = omitted),
// 4 tensor, 5 boolean (a != 0).
static std::vector<at::indexing::TensorIndex> indices(const int8_t* kinds, const int64_t* values,
                                                      const TensorHandle* tensors, int64_t n) {
  using namespace at::indexing;
  std::vector<TensorIndex> result;
  result.reserve((size_t)n);
  auto opt = [](int64_t v) { return v == LLONG_MIN ? c10::optional<int64_t>() : c10::optional<int64_t>(v); };
  for (int64_t i = 0; i < n; i++) {
    const int64_t* v = values + 3 * i;
    switch (kinds[i]) {
      case 0: result.emplace_back(None); break;
      case 1: result.emplace_back(Ellipsis); break;
      case 2: result.emplace_back(v[0]); break;
      case 3: result.emplace_back(Slice(opt(v[0]), opt(v[1]), opt(v[2]))); break;
      case 4: result.emplace_back(*tensors[i]); break;
      case 5: result.emplace_back(v[0] != 0); break;
      default: throw std::invalid_argument("unknown index kind");
    }
  }
  return result;
}

VTP_API TensorHandle vtp_index(TensorHandle t, const int8_t* kinds, const int64_t* values, const TensorHandle* tensors,
                               int64_t n) {
  VTP_TENSOR(t->index(indices(kinds, values, tensors, n)))
}
VTP_API int32_t vtp_index_put_(TensorHandle t, const int8_t* kinds, const int64_t* values, const TensorHandle* tensors,
                               int64_t n, TensorHandle value, int8_t kind, double d, int64_t l) {
  VTP_TRY
  auto idx = indices(kinds, values, tensors, n);
  if (value) t->index_put_(idx, *value); else t->index_put_(idx, vtp::scalar(kind, d, l));
  return 0;
  VTP_CATCH(-1)
}

VTP_API TensorHandle vtp_gather(TensorHandle t, int64_t dim, TensorHandle index) { VTP_TENSOR(t->gather(dim, *index)) }
// mode 0 = scatter, 1 = scatter_add
VTP_API TensorHandle vtp_scatter(TensorHandle t, int64_t dim, TensorHandle index, TensorHandle src, int32_t mode,
                                 bool inplace) {
  VTP_TRY
  if (inplace) { mode == 1 ? t->scatter_add_(dim, *index, *src) : t->scatter_(dim, *index, *src); return t; }
  return vtp::wrap(mode == 1 ? t->scatter_add(dim, *index, *src) : t->scatter(dim, *index, *src));
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_index_select(TensorHandle t, int64_t dim, TensorHandle index) {
  VTP_TENSOR(t->index_select(dim, *index))
}
VTP_API TensorHandle vtp_masked_fill(TensorHandle t, TensorHandle mask, int8_t kind, double d, int64_t l, bool inplace) {
  VTP_TRY
  if (inplace) { t->masked_fill_(*mask, vtp::scalar(kind, d, l)); return t; }
  return vtp::wrap(t->masked_fill(*mask, vtp::scalar(kind, d, l)));
  VTP_CATCH(nullptr)
}
VTP_API TensorHandle vtp_masked_select(TensorHandle t, TensorHandle mask) { VTP_TENSOR(t->masked_select(*mask)) }
VTP_API TensorHandle vtp_where(TensorHandle cond, TensorHandle a, TensorHandle b) { VTP_TENSOR(at::where(*cond, *a, *b)) }
VTP_API TensorHandle vtp_nonzero(TensorHandle t) { VTP_TENSOR(t->nonzero()) }
