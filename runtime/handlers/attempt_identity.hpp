#pragma once
// Which attempt of which node a piece of work belongs to.

#include <string>

namespace auraos::runtime::handlers {

/// Identifies an attempt; handed to the work so that it can be idempotent.
struct attempt_identity {
  /// The execution's id (`AURAOS_EXECUTION_ID`).
  std::string execution_id;
  /// The node's id (`AURAOS_NODE_ID`).
  std::string node_id;
  /// Attempt number, from 1 (`AURAOS_ATTEMPT`).
  int attempt = 1;
  /// `EXECUTION_ID/NODE_ID/ATTEMPT`, stable across re-runs of the same attempt.
  std::string idempotency_key;
};

}  // namespace auraos::runtime::handlers
