// Cross-rank checks before collectives whose sizes must agree: each rank all-gathers a fixed-length signature, so the
// check itself can never mismatch, and every rank throws the same message when the signatures differ.
#include "distributed.h"
#include <sstream>

namespace {

constexpr int64_t kShapeDims = 8;  // dims spelled out in a shape signature; more are summarised by numel

std::string join(const int64_t* values, int64_t count) {
  std::ostringstream out;
  out << "[";
  for (int64_t i = 0; i < count; i++) out << (i ? ", " : "") << values[i];
  out << "]";
  return out.str();
}

// FNV-1a over the values: one number that differs when any shape or dtype in a list differs.
int64_t fingerprint(const std::vector<int64_t>& values) {
  uint64_t h = 1469598103934665603ull;
  for (int64_t v : values) {
    h ^= (uint64_t)v;
    h *= 1099511628211ull;
  }
  return (int64_t)(h >> 1);
}

}  // namespace

void vtp::check_same_on_all_ranks(Group& group, const std::vector<int64_t>& signature, const char* what,
                                  const std::function<std::string(const int64_t*)>& describe) {
  if (group.world_size == 1) return;
  at::NoGradGuard no_grad;
  auto length = (int64_t)signature.size();
  std::vector<at::Tensor> input{at::tensor(signature, at::kLong)};
  std::vector<std::vector<at::Tensor>> output(1);
  for (int r = 0; r < group.world_size; r++) output[0].push_back(at::empty({length}, at::kLong));
  wait(group.backend->allgather(output, input));
  const int64_t* first = output[0][0].data_ptr<int64_t>();
  for (int r = 1; r < group.world_size; r++) {
    const int64_t* other = output[0][r].data_ptr<int64_t>();
    if (std::equal(first, first + length, other)) continue;
    TORCH_CHECK(false, "the ranks disagree on ", what, ": rank 0 has ", describe(first), " but rank ", r, " has ",
                describe(other));
  }
}

void vtp::check_same_shape_on_all_ranks(Group& group, const at::Tensor& tensor, const char* operation) {
  if (!group.check_shapes) return;
  // Signature: dtype, ndim, numel, then up to kShapeDims sizes (zero-padded).
  std::vector<int64_t> signature{(int64_t)tensor.scalar_type(), tensor.dim(), tensor.numel()};
  for (int64_t d = 0; d < kShapeDims; d++) signature.push_back(d < tensor.dim() ? tensor.size(d) : 0);
  auto describe = [](const int64_t* s) {
    auto shown = std::min(s[1], kShapeDims);
    return join(s + 3, shown) + (s[1] > kShapeDims ? " (" + std::to_string(s[2]) + " elements)" : "") + " " +
           c10::toString((at::ScalarType)s[0]);
  };
  check_same_on_all_ranks(group, signature, (std::string("the tensor of ") + operation).c_str(), describe);
}

void vtp::check_same_tensors_on_all_ranks(Group& group, const std::vector<at::Tensor>& tensors,
                                          const char* operation) {
  std::vector<int64_t> layout;
  int64_t numel = 0;
  for (const auto& t : tensors) {
    layout.push_back((int64_t)t.scalar_type());
    layout.push_back(t.dim());
    for (auto size : t.sizes()) layout.push_back(size);
    numel += t.numel();
  }
  std::vector<int64_t> signature{(int64_t)tensors.size(), numel, fingerprint(layout)};
  auto describe = [](const int64_t* s) {
    return std::to_string(s[0]) + " tensors of " + std::to_string(s[1]) + " elements (layout fingerprint " +
           std::to_string(s[2]) + ")";
  };
  check_same_on_all_ranks(group, signature, (std::string("the tensors of ") + operation).c_str(), describe);
}
