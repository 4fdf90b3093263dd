#pragma once
// One `auraos serve` node: store, executions service and HTTP API under one supervisor.

#include <memory>

#include "runtime/node_config.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::gateway {

/// The process exit code of a node run: 0 clean stop, 1 failure, 2 bad settings.
using node_exit = int;

/// Opens the store and runs the node's supervision tree until SIGINT/SIGTERM or until the
/// root supervisor gives up; then stops the tree in order. The caller must have blocked the
/// stop signals (`actors::block_stop_signals`) before any thread was started. Clocks, timers
/// and files come from `env` (null: the real environment).
node_exit run_node(const runtime::node_config& config, std::shared_ptr<actors::env> env = nullptr);

}  // namespace auraos::gateway
