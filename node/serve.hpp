#pragma once
// `auraos serve`'s node: the engine plus the gateway, run until a stop signal.

#include "runtime/node_config.hpp"

namespace auraos::node {

/// The process exit code of a node run: 0 clean stop, 1 failure.
using node_exit = int;

/// What the serve assembly adds for tests only.
struct serve_options {
  /// Adds `POST /api/v1/_test/crash/{name}` to the gateway (`--test-faults`).
  bool test_faults = false;
};

/// Opens the store and runs the node (store, executions service, then the HTTP gateway) until
/// SIGINT/SIGTERM or until the root supervisor gives up; then stops the tree in order. The
/// caller must have blocked the stop signals (`node::block_stop_signals`) before any thread
/// was started.
node_exit serve(const runtime::node_config& config, serve_options options = {});

}  // namespace auraos::node
