// gloo's rendezvous store interface, forwarded to the three callbacks the caller (Vtp's C# RendezvousStore) supplies.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include <gloo/rendezvous/store.h>

#include "vtp_gloo.h"

namespace vtp_gloo {

class CallbackStore final : public gloo::rendezvous::Store {
 public:
  CallbackStore(const vtp_gloo_store& callbacks, std::chrono::milliseconds timeout)
      : callbacks_(callbacks), timeout_(timeout) {}

  void set(const std::string& key, const std::vector<char>& data) override;
  std::vector<char> get(const std::string& key) override;
  void wait(const std::vector<std::string>& keys) override { wait(keys, timeout_); }
  void wait(const std::vector<std::string>& keys, const std::chrono::milliseconds& timeout) override;

 private:
  vtp_gloo_store callbacks_;
  std::chrono::milliseconds timeout_;
};

}  // namespace vtp_gloo
