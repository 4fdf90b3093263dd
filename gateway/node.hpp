#pragma once
// One `auraos serve` node: store, executions service and HTTP API under one supervisor.

#include <functional>

#include "runtime/node_config.hpp"

namespace auraos::gateway {

/// The process exit code of a node run: 0 clean stop, 1 failure, 2 bad settings.
using node_exit = int;

/// Blocks until a stop is requested; returns true for a requested stop, false when woken
/// because the node ended by itself.
using stop_waiter = std::function<bool()>;

/// Wakes a stop_waiter that is blocked (the node ended by itself).
using stop_waker = std::function<void()>;

/// Opens the store and runs the node's supervision tree until `wait_for_stop` returns or the
/// root supervisor gives up; then stops the tree in order. SIGINT/SIGTERM must already be
/// blocked in every thread (the caller waits for them in `wait_for_stop`).
node_exit run_node(const runtime::node_config& config, const stop_waiter& wait_for_stop,
                   const stop_waker& wake);

}  // namespace auraos::gateway
