#pragma once
// A read of the task store run on the store actor's thread (local only: it carries a function).
// The task service's reads are many and small; one message kind serves them all.

#include <functional>

#include <caf/allowed_unsafe_message_type.hpp>

#include "persistence/task_store.hpp"

namespace auraos::actors::store {

/// Runs `read` against the task store on the store's thread; the store actor answers with what
/// it returned (an unavailable database is noticed like any other read's).
struct task_read {
  /// Reads what it needs into state it captured; returns the read's status.
  std::function<persistence::store_status(persistence::task_store&)> read;
};

}  // namespace auraos::actors::store

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::store::task_read)
