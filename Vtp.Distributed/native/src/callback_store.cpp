#include "callback_store.h"

#include <gloo/common/error.h>

namespace vtp_gloo {

namespace {

// Callbacks report failure through a status and a message buffer; the message becomes a gloo::IoException here, so
// gloo's rendezvous unwinds as it does for its own stores' errors.
class ErrorBuffer {
 public:
  char* data() { return text_; }
  int64_t capacity() const { return sizeof(text_); }
  void check(int status, const char* operation) {
    if (status == 0) return;
    text_[sizeof(text_) - 1] = '\0';
    throw gloo::IoException(std::string("rendezvous store ") + operation + ": " +
                            (text_[0] != '\0' ? text_ : "the store callback failed without a message"));
  }

 private:
  char text_[2048] = {};
};

void append(void* sink, const void* data, int64_t length) {
  auto* bytes = static_cast<const char*>(data);
  static_cast<std::vector<char>*>(sink)->assign(bytes, bytes + length);
}

}  // namespace

void CallbackStore::set(const std::string& key, const std::vector<char>& data) {
  ErrorBuffer error;
  error.check(callbacks_.set(callbacks_.user, key.c_str(), data.data(), static_cast<int64_t>(data.size()), error.data(),
                             error.capacity()),
              "set");
}

std::vector<char> CallbackStore::get(const std::string& key) {
  ErrorBuffer error;
  std::vector<char> value;
  error.check(callbacks_.get(callbacks_.user, key.c_str(), &append, &value, error.data(), error.capacity()), "get");
  return value;
}

void CallbackStore::wait(const std::vector<std::string>& keys, const std::chrono::milliseconds& timeout) {
  std::vector<const char*> names;
  names.reserve(keys.size());
  for (const auto& key : keys) names.push_back(key.c_str());
  ErrorBuffer error;
  error.check(callbacks_.wait(callbacks_.user, names.data(), static_cast<int32_t>(names.size()), timeout.count(),
                              error.data(), error.capacity()),
              "wait");
}

}  // namespace vtp_gloo
