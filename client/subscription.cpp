// Event subscriptions: an actor per subscription opens the stream at the endpoint,
// hands each event to the callback, and reopens it after the last event seen when the
// connection or the stream is lost.

#include <mutex>
#include <set>
#include <thread>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/io/middleman.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>
#include <caf/stateful_actor.hpp>

#include "client/call_building.hpp"
#include "client/client_impl.hpp"
#include "messages/api_endpoint.hpp"

namespace auraos::client {

namespace {

/// How long stop() waits for the subscription's actor to end (a callback may still be running).
constexpr auto stop_deadline = std::chrono::seconds{10};

/// `(reopen_atom)`: open the stream again (after a backoff delay).
using reopen_atom = caf::atom_constant<caf::atom("reopen")>;

struct subscriber_state {
  subscriber_state() = default;  // never an aggregate: see CAF-NOTES.md
  detail::connection* link = nullptr;
  std::shared_ptr<subscription::state> shared;
  v1::EventSubscription filter;
  event_callback on_event;
  end_callback on_end;
  caf::actor endpoint;
  int failures = 0;
  static inline const char* name = "api-subscriber";
};

using subscriber = caf::stateful_actor<subscriber_state>;

/// Runs `f` unless the subscription was stopped (under its lock, so stop() waits for it).
template <class F>
void unless_stopped(subscriber* self, F f) {
  auto& shared = *self->state.shared;
  std::lock_guard lock{shared.mutex};
  if (shared.stopped) return;
  shared.callback_thread = std::this_thread::get_id();
  f();
  shared.callback_thread = {};
}

void reopen_later(subscriber* self) {
  auto& state = self->state;
  if (state.endpoint) self->demonitor(state.endpoint);
  if (state.endpoint) state.link->forget(state.endpoint);
  state.endpoint = nullptr;
  ++state.failures;
  self->delayed_send(self, detail::backoff_delay(state.link->settings(), state.failures),
                     reopen_atom::value);
}

void give_up(subscriber* self, const error& why) {
  unless_stopped(self, [&] {
    if (self->state.on_end) self->state.on_end(why);
  });
  self->quit();
}

/// Asks for the stream at the endpoint.
void request_stream(subscriber* self, caf::actor endpoint) {
  auto& state = self->state;
  state.endpoint = std::move(endpoint);
  self->monitor(state.endpoint);
  self->request(state.endpoint, state.link->settings().call_timeout, api::subscribe_atom::value,
                state.filter, caf::actor_cast<caf::actor>(self))
      .then(
          [self](v1::ApiReply& reply) {
            if (reply.status() == 200) {
              self->state.failures = 0;
              return;
            }
            if (reply.status() == 503) return reopen_later(self);  // a node still starting
            v1::Error envelope;
            envelope.ParseFromString(reply.body());
            give_up(self, error{reply.status(), envelope.error().code(),
                                envelope.error().message()});
          },
          [self](caf::error&) { reopen_later(self); });
}

/// Opens the stream, dialling the node first (asynchronously: it never blocks a thread) when
/// the client has no connection.
void open(subscriber* self) {
  auto* link = self->state.link;
  if (auto known = link->current_endpoint()) return request_stream(self, std::move(known));
  const auto& settings = link->settings();
  self->request(self->home_system().middleman().actor_handle(), settings.connect_timeout,
                caf::connect_atom::value, settings.host, settings.port)
      .then(
          [self, link](const caf::node_id&, caf::strong_actor_ptr& found,
                       const std::set<std::string>&) {
            if (!found) return reopen_later(self);
            auto endpoint = caf::actor_cast<caf::actor>(std::move(found));
            link->adopt(endpoint);
            request_stream(self, std::move(endpoint));
          },
          [self](caf::error&) { reopen_later(self); });
}

caf::behavior subscriber_behavior(subscriber* self, detail::connection* link,
                                  std::shared_ptr<subscription::state> shared,
                                  v1::EventSubscription filter, event_callback on_event,
                                  end_callback on_end) {
  auto& state = self->state;
  state.link = link;
  state.shared = std::move(shared);
  state.filter = std::move(filter);
  state.on_event = std::move(on_event);
  state.on_end = std::move(on_end);
  self->set_down_handler([self](caf::down_msg& down) {
    if (down.source == self->state.endpoint) reopen_later(self);
  });
  self->send(self, reopen_atom::value);
  return {
      [self](reopen_atom) { open(self); },
      [self](api::update_atom, v1::SubscriptionUpdate& update) {
        if (!update.closed().empty()) return reopen_later(self);
        v1::Event event;
        if (!detail::parse_answer(update.event(), event)) return;
        self->state.filter.set_after(event.id());
        unless_stopped(self, [&] { self->state.on_event(event); });
      },
  };
}

}  // namespace

subscription::subscription(std::shared_ptr<state> s) : state_(std::move(s)) {}

subscription::~subscription() {
  stop();
}

void subscription::stop() {
  caf::actor actor;
  bool from_callback = false;
  {
    std::lock_guard lock{state_->mutex};
    if (state_->stopped) return;
    state_->stopped = true;
    actor = std::move(state_->actor);
    from_callback = state_->callback_thread == std::this_thread::get_id();
  }
  if (!actor) return;
  if (from_callback) {
    caf::anon_send_exit(actor, caf::exit_reason::user_shutdown);
    return;
  }
  // Wait for the actor to end: anything it leaves with the system's clock after the clock
  // stops (a backoff timer, a request timeout) would keep the client's actor system from ending.
  caf::scoped_actor self{actor.home_system()};
  self->monitor(actor);
  self->send_exit(actor, caf::exit_reason::user_shutdown);
  self->receive([](caf::down_msg&) {}, caf::after(stop_deadline) >> [] {});
}

result<std::unique_ptr<subscription>> client::subscribe(const v1::EventSubscription& filter,
                                                        event_callback on_event,
                                                        end_callback on_end) {
  if (!on_event) return fail(error{0, "bad_request", "subscribe: on_event is empty"});
  auto shared = std::make_shared<subscription::state>();
  auto* link = &impl_->link;
  {
    std::lock_guard lock{impl_->mutex};
    impl_->subscriptions.push_back(shared);
  }
  auto with_token = filter;
  if (with_token.token().empty()) with_token.set_token(link->settings().token);
  std::lock_guard lock{shared->mutex};
  shared->actor = link->system().spawn(subscriber_behavior, link, shared, with_token,
                                                      std::move(on_event), std::move(on_end));
  return std::unique_ptr<subscription>(new subscription(shared));
}

}  // namespace auraos::client
