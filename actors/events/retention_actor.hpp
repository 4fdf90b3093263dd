#pragma once
// The retention of the event log: a supervised actor that, every `interval`, deletes per
// retention rule the events that are too old or beyond the newest maxCount of their type, and
// answers manual cleanups (DELETE /api/v1/events). It deletes in batches, each its own write
// request to the store actor, so publishes interleave and are never held up for long.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <caf/atom.hpp>
#include <caf/meta/type_name.hpp>

#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::events {

/// The registry name of the retention actor.
inline constexpr caf::atom_value retention_registry_name = caf::atom("evretain");

/// `(cleanup_atom, older_than_ms, type)`: deletes the events with timestamp < older_than_ms
/// (of `type`; empty: any) in batches; replies a cleanup_reply.
using cleanup_atom = caf::atom_constant<caf::atom("evcleanup")>;
/// `(retention_tick_atom)`: runs a retention pass (the actor sends it to itself).
using retention_tick_atom = caf::atom_constant<caf::atom("evrettick")>;

/// What a cleanup deleted.
struct cleanup_result {
  std::int64_t deleted = 0;  ///< Events deleted.
  bool complete = true;      ///< False when it stopped at its time budget with more to delete.
};

/// The answer to a cleanup: what it deleted, or the store's error.
using cleanup_reply = persistence::store_result<cleanup_result>;

/// Inspects a cleanup_result.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cleanup_result& x) {
  return f(caf::meta::type_name("cleanup_result"), x.deleted, x.complete);
}

/// How the retention actor runs.
struct retention_options {
  /// Clock and timers (null: the real ones).
  std::shared_ptr<actors::env> env;
  /// Time between the end of one pass and the start of the next.
  std::chrono::milliseconds interval{60000};
  /// Events deleted per write request.
  std::int64_t batch = 1000;
  /// A manual cleanup stops after this long (the answer says it is not complete).
  std::chrono::milliseconds cleanup_budget{10000};
};

/// The supervised child that runs the retention actor (registered as retention_registry_name);
/// it reads rules and deletes through `store`.
supervision::child_spec retention_child(store::store_actor store, retention_options options);

}  // namespace auraos::actors::events
