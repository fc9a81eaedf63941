// One error path for every export: run the body, turn any C++ exception into a non-zero status and a thread-local
// message (vtp_gloo_last_error). gloo throws gloo::IoException (peer closed, timeouts: "Timed out waiting ..."),
// gloo::EnforceNotMet (broken invariants, bad arguments) and std::system_error; all derive from std::exception.
#pragma once
#include <exception>
#include <string>

namespace vtp_gloo {

void set_error(std::string message);

template <typename Body>
int guarded(Body&& body) noexcept {
  try {
    set_error("");
    body();
    return 0;
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown C++ exception");
  }
  return 1;
}

}  // namespace vtp_gloo
