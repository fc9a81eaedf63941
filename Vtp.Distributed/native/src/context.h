// The opaque vtp_gloo_context: a connected gloo context and the tag of its next collective.
#pragma once
#include <cstdint>
#include <memory>

#include <gloo/context.h>

#include "vtp_gloo.h"

struct vtp_gloo_context {
  std::shared_ptr<gloo::Context> gloo;
  // Each collective gets the next tag (its messages' slot), so that a rank that runs ahead into the next collective
  // can never have its messages matched to the current one. Every rank issues the same sequence, so tags agree.
  uint32_t next_tag = 0;
};
