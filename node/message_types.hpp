#pragma once
// The messages that may cross a node, registered under stable names.

#include <caf/fwd.hpp>

namespace auraos::node {

/// Registers every message type that may cross a node (the executions service's commands and
/// replies, the execution actor's messages, the store actor's queries and replies) with
/// `add_message_type` under a stable `auraos.*` name. Every node calls it with its config.
void add_message_types(caf::actor_system_config& config);

}  // namespace auraos::node
