// Shared types of the Vtp distributed library: a process group handle (the rendezvous store plus the c10d backend)
// and the checks that every rank passes tensors of the same shapes before a collective whose sizes must agree.
// A size mismatch inside gloo is not a clean error (it can abort the process), so it is caught before the collective.
#pragma once
#include "../src/common.h"
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>
#include <chrono>
#include <functional>
#include <string>

namespace vtp {

struct Group {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroup> backend;
  int rank;
  int world_size;
  bool check_shapes;  // compare shapes across ranks before all-reduce, broadcast and all-gather
};

// The text of an exception, without the C++ backtrace that c10 errors append.
inline std::string message(const std::exception& e) {
  auto c10_error = dynamic_cast<const c10::Error*>(&e);
  return c10_error ? c10_error->what_without_backtrace() : e.what();
}

// Runs a collective and waits for it; an error of any rank (a peer that died, a closed connection, the timeout)
// surfaces here as an exception.
inline void wait(const c10::intrusive_ptr<c10d::Work>& work) { work->wait(); }

// Every rank's tensor (all of the same shape), concatenated along dim 0 in rank order; not differentiable.
at::Tensor all_gather(Group& group, const at::Tensor& tensor);

// Throws, on every rank alike, when the ranks' signatures differ. `what` names the compared quantity, and
// `describe` renders one signature for the message.
void check_same_on_all_ranks(Group& group, const std::vector<int64_t>& signature, const char* what,
                             const std::function<std::string(const int64_t*)>& describe);

// Every rank must pass a tensor of the same shape and dtype (all-reduce, broadcast, all-gather); a no-op when the
// group was created without shape checks.
void check_same_shape_on_all_ranks(Group& group, const at::Tensor& tensor, const char* operation);

// Every rank must pass the same list of tensor shapes (a model's parameters and buffers).
void check_same_tensors_on_all_ranks(Group& group, const std::vector<at::Tensor>& tensors, const char* operation);

}  // namespace vtp

typedef vtp::Group* GroupHandle;
