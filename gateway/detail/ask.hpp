#pragma once
// Asynchronous requests from HTTP handlers to actors: a short-lived actor per request answers
// through the responder, so no io thread ever waits for an actor.

#include <chrono>
#include <string>
#include <utility>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>

#include "gateway/api_error.hpp"
#include "gateway/responder.hpp"

namespace auraos::gateway::detail {

/// How long a handler waits for an actor's answer before it answers 503.
inline constexpr std::chrono::seconds ask_timeout{15};

/// The 503 answer for an actor that did not reply.
inline http_response unavailable_response(const std::string& what) {
  return error_response(make_error(errc::unavailable, what));
}

/// From inside `self`: sends `msg...` to `target` and calls `on_reply(Reply&)` with the answer;
/// an error or a timeout answers 503 through `respond`.
template <class Reply, class Handle, class OnReply, class... Ts>
void ask_from(caf::event_based_actor* self, const Handle& target, const responder& respond,
              OnReply on_reply, Ts... msg) {
  if (!target) {
    respond(unavailable_response("the service is not running"));
    return;
  }
  self->request(target, ask_timeout, std::move(msg)...)
      .then([on_reply](Reply& reply) mutable { on_reply(reply); },
            [self, respond](caf::error& error) {
              respond(unavailable_response("no answer from the service: " +
                                           self->system().render(error)));
            });
}

/// Spawns an actor that runs `body(self)`; it ends once its requests are answered.
template <class Body>
void spawn_asker(caf::actor_system& system, Body body) {
  system.spawn([body](caf::event_based_actor* self) mutable { body(self); });
}

/// Sends `msg...` to `target` and answers with `to_response(Reply&)`.
template <class Reply, class Handle, class ToResponse, class... Ts>
void ask(caf::actor_system& system, const Handle& target, responder respond, ToResponse to_response,
         Ts... msg) {
  spawn_asker(system, [=](caf::event_based_actor* self) {
    ask_from<Reply>(
        self, target, respond, [=](Reply& reply) { respond(to_response(reply)); }, msg...);
  });
}

}  // namespace auraos::gateway::detail
