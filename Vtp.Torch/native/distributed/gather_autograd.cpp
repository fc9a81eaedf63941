// A differentiable all-gather: forward concatenates every rank's tensor along dim 0; backward sums the incoming
// gradient over all ranks and hands this rank its own rows. When every rank computes the same loss over the gathered
// batch and the parameter gradients are then averaged (GradientReducer), each parameter ends with exactly the
// gradient of that loss in a single process over the whole batch: the sum restores the W-fold contributions that the
// average divides by W.
#include "distributed.h"
#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/functions/utils.h>

namespace {

struct AllGatherBackward : public torch::autograd::Node {
  c10::intrusive_ptr<c10d::ProcessGroup> backend;  // kept alive by the graph, whatever happens to the C# handle
  int rank;
  int64_t rows;

  std::string name() const override { return "AllGatherWithGradientBackward"; }

  torch::autograd::variable_list apply(torch::autograd::variable_list&& grads) override {
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> summed{grads[0].contiguous().clone()};  // [W*B, ...]; the incoming grad may be shared
    try {
      vtp::wait(backend->allreduce(summed));
    } catch (const std::exception& e) {
      TORCH_CHECK(false, "the all-reduce in the backward of AllGatherWithGradient failed on rank ", rank, ": ",
                  vtp::message(e));
    }
    return {summed[0].narrow(0, rank * rows, rows).clone()};  // [B, ...]
  }
};

}  // namespace

VTP_API TensorHandle vtp_dist_all_gather_with_gradient(GroupHandle group, TensorHandle tensor) {
  VTP_TRY
  const at::Tensor& local = *tensor;
  TORCH_CHECK(local.dim() >= 1, "AllGatherWithGradient needs a tensor with at least one dimension (rows), got a scalar");
  at::Tensor gathered = vtp::all_gather(*group, local);  // [W*B, ...]
  if (torch::autograd::compute_requires_grad(local)) {
    auto node = std::shared_ptr<AllGatherBackward>(new AllGatherBackward(), torch::autograd::deleteNode);
    node->backend = group->backend;
    node->rank = group->rank;
    node->rows = local.size(0);
    node->set_next_edges(torch::autograd::collect_next_edges(local));
    torch::autograd::set_history(gathered, node);
  }
  return vtp::wrap(gathered);
  VTP_CATCH(nullptr)
}
