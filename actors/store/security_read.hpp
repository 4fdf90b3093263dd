#pragma once
// A read of the security store run on the store actor's thread (local only: it carries a
// function). Users, roles, tokens, revocations and the audit log are read through this one
// message kind, as the task service's reads are (task_read.hpp).

#include <functional>

#include <caf/allowed_unsafe_message_type.hpp>

#include "persistence/security_store.hpp"

namespace auraos::actors::store {

/// Runs `read` against the security store on the store's thread; the store actor answers with
/// what it returned (an unavailable database is noticed like any other read's).
struct security_read {
  /// Reads what it needs into state it captured; returns the read's status.
  std::function<persistence::store_status(persistence::security_store&)> read;
};

}  // namespace auraos::actors::store

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::store::security_read)
