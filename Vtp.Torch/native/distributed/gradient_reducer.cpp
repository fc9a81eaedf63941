// Data-parallel gradient averaging with c10d::Reducer, the engine of PyTorch's DistributedDataParallel: autograd hooks
// copy each gradient into a flat bucket as soon as it is ready, and a full bucket's all-reduce starts while backward
// goes on (overlap); the end of backward waits for every bucket and copies the averages back into .grad.
// Bucketing follows DDP: one bucket for the first synchronised step, then buckets rebuilt in the order the gradients
// actually became ready (a small first bucket, then `bucket_bytes` each), so communication starts early.
#include "distributed.h"
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/distributed/c10d/comm.hpp>
#include <torch/csrc/distributed/c10d/logger.hpp>
#include <torch/csrc/distributed/c10d/reducer.hpp>
#include <algorithm>
#include <limits>

namespace {

constexpr size_t kBroadcastBucketBytes = 250u << 20;  // DDP's bucket size for the initial parameter broadcast

// c10d's Reducer with read access to the state that says whether the last synchronised backward completed.
class Reducer : public c10d::Reducer {
 public:
  using c10d::Reducer::Reducer;
  bool awaiting_gradients() const { return expect_autograd_hooks_; }
  size_t bucket_count() const { return buckets_.size(); }
  // Throws c10d's own description of an unfinished reduction (it lists the parameter indices still waiting).
  void throw_if_unfinished() { ensure_prior_reduction_finished(); }
};

struct GradientReducer {
  std::shared_ptr<Reducer> reducer;
  // The reducer dereferences its logger without a check in the unused-parameter search, so one must exist. Declared
  // after the reducer so that it is destroyed first, as DDP does (its destructor reads the reducer).
  std::shared_ptr<c10d::Logger> logger;
  bool find_unused;
};

// c10d's report of an unfinished reduction is written for PyTorch's DDP; its one useful line names the parameters.
std::string unfinished_parameters(Reducer& reducer) {
  try {
    reducer.throw_if_unfinished();
  } catch (const std::exception& e) {
    std::string text = vtp::message(e);
    auto start = text.find("Parameter indices which did not receive grad");
    return start == std::string::npos ? text : text.substr(start, text.find('\n', start) - start) +
                                                   " (indices into the parameters given to the GradientReducer)";
  }
  return "no parameter received a gradient";
}

[[noreturn]] void throw_incomplete(GradientReducer& r) {
  TORCH_CHECK(false, "not every parameter received a gradient in this backward, so the all-reduce of its bucket ",
              "never started. Make every parameter take part in the loss, or create the GradientReducer with ",
              "findUnusedParameters: true to treat unused parameters as zero. ", unfinished_parameters(*r.reducer));
}

}  // namespace

typedef GradientReducer* ReducerHandle;

VTP_API ReducerHandle vtp_dist_reducer_new(GroupHandle group, const TensorHandle* parameters, int64_t count,
                                          int64_t bucket_bytes, bool find_unused) {
  VTP_TRY
  auto params = vtp::tensors(parameters, count);
  TORCH_CHECK(!params.empty(), "GradientReducer needs at least one parameter that requires grad");
  for (size_t i = 0; i < params.size(); i++)
    TORCH_CHECK(params[i].is_leaf() && params[i].requires_grad(), "GradientReducer: parameter ", i,
                " is not a leaf tensor that requires grad");
  TORCH_CHECK(bucket_bytes > 0, "GradientReducer: bucket size must be positive, got ", bucket_bytes);
  vtp::check_same_tensors_on_all_ranks(*group, params, "GradientReducer");

  size_t first_bucket_bytes = std::min<size_t>(c10d::kDefaultFirstBucketBytes, (size_t)bucket_bytes);
  // Without unused-parameter search the buckets are rebuilt after the first step, so that step uses one bucket.
  std::vector<size_t> limits = find_unused ? std::vector<size_t>{first_bucket_bytes, (size_t)bucket_bytes}
                                           : std::vector<size_t>{std::numeric_limits<size_t>::max()};
  std::vector<bool> sparse(params.size(), false);
  auto assignment = c10d::compute_bucket_assignment_by_size(params, limits, sparse);
  auto buckets = std::get<0>(assignment);
  auto bucket_limits = std::get<1>(assignment);
  // Gradients arrive roughly in reverse definition order: reduce the last-defined parameters' bucket first.
  std::reverse(buckets.begin(), buckets.end());
  std::reverse(bucket_limits.begin(), bucket_limits.end());

  auto result = std::make_unique<GradientReducer>();
  result->reducer = std::make_shared<Reducer>(params, buckets, bucket_limits, group->backend, sparse, bucket_bytes,
                                              find_unused, /*gradient_as_bucket_view=*/false,
                                              std::unordered_map<size_t, std::string>{}, (int64_t)first_bucket_bytes);
  result->logger = std::make_shared<c10d::Logger>(result->reducer);
  result->reducer->set_logger(result->logger);
  result->find_unused = find_unused;
  return result.release();
  VTP_CATCH(nullptr)
}

VTP_API void vtp_dist_reducer_free(ReducerHandle reducer) {
  try {
    delete reducer;
  } catch (...) {
    // ~Reducer may throw after a failed step; the hooks are removed either way.
  }
}

VTP_API int64_t vtp_dist_reducer_bucket_count(ReducerHandle reducer) { return (int64_t)reducer->reducer->bucket_count(); }

// Backward from `loss`. With `synchronize` the gradients (accumulated since the last synchronised step) are averaged
// over the ranks during this backward; without it they only accumulate locally (PyTorch's no_sync).
VTP_API int32_t vtp_dist_reducer_backward(ReducerHandle r, TensorHandle loss, bool synchronize) {
  VTP_TRY
  if (synchronize) {
    r->reducer->rebuild_buckets();  // a collective, the first time only; a no-op afterwards
    r->reducer->prepare_for_forward();
    r->reducer->prepare_for_backward(r->find_unused ? std::vector<at::Tensor>{*loss} : std::vector<at::Tensor>{});
  }
  torch::autograd::backward({*loss});
  if (synchronize && r->reducer->awaiting_gradients()) throw_incomplete(*r);
  return 0;
  VTP_CATCH(-1)
}

// Copies rank `root`'s values into every rank's tensors (a model's parameters and buffers), in coalesced buckets.
VTP_API int32_t vtp_dist_broadcast_coalesced(GroupHandle group, const TensorHandle* tensors, int64_t count,
                                             int32_t root) {
  VTP_TRY
  auto list = vtp::tensors(tensors, count);
  vtp::check_same_tensors_on_all_ranks(*group, list, "BroadcastParameters");
  at::NoGradGuard no_grad;
  if (!list.empty()) c10d::broadcast_coalesced(group->backend, list, kBroadcastBucketBytes, root);
  return 0;
  VTP_CATCH(-1)
}
