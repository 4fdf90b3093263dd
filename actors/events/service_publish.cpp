// Storing events (publish, signals) and handing the new ones to their streams in storing order.
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include "actors/events/service_state.hpp"
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

void settle(service_actor* self) {
  auto& s = self->state;
  while (!s.open.empty() && s.open.begin()->second.streams == 0) {
    s.settled_seq = std::max(s.settled_seq, s.open.begin()->first);
    s.open.erase(s.open.begin());
  }
  if (s.settled_seq > s.stored_cursor && !s.cursor_write_armed) {
    s.cursor_write_armed = true;
    s.options.env->send_after(self, cursor_interval, cursor_atom::value);
  }
}

namespace {

/// Offers to a failed stream's successor before the batch counts as settled without it.
constexpr int stream_offers = 3;

/// Offers one type's share of a batch to its stream; a counted batch (`batch_seq`) settles when
/// every stream answered.
void offer(service_actor* self, const std::string& type, std::vector<p::event_record> events,
           trigger_list triggers, std::optional<std::int64_t> batch_seq, int tries = 1) {
  if (tries == 1 && batch_seq) ++self->state.open[*batch_seq].streams;
  auto shared = std::make_shared<std::vector<p::event_record>>(std::move(events));
  with_stream(self, type, [self, type, shared, triggers, batch_seq, tries](caf::actor stream) {
    self->request(stream, caf::infinite, stored_atom::value, *shared, triggers)
        .then(
            [self, batch_seq](caf::ok_atom) {
              if (!batch_seq) return;
              --self->state.open[*batch_seq].streams;
              settle(self);
            },
            [self, type, stream, shared, triggers, batch_seq, tries](caf::error& e) {
              // The error may arrive before the stream's down message: forget it now.
              auto& streams = self->state.streams;
              if (auto it = streams.find(type); it != streams.end() && it->second == stream)
                streams.erase(it);
              if (tries < stream_offers) {
                spdlog::warn("event stream {} failed ({}): offering its events again", type,
                             caf::to_string(e));
                return offer(self, type, std::move(*shared), triggers, batch_seq, tries + 1);
              }
              spdlog::error(
                  "event stream {} failed {} times on events {}..{}: their waits and "
                  "triggers are skipped",
                  type, tries, shared->front().seq, shared->back().seq);
              if (!batch_seq) return;
              --self->state.open[*batch_seq].streams;
              settle(self);
            });
  });
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
    bool waited = s.waited_types.count(type) > 0;
    if (triggers == s.triggers.end() && !waited && !s.streams.count(type)) continue;
    offer(self, type, std::move(events),
          triggers == s.triggers.end() ? trigger_list{} : triggers->second,
          std::optional<std::int64_t>{batch_seq});
  }
  settle(self);
}

void offer_waits(service_actor* self, const std::vector<p::event_record>& stored) {
  auto& s = self->state;
  std::map<std::string, std::vector<p::event_record>> by_type;
  for (const auto& e : stored)
    if (s.waited_types.count(e.type) || s.streams.count(e.type)) by_type[e.type].push_back(e);
  for (auto& [type, events] : by_type)
    offer(self, type, std::move(events), trigger_list{}, std::nullopt);
}

namespace {

/// Hands newly stored events on: on a single node to the live updates and the streams (waits,
/// triggers, patterns); on a clustered node to the waits here only: the follower hands every
/// node's events to the rest in storing order (service_follow.cpp).
void hand_on(service_actor* self, std::vector<p::event_record> fresh) {
  auto& s = self->state;
  if (s.options.clustered) {
    for (const auto& e : fresh)
      if (e.seq > s.follow_mark) s.own_seqs.insert(e.seq);
    return offer_waits(self, fresh);
  }
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
  if (s.settled_seq <= s.stored_cursor) return;
  auto seq = s.settled_seq;
  p::write_request write{{p::put_event_cursor_op{"triggers", seq}}};
  write.wait_for_database = true;
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, seq](p::write_outcome& outcome) {
        auto& s = self->state;
        if (outcome)
          s.stored_cursor = std::max(s.stored_cursor, seq);
        else
          spdlog::warn("events: storing the trigger cursor: {}", outcome.error().message);
        settle(self);
      });
}

}  // namespace auraos::actors::events::detail
