// The events service actor: its behaviour, its stream supervisor and its place in the tree.
#include "actors/events/events_service.hpp"

#include <caf/all.hpp>

#include "actors/events/service_state.hpp"
#include "actors/registration.hpp"
#include "actors/supervision/service_subtree.hpp"

namespace auraos::actors::events {
namespace detail {
namespace {

namespace p = persistence;
namespace sv = runtime::supervision;

/// Streams restart after a failure; a stream that stopped by itself (idle) stays stopped.
constexpr int stream_restarts_per_period = 50;

void start_supervisor(service_actor* self) {
  supervision::supervisor_config config;
  config.name = "event-streams";
  config.strategy = sv::strategy::simple_one_for_one;
  config.intensity = {stream_restarts_per_period, std::chrono::seconds(5)};
  config.env = self->state.options.env;
  self->state.supervisor = supervision::spawn_supervisor(self->system(), std::move(config));
  self->link_to(self->state.supervisor);
}

supervision::child_spec stream_child(service_actor* self, const std::string& type) {
  stream_args args{type, caf::actor_cast<caf::actor>(self), self->state.store,
                   self->state.options.env, self->state.options.stream_idle};
  supervision::child_spec spec;
  spec.name = "stream:" + type;
  spec.kind = "stream";
  // The service starts a stream again when it is needed, with the waits it had.
  spec.restart = sv::restart_type::temporary;
  spec.start = [args](caf::local_actor* parent) { return spawn_stream(parent, args); };
  return spec;
}

/// Registers a wait (replacing one of the same execution and node).
void add_wait(service_state& s, const executions::event_wait& w) {
  auto [it, fresh] = s.waits.try_emplace({w.execution_id, w.node}, w);
  if (!fresh) {
    if (--s.waited_types[it->second.type] == 0) s.waited_types.erase(it->second.type);
    it->second = w;
  }
  ++s.waited_types[w.type];
}

/// Forgets a wait.
void remove_wait(
    service_state& s,
    std::map<std::pair<std::string, std::string>, executions::event_wait>::iterator it) {
  if (--s.waited_types[it->second.type] == 0) s.waited_types.erase(it->second.type);
  s.waits.erase(it);
}

/// Sends a wait to the stream of its type.
void send_wait(service_actor* self, const executions::event_wait& w) {
  with_stream(self, w.type, [self, w](caf::actor stream) {
    self->send(stream, executions::await_event_atom::value, w);
  });
}

/// A stream ended: idle or failed; the waits of its type go to its successor.
void on_down(service_actor* self, const caf::down_msg& msg) {
  auto& s = self->state;
  auto it = s.monitored.find(msg.source);
  if (it == s.monitored.end()) return;
  auto type = it->second;
  s.monitored.erase(it);
  auto live = s.streams.find(type);
  if (live != s.streams.end() && live->second.address() == msg.source) s.streams.erase(live);
  // Waits sent to it may have been lost with it (a failure, or a wait that arrived while it
  // stopped for being idle): a stream takes a wait again as a replacement.
  for (const auto& [key, w] : s.waits)
    if (w.type == type) send_wait(self, w);
}

/// Forwards a store read and answers its result as the service's reply type.
template <class Query, class Found, class Reply>
void read(service_actor* self, Query query, caf::response_promise promise) {
  self->request(self->state.store, caf::infinite, std::move(query))
      .then(
          [promise](p::store_result<Found>& found) mutable {
            if (!found)
              return promise.deliver(
                  Reply(fail(event_failure{found.error().code, found.error().message, {}})));
            promise.deliver(Reply(std::move(*found)));
          },
          [promise](caf::error& e) mutable {
            promise.deliver(Reply(fail(event_failure{errc::unavailable, caf::to_string(e), {}})));
          });
}

caf::behavior service(service_actor* self, store::store_actor store, events_options options) {
  self->state.store = std::move(store);
  self->state.options = std::move(options);
  self->state.options.env = env_or_real(self->state.options.env);
  self->set_down_handler([self](caf::down_msg& msg) { on_down(self, msg); });
  register_while_alive(self, executions::events_registry_name);
  start_supervisor(self);
  if (self->state.options.clustered) {
    // Pattern rules wait until this node is the events coordinator; triggers run for the
    // streams of the shards it holds.
    self->state.coordinator = false;
    start_following(self);
  } else {
    start_patterns(self);
  }
  load_triggers(self);
  return {
      [self](publish_atom, publish_request& request) {
        auto promise = self->make_response_promise();
        publish(self, std::move(request), promise);
        return promise;
      },
      [self](event_query& q) {
        auto promise = self->make_response_promise();
        query(self, std::move(q), promise);
        return promise;
      },
      [self](caf::get_atom, const std::string& id) {
        auto promise = self->make_response_promise();
        read<store::get_event_query, p::event_record, event_reply>(self, {id}, promise);
        return promise;
      },
      [self](executions::emit_atom, std::vector<p::event_record>& events) {
        auto promise = self->make_response_promise();
        publish(self, {std::move(events)}, promise);
        return promise;
      },
      [self](correlation_atom, const std::string& id) {
        auto promise = self->make_response_promise();
        read<store::correlated_events_query, std::vector<p::event_record>, event_list_reply>(
            self, {id, 10000}, promise);
        return promise;
      },
      [self](signal_atom, signal_request& request) {
        auto promise = self->make_response_promise();
        signal(self, std::move(request), promise);
        return promise;
      },
      [self](executions::await_event_atom, executions::event_wait& w) {
        add_wait(self->state, w);
        send_wait(self, w);
      },
      [self](executions::forget_wait_atom, const std::string& execution, const std::string& node) {
        auto& s = self->state;
        auto it = s.waits.find({execution, node});
        if (it == s.waits.end()) return;
        if (auto stream = s.streams.find(it->second.type); stream != s.streams.end())
          self->send(stream->second, executions::forget_wait_atom::value, execution, node);
        remove_wait(s, it);
      },
      [self](wait_taken_atom, const std::string& execution, const std::string& node, int attempt) {
        auto& s = self->state;
        auto it = s.waits.find({execution, node});
        if (it != s.waits.end() && it->second.attempt == attempt) remove_wait(s, it);
      },
      [self](workflows_changed_atom) { load_triggers(self); },
      [self](follow_atom) { follow(self); },
      [self](executions::event_shards_atom, std::vector<std::int64_t>& held,
             std::int64_t count) { set_shards(self, std::move(held), count); },
      [self](cursor_atom) { write_cursor(self); },
      [self](supervision::tree_atom) {
        return supervision::collect_service_subtree(
            self, service_state::name, {self->state.supervisor, self->state.patterns});
      },
      [self](supervision::child_atom, const std::string& name) -> caf::result<caf::actor> {
        if (name == "event-streams" && self->state.supervisor) return self->state.supervisor;
        return caf::make_error(caf::sec::runtime_error, std::string{service_state::name} +
                                                            " has no child named '" + name + "'");
      },
  };
}

}  // namespace

void with_stream(service_actor* self, const std::string& type,
                 std::function<void(caf::actor)> work) {
  auto& s = self->state;
  if (auto it = s.streams.find(type); it != s.streams.end()) return work(it->second);
  auto& waiting = s.starting[type];
  waiting.push_back(std::move(work));
  if (waiting.size() > 1) return;
  self->request(s.supervisor, caf::infinite, supervision::add_child_atom::value,
                stream_child(self, type))
      .then(
          [self, type](caf::actor& stream) {
            auto& s = self->state;
            s.streams[type] = stream;
            s.monitored[stream.address()] = type;
            self->monitor(stream);
            auto works = std::move(s.starting[type]);
            s.starting.erase(type);
            for (auto& w : works) w(stream);
          },
          [self, type](caf::error& e) {
            self->state.starting.erase(type);
            self->quit(std::move(e));
          });
}

}  // namespace detail

supervision::child_spec events_service_child(store::store_actor store, events_options options) {
  supervision::child_spec spec;
  spec.name = "events-service";
  spec.kind = "service";
  spec.has_subtree = true;
  spec.start = [store, options](caf::local_actor* parent) {
    return parent->spawn(detail::service, store, options);
  };
  return spec;
}

}  // namespace auraos::actors::events
