// Storing events (publish, signals) and handing the new ones to their streams in storing order.
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include "actors/events/service_state.hpp"
#include "persistence/shards.hpp"
#include "runtime/uuid.hpp"

namespace auraos::actors::events::detail {
namespace {

namespace p = persistence;

/// How often at most the trigger cursor is stored (a crash offers at most this much again).
constexpr std::chrono::milliseconds cursor_interval{200};

event_failure store_failure(const p::store_error& error) {
  return {error.code, error.message, {}};
}

}  // namespace

namespace {

/// The trigger cursors to store now: `triggers` on a single node; on a clustered node
/// `triggers:<shard>` for each held shard that is not being offered again and is behind.
std::vector<p::write_op> cursor_writes(const service_state& s) {
  std::vector<p::write_op> out;
  if (!s.options.clustered) {
    if (s.settled_seq > s.stored_cursor)
      out.push_back(p::put_event_cursor_op{"triggers", s.settled_seq});
    return out;
  }
  for (auto shard : s.held_shards) {
    if (s.replaying.count(shard)) continue;
    auto stored = s.shard_cursors.find(shard);
    if (stored != s.shard_cursors.end() && stored->second >= s.settled_seq) continue;
    out.push_back(p::put_event_cursor_op{shard_cursor_name(shard), s.settled_seq});
  }
  return out;
}

}  // namespace

std::string shard_cursor_name(std::int64_t shard) { return "triggers:" + std::to_string(shard); }

bool triggers_run_here(const service_state& s, const std::string& type) {
  if (!s.options.clustered) return true;
  return s.shard_count > 0 && s.held_shards.count(p::shard_of(type, s.shard_count)) > 0;
}

void arm_cursor_write(service_actor* self) {
  auto& s = self->state;
  if (s.cursor_write_armed || cursor_writes(s).empty()) return;
  s.cursor_write_armed = true;
  s.options.env->send_after(self, cursor_interval, cursor_atom::value);
}

void settle(service_actor* self) {
  auto& s = self->state;
  while (!s.open.empty() && s.open.begin()->second.streams == 0) {
    s.settled_seq = std::max(s.settled_seq, s.open.begin()->first);
    s.open.erase(s.open.begin());
  }
  arm_cursor_write(self);
}

namespace {

/// Offers to a failed stream's successor before the batch counts as settled without it.
constexpr int stream_offers = 3;

}  // namespace

void offer(service_actor* self, const std::string& type, std::vector<p::event_record> events,
           trigger_list triggers, std::function<void()> answered, int tries) {
  auto shared = std::make_shared<std::vector<p::event_record>>(std::move(events));
  with_stream(self, type, [self, type, shared, triggers, answered, tries](caf::actor stream) {
    self->request(stream, caf::infinite, stored_atom::value, *shared, triggers)
        .then(
            [answered](caf::ok_atom) {
              if (answered) answered();
            },
            [self, type, stream, shared, triggers, answered, tries](caf::error& e) {
              // The error may arrive before the stream's down message: forget it now.
              auto& streams = self->state.streams;
              if (auto it = streams.find(type); it != streams.end() && it->second == stream)
                streams.erase(it);
              if (tries < stream_offers) {
                spdlog::warn("event stream {} failed ({}): offering its events again", type,
                             caf::to_string(e));
                return offer(self, type, std::move(*shared), triggers, answered, tries + 1);
              }
              spdlog::error(
                  "event stream {} failed {} times on events {}..{}: their waits and "
                  "triggers are skipped",
                  type, tries, shared->front().seq, shared->back().seq);
              if (answered) answered();
            });
  });
}

namespace {

/// The answer hook of a counted batch: it settles once every stream answered.
std::function<void()> counted(service_actor* self, std::int64_t batch_seq) {
  ++self->state.open[batch_seq].streams;
  return [self, batch_seq] {
    --self->state.open[batch_seq].streams;
    settle(self);
  };
}

}  // namespace


void dispatch(service_actor* self, std::vector<p::event_record> stored) {
  if (stored.empty()) return;
  if (!self->state.ready) return self->state.held.push_back(std::move(stored));
  offer_batch(self, std::move(stored));
}

void offer_batch(service_actor* self, std::vector<p::event_record> stored) {
  offer_patterns(self, stored);
  auto& s = self->state;
  std::int64_t batch_seq = 0;
  std::map<std::string, std::vector<p::event_record>> by_type;
  for (auto& e : stored) {
    batch_seq = std::max(batch_seq, e.seq);
    auto type = e.type;
    by_type[type].push_back(std::move(e));
  }
  s.open[batch_seq];
  for (auto& [type, events] : by_type) {
    auto triggers = s.triggers.find(type);
    auto runs_here = triggers != s.triggers.end() && triggers_run_here(s, type);
    bool waited = s.waited_types.count(type) > 0;
    if (!runs_here && !waited && !s.streams.count(type)) continue;
    offer(self, type, std::move(events), runs_here ? triggers->second : trigger_list{},
          counted(self, batch_seq));
  }
  settle(self);
}

void offer_waits(service_actor* self, const std::vector<p::event_record>& stored) {
  auto& s = self->state;
  std::map<std::string, std::vector<p::event_record>> by_type;
  for (const auto& e : stored)
    if (s.waited_types.count(e.type) || s.streams.count(e.type)) by_type[e.type].push_back(e);
  for (auto& [type, events] : by_type) offer(self, type, std::move(events), trigger_list{}, {});
}

namespace {

/// Hands newly stored events on: on a single node to the live updates and the streams (waits,
/// triggers, patterns); on a clustered node to the waits here at once: the follower hands every
/// node's events to all of them in storing order (service_follow.cpp; a wait takes an event
/// once, however often it is offered).
void hand_on(service_actor* self, std::vector<p::event_record> fresh) {
  auto& s = self->state;
  if (s.options.clustered) return offer_waits(self, fresh);
  if (s.options.on_stored && !fresh.empty()) s.options.on_stored(fresh);
  dispatch(self, std::move(fresh));
}

/// Stores events and hands the new ones on; `done` gets the stored events or the refusal.
void store_events(service_actor* self, std::vector<p::event_record> events,
                  std::function<void(publish_reply)> done) {
  auto now = self->state.options.env->now_ms();
  for (auto& e : events) {
    if (e.id.empty()) e.id = runtime::random_uuid();
    if (e.timestamp == 0) e.timestamp = now;
    e.stored_at = now;
  }
  p::write_request write{{p::publish_events_op{std::move(events)}}};
  self->request(self->state.store, caf::infinite, std::move(write))
      .then(
          [self, done](p::write_outcome& outcome) {
            if (!outcome) return done(publish_reply(fail(store_failure(outcome.error()))));
            auto* published =
                outcome->empty() ? nullptr : std::get_if<p::published_events>(&outcome->front());
            if (!published)
              return done(publish_reply(fail(
                  event_failure{errc::internal, "publish: the store answered no events", {}})));
            std::vector<p::event_record> fresh;
            for (std::size_t i = 0; i < published->events.size(); ++i)
              if (i >= published->existing.size() || !published->existing[i])
                fresh.push_back(published->events[i]);
            hand_on(self, std::move(fresh));
            done(publish_reply(std::move(published->events)));
          },
          [done](caf::error& e) {
            done(publish_reply(fail(event_failure{errc::unavailable, caf::to_string(e), {}})));
          });
}

}  // namespace

void publish(service_actor* self, publish_request request, caf::response_promise promise) {
  store_events(self, std::move(request.events),
               [promise](publish_reply reply) mutable { promise.deliver(std::move(reply)); });
}

void signal(service_actor* self, signal_request request, caf::response_promise promise) {
  auto executions = caf::actor_cast<executions::executions_actor>(
      self->system().registry().get(executions::executions_registry_name));
  if (!executions)
    return promise.deliver(event_reply(fail(
        event_failure{errc::unavailable, "the executions service is not running; retry", {}})));
  auto id = request.execution_id;
  self->request(executions, caf::infinite, caf::get_atom::value, id)
      .then(
          [self, promise,
           request = std::move(request)](executions::execution_reply& found) mutable {
            if (!found) return promise.deliver(event_reply(fail(found.error())));
            const auto& status = found->status;
            if (status != "pending" && status != "running" && status != "paused")
              return promise.deliver(event_reply(fail(
                  event_failure{errc::conflict,
                                "execution " + request.execution_id + " is " + status +
                                    ": only a pending, running or paused execution takes signals",
                                {}})));
            p::event_record e;
            e.type = request.name;
            e.source = "signal";
            e.correlation_id = request.execution_id;
            e.data = std::move(request.data);
            store_events(self, {std::move(e)}, [promise](publish_reply reply) mutable {
              if (!reply) return promise.deliver(event_reply(fail(std::move(reply.error()))));
              promise.deliver(event_reply(std::move(reply->front())));
            });
          },
          [promise](caf::error& e) mutable {
            promise.deliver(
                event_reply(fail(event_failure{errc::unavailable, caf::to_string(e), {}})));
          });
}

void write_cursor(service_actor* self) {
  auto& s = self->state;
  s.cursor_write_armed = false;
  auto ops = cursor_writes(s);
  if (ops.empty()) return;
  auto seq = s.settled_seq;
  std::vector<std::int64_t> shards;
  for (const auto& op : ops)
    if (auto name = std::get<p::put_event_cursor_op>(op).name; name != "triggers")
      shards.push_back(std::stoll(name.substr(name.find(':') + 1)));
  p::write_request write{std::move(ops)};
  write.wait_for_database = true;
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, seq, shards](p::write_outcome& outcome) {
        auto& s = self->state;
        if (!outcome) {
          spdlog::warn("events: storing the trigger cursor: {}", outcome.error().message);
        } else if (!s.options.clustered) {
          s.stored_cursor = std::max(s.stored_cursor, seq);
        } else {
          for (auto shard : shards)
            if (s.held_shards.count(shard))
              s.shard_cursors[shard] = std::max(s.shard_cursors[shard], seq);
        }
        settle(self);
      });
}

}  // namespace auraos::actors::events::detail
