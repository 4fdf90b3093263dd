#pragma once
// Internal to the events service: its state and the steps its behaviour is made of.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <caf/actor_addr.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/env.hpp"
#include "actors/events/events_service.hpp"
#include "actors/events/stream_actor.hpp"

namespace auraos::actors::events::detail {

/// `(cursor_atom)`: the service stores its trigger cursor (armed at most every 200 ms).
using cursor_atom = caf::atom_constant<caf::atom("evcursor")>;
/// `(follow_atom)`: a clustered service reads the events stored after the last one it read.
using follow_atom = caf::atom_constant<caf::atom("evfollow")>;

/// Stored events whose trigger starts are still under way, by the highest seq of the batch.
struct open_batch {
  std::size_t streams = 0;  ///< Streams that have not answered yet.
};

/// The events service's state.
struct service_state {
  service_state() = default;
  store::store_actor store;
  events_options options;
  /// The dynamic supervisor of the stream actors.
  caf::actor supervisor;
  /// The pattern service (`event-patterns`), linked.
  caf::actor patterns;
  /// Live stream actors by event type, and the type of each monitored one.
  std::map<std::string, caf::actor> streams;
  std::unordered_map<caf::actor_addr, std::string> monitored;
  /// Every registered wait, by (execution, node): a failed stream's waits go to its successor.
  std::map<std::pair<std::string, std::string>, executions::event_wait> waits;
  /// How many of `waits` wait for each type.
  std::map<std::string, std::size_t> waited_types;
  /// Work for streams whose actor is starting.
  std::map<std::string, std::vector<std::function<void(caf::actor)>>> starting;
  /// The triggers of the latest revision of every workflow, by event type.
  std::map<std::string, trigger_list> triggers;
  /// Triggers and the trigger cursor are loaded, and events stored before the start were
  /// offered again: new events go to the streams at once (else they wait in `held`).
  bool ready = false;
  /// A workflow changed while the triggers were being read: read them again.
  bool reload_again = false;
  bool reloading = false;
  /// The first load of the triggers ended and the events after the cursor were offered.
  bool started = false;
  std::vector<std::vector<persistence::event_record>> held;
  /// Trigger bookkeeping: batches offered and not yet settled, the highest seq settled with
  /// every lower batch, and the cursor stored last (the `triggers` event cursor).
  std::map<std::int64_t, open_batch> open;
  std::int64_t settled_seq = 0;
  std::int64_t stored_cursor = 0;
  bool cursor_write_armed = false;
  /// Pattern rules run here: always on a single node; on a clustered node while it holds the
  /// coordinator shard.
  bool coordinator = true;
  /// Clustered: the shards this node holds (the streams of the types in them run their triggers
  /// here), and the cluster's shard count.
  std::set<std::int64_t> held_shards;
  std::int64_t shard_count = 0;
  /// Clustered: gained shards whose events after their stored trigger cursor are being offered
  /// again; their cursors are written once that ended.
  std::set<std::int64_t> replaying;
  /// Clustered: the trigger cursor stored last per held shard (`triggers:<shard>`).
  std::map<std::int64_t, std::int64_t> shard_cursors;
  /// The revision of each workflow whose triggers are in `triggers`.
  std::map<std::string, std::int64_t> trigger_revisions;
  /// Clustered: gained shards whose replay waits until the triggers are read.
  std::vector<std::int64_t> gains_waiting;
  /// Clustered: the seq of the last event the follower read (-1: not read yet), and whether a
  /// read is under way.
  std::int64_t follow_mark = -1;
  bool following = false;
  /// When the triggers were last read (a clustered node reads them again every 2 s: a workflow
  /// changed on another node reaches it so).
  std::int64_t triggers_read_ms = 0;
  static inline const char* name = "events-service";
};

/// The events service actor.
using service_actor = caf::stateful_actor<service_state>;

/// Stores a publish request's events; answers the stored events.
void publish(service_actor* self, publish_request request, caf::response_promise promise);
/// Stores a signal as an event after checking its execution.
void signal(service_actor* self, signal_request request, caf::response_promise promise);
/// Offers newly stored events (storing order) to their streams, or holds them until ready.
void dispatch(service_actor* self, std::vector<persistence::event_record> stored);
/// Starts the pattern service (service_patterns.cpp).
void start_patterns(service_actor* self);
/// Hands newly stored events (storing order) to the pattern service.
void offer_patterns(service_actor* self, const std::vector<persistence::event_record>& stored);
/// Offers one type's events to its stream (starting it when needed) with the triggers to run;
/// `answered` (may be empty) runs once the stream answered, or gave up after retries.
void offer(service_actor* self, const std::string& type,
           std::vector<persistence::event_record> events, trigger_list triggers,
           std::function<void()> answered, int tries = 1);
/// True when the triggers of `type` run on this node: always on a single node; on a clustered
/// node when it holds the shard of the type's stream.
bool triggers_run_here(const service_state& s, const std::string& type);
/// Clustered: the node now holds `held` of `count` shards (service_shards.cpp): the events of
/// newly held shards after their stored cursors are offered to their triggers again.
void set_shards(service_actor* self, std::vector<std::int64_t> held, std::int64_t count);
/// The name of the trigger cursor of `shard` on a clustered node.
std::string shard_cursor_name(std::int64_t shard);
/// Clustered: offers the events of the gained shards waiting for the triggers to be read.
void replay_waiting_gains(service_actor* self);
/// Arms the write of the trigger cursor(s) when one is behind.
void arm_cursor_write(service_actor* self);
/// Offers stored events (storing order, after every earlier batch) to their streams now.
void offer_batch(service_actor* self, std::vector<persistence::event_record> stored);
/// Offers stored events to the streams of the waits of their types only (no trigger, no
/// pattern, not counted for the trigger cursor).
void offer_waits(service_actor* self, const std::vector<persistence::event_record>& stored);
/// Clustered: starts following the shared event log (service_follow.cpp).
void start_following(service_actor* self);
/// Clustered: reads the events stored after the last one read and hands them on.
void follow(service_actor* self);
/// Clustered: the node gained (true) or gave up the coordinator shard (pattern rules).
void set_coordinator(service_actor* self, bool coordinator);
/// Stops the pattern service (service_patterns.cpp).
void stop_patterns(service_actor* self);
/// Moves the settled seq past every answered batch and arms the cursor write.
void settle(service_actor* self);
/// Runs `work` with the live stream actor of `type`, starting it when there is none.
void with_stream(service_actor* self, const std::string& type,
                 std::function<void(caf::actor)> work);
/// Answers a query of stored events (applying `where` page by page).
void query(service_actor* self, event_query q, caf::response_promise promise);
/// Reads the triggers of every workflow, then offers events stored after the trigger cursor.
void load_triggers(service_actor* self);
/// Stores the trigger cursor if it moved (called at most every 200 ms).
void write_cursor(service_actor* self);

}  // namespace auraos::actors::events::detail
