// Stand-in for a libtorch header that Debian's libtorch-dev 1.13 omits but c10d/reducer.hpp includes. The Reducer
// only holds a shared_ptr and an atomic pointer to DistAutogradContext (sizes independent of the class) and checks
// the GradCallback type, so these declarations give it the same layout as the real header. Used only when the real
// header is missing (see CMakeLists.txt); Vtp never touches distributed autograd itself.
#pragma once
#include <ATen/core/Tensor.h>
#include <functional>
#include <memory>

namespace torch {
namespace distributed {
namespace autograd {

class DistAutogradContext {
 public:
  using GradCallback = std::function<bool(at::Tensor&)>;
};

using ContextPtr = std::shared_ptr<DistAutogradContext>;

}  // namespace autograd
}  // namespace distributed
}  // namespace torch
