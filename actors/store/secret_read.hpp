#pragma once
// A read of the sealed secrets run on the store actor's thread (local only: it carries a
// function), as the task and security reads are (task_read.hpp, security_read.hpp).

#include <functional>

#include <caf/allowed_unsafe_message_type.hpp>

#include "persistence/secret_store.hpp"

namespace auraos::actors::store {

/// Runs `read` against the secret store on the store's thread; the store actor answers with
/// what it returned.
struct secret_read {
  /// Reads what it needs into state it captured; returns the read's status.
  std::function<persistence::store_status(persistence::secret_store&)> read;
};

}  // namespace auraos::actors::store

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::store::secret_read)
