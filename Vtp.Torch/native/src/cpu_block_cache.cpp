// An optional cache of large CPU tensor blocks: the memory of a freed tensor is kept for the next tensor of the same
// size, on every thread and at every size, which glibc's retention thresholds (malloc_policy.cpp) cannot promise.
//
// Off until vtp_cpu_cache_set_capacity gives it a capacity (CpuMemory.CacheCapacity in C#): a training step
// allocates the same sizes every step, so exact-size reuse removes nearly all page faults, but blocks freed early in
// a step (last step's gradients, freed by zero_grad) wait in the cache while the forward allocates other sizes, so
// the peak resident memory grows (measured: +16% at `base`, docs/benchmarks.md "Native memory").
//
// Once installed it serves every CPU tensor: blocks of at least 128 KiB are rounded up to whole pages and, once
// freed, kept per size, the most recently freed first, up to the capacity; past it the least recently freed blocks
// go back to the system. Smaller blocks are freed at once.
#include "common.h"
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>
#include <algorithm>
#include <list>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace {
constexpr size_t kMinBlock = 128 << 10;
constexpr size_t kPage = 4096;
constexpr size_t kHeader = 64;  // the block size, stored before the data; 64 bytes keep c10's data alignment

size_t& block_size(void* base) { return *static_cast<size_t*>(base); }

// Every block carries its size in a header, as libtorch's raw allocations (oneDNN's) require the data pointer to be
// the deleter's context and one deleter for every block.
class BlockCache final : public c10::Allocator {
 public:
  // Sets the capacity, evicting the least recently freed blocks down to it.
  void set_capacity(size_t capacity) {
    std::lock_guard<std::mutex> lock(mutex_);
    capacity_ = capacity;
    while (cached_ > capacity_) evict_oldest();
  }

  size_t cached() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return cached_;
  }

  c10::DataPtr allocate(size_t n) const override {
    if (n == 0) return {nullptr, nullptr, &free_data, c10::Device(c10::DeviceType::CPU)};
    size_t size = n + kHeader;
    void* base = nullptr;
    if (size >= kMinBlock) {
      size = (size + kPage - 1) / kPage * kPage;
      base = take(size);
    }
    if (!base) base = c10::alloc_cpu(size);
    block_size(base) = size;
    void* data = static_cast<char*>(base) + kHeader;
    return {data, data, &free_data, c10::Device(c10::DeviceType::CPU)};
  }

  c10::DeleterFnPtr raw_deleter() const override { return &free_data; }

  // Returns every cached block to the system; the number of bytes released.
  size_t release() {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t released = cached_;
    while (!by_age_.empty()) evict_oldest();
    return released;
  }

  static BlockCache* instance;

 private:
  static void free_data(void* data) {
    if (!data) return;
    void* base = static_cast<char*>(data) - kHeader;
    if (block_size(base) >= kMinBlock) instance->put(base);
    else c10::free_cpu(base);
  }

  void* take(size_t size) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = by_size_.find(size);
    if (found == by_size_.end() || found->second.empty()) return nullptr;
    void* base = found->second.back();
    found->second.pop_back();
    by_age_.erase(ages_.at(base));
    ages_.erase(base);
    cached_ -= size;
    return base;
  }

  void put(void* base) const {
    size_t size = block_size(base);
    std::lock_guard<std::mutex> lock(mutex_);
    if (size > capacity_) {
      c10::free_cpu(base);
      return;
    }
    by_size_[size].push_back(base);
    ages_[base] = by_age_.insert(by_age_.begin(), base);
    cached_ += size;
    while (cached_ > capacity_) evict_oldest();
  }

  // Called with the lock held.
  void evict_oldest() const {
    void* base = by_age_.back();
    by_age_.pop_back();
    ages_.erase(base);
    size_t size = block_size(base);
    auto& same = by_size_[size];
    same.erase(std::find(same.begin(), same.end(), base));
    cached_ -= size;
    c10::free_cpu(base);
  }

  size_t capacity_ = 0;
  mutable std::mutex mutex_;
  mutable std::unordered_map<size_t, std::vector<void*>> by_size_;  // the most recently freed last
  mutable std::list<void*> by_age_;                                  // the most recently freed first
  mutable std::unordered_map<void*, std::list<void*>::iterator> ages_;
  mutable size_t cached_ = 0;
};

BlockCache* BlockCache::instance = nullptr;

}  // namespace

// Gives the block cache a capacity in bytes (0: keep nothing); the first call installs it as libtorch's CPU allocator.
VTP_API int32_t vtp_cpu_cache_set_capacity(int64_t bytes) {
  VTP_TRY
  static std::once_flag installed;
  std::call_once(installed, [] {
    BlockCache::instance = new BlockCache();  // never destroyed: tensors may outlive static destructors at exit
    c10::SetCPUAllocator(BlockCache::instance, /*priority=*/1);
  });
  BlockCache::instance->set_capacity((size_t)std::max<int64_t>(bytes, 0));
  return 0;
  VTP_CATCH(-1)
}

// Bytes the cache holds now.
VTP_API int64_t vtp_cpu_cache_bytes() {
  VTP_TRY return BlockCache::instance ? (int64_t)BlockCache::instance->cached() : 0; VTP_CATCH(-1)
}

// Empties the cache; returns the bytes handed back to the system.
VTP_API int64_t vtp_cpu_cache_release() {
  VTP_TRY return BlockCache::instance ? (int64_t)BlockCache::instance->release() : 0; VTP_CATCH(-1)
}
