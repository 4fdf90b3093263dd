#pragma once
// Internal to the pattern service: its state and the steps its behaviour is made of.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <caf/actor_addr.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/events/pattern_actor.hpp"
#include "actors/events/pattern_messages.hpp"
#include "actors/supervision/supervisor.hpp"
#include "runtime/events/patterns/stored_pattern.hpp"

namespace auraos::actors::events::detail {

/// `(pattern_child_retry_atom, id, generation, tries_left)`: to the pattern service itself: ask again for
/// the actor of rule `id`.
using pattern_child_retry_atom = caf::atom_constant<caf::atom("evpatretry")>;

/// One live rule.
struct live_pattern {
  persistence::event_pattern_record record;
  std::vector<std::string> types;
  caf::actor actor;                      ///< Null while it starts.
  std::vector<persistence::event_record> pending;  ///< Events for it while it starts.
  runtime::events::patterns::pattern_progress figures;  ///< Matches (from its state, then live).
  int restarts = 0;                      ///< Failures so far.
  /// The spec of the actor asked for and not yet given (kept to ask again, pattern_service.cpp).
  std::shared_ptr<supervision::child_spec> starting;
  std::uint64_t generation = 0;  ///< Which start this is (answers to older asks are dropped).
};

/// The pattern service's state.
struct pattern_service_state {
  pattern_service_state() = default;
  store::store_actor store;
  std::shared_ptr<actors::env> env;
  caf::actor service;     ///< The events service.
  caf::actor supervisor;  ///< `event-patterns`: the rules' actors.
  std::map<std::string, live_pattern> patterns;
  std::uint64_t starts = 0;  ///< Rule actors asked for so far (live_pattern::generation).
  std::unordered_map<caf::actor_addr, std::string> monitored;
  /// Stored rules and states are loaded: events go to the rules at once (else to `held`).
  bool loaded = false;
  std::vector<persistence::event_record> held;
  /// Rules deleted while loading (the load must not start them).
  std::set<std::string> deleted;
  static inline const char* name = "event-patterns";
};

/// The pattern service actor.
using pattern_service_actor = caf::stateful_actor<pattern_service_state>;

/// Asks again for the actor of rule `id` when it is still starting (`tries_left` asks remain).
void retry_pattern_child(pattern_service_actor* self, const std::string& id,
                         std::uint64_t generation, int tries_left);
/// Starts (again) the actor of a rule; `state` is its stored state when known, `start_after`
/// the seq after which a rule without a state starts (pattern_args).
void start_pattern(pattern_service_actor* self, persistence::event_pattern_record record,
                   std::optional<std::string> state, std::optional<std::int64_t> start_after);
/// Stops the actor of a rule and forgets the rule.
void stop_pattern(pattern_service_actor* self, const std::string& id);
/// The figures of a stored rule for an answer.
pattern_info info_of(pattern_service_actor* self, persistence::event_pattern_record record);
/// Creates or replaces a rule.
void put_pattern(pattern_service_actor* self, pattern_put put, caf::response_promise promise);
/// Deletes a rule.
void delete_pattern(pattern_service_actor* self, std::string id, caf::response_promise promise);
/// Answers one rule.
void get_pattern(pattern_service_actor* self, std::string id, caf::response_promise promise);
/// Answers a page of rules.
void list_patterns(pattern_service_actor* self, persistence::page_request page,
                   caf::response_promise promise);

}  // namespace auraos::actors::events::detail
