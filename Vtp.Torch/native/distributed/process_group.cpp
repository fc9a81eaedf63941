// Joining a process group (TCPStore rendezvous + a c10d backend), the in-place collectives and the store helpers.
// The store layout and the closing steps match torch.distributed.init_process_group's default group (keys under
// "default_pg/0/", the store-based barrier, the sequence number), so a PyTorch process can join a Vtp process's group.
#include "distributed.h"
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef VTP_WITH_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <cstdlib>
#include <cstring>
#include <thread>

namespace {

bool is_loopback(const std::string& address) {
  return address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1";
}

// The network device gloo binds to: GLOO_SOCKET_IFNAME when set (as in PyTorch); loopback when the master is
// loopback (every rank is on this machine); otherwise this machine's hostname address, as PyTorch does.
std::shared_ptr<gloo::transport::Device> gloo_device(const std::string& master_address) {
  const char* interface = std::getenv("GLOO_SOCKET_IFNAME");
  if (interface && *interface) return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  if (is_loopback(master_address)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

c10::intrusive_ptr<c10d::ProcessGroup> make_backend(const std::string& backend, const std::string& master_address,
                                                    const c10::intrusive_ptr<c10d::Store>& store, int rank,
                                                    int world_size, std::chrono::milliseconds timeout) {
  if (backend == "gloo") {
    auto options = c10d::ProcessGroupGloo::Options::create(timeout);
    options->devices.push_back(gloo_device(master_address));
    return c10::make_intrusive<c10d::ProcessGroupGloo>(store, rank, world_size, options);
  }
#ifdef VTP_WITH_NCCL
  if (backend == "nccl") {
    auto options = c10d::ProcessGroupNCCL::Options::create();
    options->timeout = timeout;
    return c10::make_intrusive<c10d::ProcessGroupNCCL>(store, rank, world_size, options);
  }
  TORCH_CHECK(false, "unknown backend '", backend, "' (expected gloo or nccl)");
#else
  TORCH_CHECK(backend != "nccl", "this build of the Vtp distributed library has no NCCL: its libtorch lacks CUDA/NCCL");
  TORCH_CHECK(false, "unknown backend '", backend, "' (expected gloo)");
#endif
}

// The end of torch.distributed.init_process_group: every rank increments one store key and waits until all have;
// PyTorch ranks block there, so Vtp ranks must take part for the two to share a group.
void store_based_barrier(c10d::Store& store, int world_size, std::chrono::milliseconds timeout) {
  const std::string key = "store_based_barrier_key:1";  // PyTorch's key for its first (default) group
  store.add(key, 1);
  auto start = std::chrono::steady_clock::now();
  for (int64_t arrived = store.add(key, 0); arrived < world_size; arrived = store.add(key, 0)) {
    TORCH_CHECK(std::chrono::steady_clock::now() - start < timeout, "timed out in the barrier that ends the rendezvous: ",
                arrived, " of ", world_size, " ranks arrived");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

c10d::ReduceOp reduce_op(int32_t op) {
  switch (op) {
    case 0: return c10d::ReduceOp::SUM;
    case 2: return c10d::ReduceOp::PRODUCT;
    case 3: return c10d::ReduceOp::MIN;
    case 4: return c10d::ReduceOp::MAX;
    default: TORCH_CHECK(false, "unsupported reduce op ", op);
  }
}

// Collectives work on contiguous tensors; a strided caller tensor goes through a contiguous copy.
template <typename Collective>
void in_place(at::Tensor& tensor, Collective collective) {
  at::NoGradGuard no_grad;
  std::vector<at::Tensor> buffer{tensor.is_contiguous() ? tensor : tensor.contiguous()};
  vtp::wait(collective(buffer));
  if (!buffer[0].is_same(tensor)) tensor.copy_(buffer[0]);
}

}  // namespace

VTP_API int64_t vtp_dist_take_error(char* buffer, int64_t capacity) { return vtp::take_error(buffer, capacity); }

VTP_API bool vtp_dist_has_nccl() {
#ifdef VTP_WITH_NCCL
  return true;
#else
  return false;
#endif
}

// Rank 0 hosts the TCPStore on `port`; every rank waits (up to the timeout) until all have joined.
VTP_API GroupHandle vtp_dist_group_new(const char* backend, const char* address, int32_t port, int32_t rank,
                                       int32_t world_size, int64_t timeout_ms, bool check_shapes) {
  VTP_TRY
  std::chrono::milliseconds timeout(timeout_ms);
  c10d::TCPStoreOptions options;
  options.port = (uint16_t)port;
  options.isServer = rank == 0;
  options.numWorkers = (size_t)world_size;
  options.waitWorkers = false;  // libtorch 1.13's wait ignores the timeout; the barrier below waits with it
  options.timeout = timeout;
  options.multiTenant = true;
  auto tcp = c10::make_intrusive<c10d::TCPStore>(address, options);
  auto job_store = c10::make_intrusive<c10d::PrefixStore>("default_pg", tcp);
  c10::intrusive_ptr<c10d::Store> store = c10::make_intrusive<c10d::PrefixStore>("0", job_store);
  auto group = std::make_unique<vtp::Group>();
  group->backend = make_backend(backend, address, store, rank, world_size, timeout);
  store_based_barrier(*job_store, world_size, timeout);
  group->backend->setSequenceNumberForGroup();  // rank 0 publishes it; PyTorch ranks wait for it
  group->store = store;
  group->rank = rank;
  group->world_size = world_size;
  group->check_shapes = check_shapes;
  return group.release();
  VTP_CATCH(nullptr)
}

VTP_API void vtp_dist_group_free(GroupHandle group) {
  try {
    delete group;
  } catch (...) {
    // A backend whose peers died may throw while shutting down; the handle is gone either way.
  }
}

VTP_API int32_t vtp_dist_all_reduce(GroupHandle group, TensorHandle tensor, int32_t op) {
  VTP_VOID(vtp::check_same_shape_on_all_ranks(*group, *tensor, "all_reduce");
           in_place(*tensor, [&](std::vector<at::Tensor>& buffer) {
             c10d::AllreduceOptions options;
             options.reduceOp = reduce_op(op);
             return group->backend->allreduce(buffer, options);
           }))
}

VTP_API int32_t vtp_dist_broadcast(GroupHandle group, TensorHandle tensor, int32_t root) {
  VTP_VOID(vtp::check_same_shape_on_all_ranks(*group, *tensor, "broadcast");
           in_place(*tensor, [&](std::vector<at::Tensor>& buffer) {
             c10d::BroadcastOptions options;
             options.rootRank = root;
             return group->backend->broadcast(buffer, options);
           }))
}

at::Tensor vtp::all_gather(Group& group, const at::Tensor& tensor) {
  check_same_shape_on_all_ranks(group, tensor, "all_gather");
  at::NoGradGuard no_grad;
  std::vector<at::Tensor> input{tensor.contiguous()};
  std::vector<std::vector<at::Tensor>> output(1);
  for (int r = 0; r < group.world_size; r++) output[0].push_back(at::empty_like(input[0]));
  wait(group.backend->allgather(output, input));
  return at::cat(output[0], 0);
}

VTP_API TensorHandle vtp_dist_all_gather(GroupHandle group, TensorHandle tensor) {
  VTP_TENSOR(vtp::all_gather(*group, *tensor))
}

VTP_API int32_t vtp_dist_barrier(GroupHandle group) { VTP_VOID(vtp::wait(group->backend->barrier())) }

VTP_API int32_t vtp_dist_store_set(GroupHandle group, const char* key, const uint8_t* value, int64_t length) {
  VTP_VOID(group->store->set(std::string("vtp/") + key, std::vector<uint8_t>(value, value + length)))
}

// Waits (up to the timeout) for the key, copies up to `capacity` bytes into `value` and returns the full length.
VTP_API int64_t vtp_dist_store_get(GroupHandle group, const char* key, uint8_t* value, int64_t capacity) {
  VTP_TRY
  auto bytes = group->store->get(std::string("vtp/") + key);
  std::memcpy(value, bytes.data(), std::min(bytes.size(), (size_t)std::max<int64_t>(capacity, 0)));
  return (int64_t)bytes.size();
  VTP_CATCH(-1)
}
