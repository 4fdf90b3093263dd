#pragma once
// The real environment's wall clock, for tests that open a store outside a node.

#include <cstdint>
#include <functional>

#include "actors/env.hpp"

namespace auraos::test {

/// Milliseconds since the epoch from the real environment (the clock a store is opened with).
inline std::function<std::int64_t()> wall_clock() {
  return actors::wall_source(actors::real_env());
}

}  // namespace auraos::test
