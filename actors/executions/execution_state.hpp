#pragma once
// Internal to the execution actor: its state and the steps its behaviour is made of.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include <caf/event_based_actor.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/env.hpp"
#include "actors/executions/execution.hpp"
#include "actors/executions/execution_view.hpp"
#include "runtime/engine/decide.hpp"

namespace auraos::actors::executions::detail {

/// An event waiting for its turn; without an event only the promise is answered (a read).
struct queued_event {
  std::optional<runtime::engine::event> event;
  std::optional<caf::response_promise> promise;
};

/// A running attempt: how to stop it.
struct running_attempt {
  int attempt = 0;
  std::function<void()> cancel;
  /// A child execution or an event wait (left running on shutdown: it stops on its own, or
  /// the recovery registers the wait again).
  bool child = false;
  /// A `wait_event` node's wait: the execution may passivate meanwhile (the events service
  /// wakes it when an event matches).
  bool passive = false;
};

/// The execution actor's state.
struct execution_actor_state {
  execution_actor_state() = default;
  execution_args args;
  runtime::definition::workflow wf;
  runtime::engine::execution_state st;
  persistence::execution_record row;
  bool loaded = false;
  /// Loaded from the store (recovery, a timer, a request), not created just now: when it then
  /// only waits, it passivates at once instead of after `passivate_after`.
  bool cold_start = false;
  bool writing = false;
  /// The request waiting for the write in flight (refused if the actor stops before it).
  std::optional<caf::response_promise> writing_for;
  /// Shutting down: no more events are decided.
  bool stopping = false;
  /// The service let this actor passivate: it stops as soon as it is idle.
  bool passivating = false;
  std::deque<queued_event> queue;
  std::map<std::string, running_attempt> running;
  std::map<std::string, std::uint64_t> timers;
  std::uint64_t timer_generation = 0;
  std::uint64_t passivate_generation = 0;
  std::int64_t records_since_snapshot = 0;
  /// The wait before the next load attempt while the database is unavailable (0: none yet).
  std::chrono::milliseconds reload_delay{0};
  /// Why the row's sealed secrets could not be opened (the key file lacks their key): the
  /// shell and http attempts that would receive them fail with error `secrets`.
  std::optional<std::string> secrets_problem;
  static inline const char* name = "execution";
};

/// The execution actor.
using execution_actor = caf::stateful_actor<execution_actor_state>;

/// Now in ms since the epoch, on the execution's env clock.
std::int64_t now_ms(const execution_actor_state& state);
/// Loads row, workflow, snapshot and history, then queues the first event.
void load(execution_actor* self);
/// Decides the next queued event unless a write is in flight.
void process_next(execution_actor* self);
/// Carries out one effect of a stored decision.
void carry_out(execution_actor* self, const runtime::engine::effect& effect);
/// Arms an in-memory timer for a stored deadline.
void arm_timer(execution_actor* self, const std::string& id, std::int64_t deadline_ms);
/// Arms the passivation check when the execution only waits.
void maybe_passivate(execution_actor* self);
/// No write in flight, nothing queued, no running attempt or child.
bool idle(const execution_actor_state& state);
/// Records running attempts as interrupted, kills them, and stops the actor.
void stop_gracefully(execution_actor* self, caf::error reason);
/// The execution's view (built only when a request or a finished-listener asks).
execution_view current_view(const execution_actor_state& state);

}  // namespace auraos::actors::executions::detail
