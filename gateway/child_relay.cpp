// The relay of child ends between nodes: CAF-serialized attempt outcomes in forwarded calls.
#include "gateway/child_relay.hpp"

#include <chrono>
#include <vector>

#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/binary_deserializer.hpp>
#include <caf/binary_serializer.hpp>
#include <caf/event_based_actor.hpp>

#include "actors/executions/execution.hpp"
#include "persistence/shards.hpp"

namespace auraos::gateway {

namespace {

namespace ex = actors::executions;

/// Tries of one child end: every second for ten minutes.
constexpr int relay_tries = 600;

std::string serialized(caf::actor_system& system, ex::attempt_outcome outcome) {
  std::vector<char> buffer;
  caf::binary_serializer sink{system, buffer};
  if (auto error = sink(outcome)) return {};
  return {buffer.begin(), buffer.end()};
}

void relay(caf::event_based_actor* self, std::shared_ptr<node_context> node, std::string parent,
           ex::attempt_outcome outcome, int tries_left);

void retry_later(caf::event_based_actor* self, std::string parent, ex::attempt_outcome outcome,
                 int tries_left) {
  if (tries_left <= 0) return;
  self->delayed_send(self, std::chrono::seconds(1), ex::relay_atom::value, parent, outcome,
                     tries_left - 1);
}

void relay(caf::event_based_actor* self, std::shared_ptr<node_context> node, std::string parent,
           ex::attempt_outcome outcome, int tries_left) {
  auto link = node->cluster();
  auto view = link.board->snapshot();
  auto owner = link.board->owner_of(persistence::shard_of(parent, view->shards));
  if (!owner || !link.peers) return retry_later(self, parent, outcome, tries_left);
  if (*owner == view->self) {  // the parent's shard came here meanwhile
    auto service = caf::actor_cast<caf::actor>(node->executions());
    if (!service) return retry_later(self, parent, outcome, tries_left);
    self->request(service, std::chrono::seconds(10), ex::relay_atom::value, parent, outcome)
        .then([=](bool taken) { if (!taken) retry_later(self, parent, outcome, tries_left); },
              [=](caf::error&) { retry_later(self, parent, outcome, tries_left); });
    return;
  }
  v1::ForwardRequest call;
  call.set_kind(child_end_kind);
  call.set_execution_id(parent);
  call.set_body(serialized(self->system(), outcome));
  self->request(link.peers, link.forward_timeout + std::chrono::seconds(1),
                cluster::forward_atom::value, *owner, call)
      .then(
          [=](cluster::forward_reply& reply) {
            if (!reply || reply->status() != 202) retry_later(self, parent, outcome, tries_left);
          },
          [=](caf::error&) { retry_later(self, parent, outcome, tries_left); });
}

}  // namespace

caf::actor spawn_child_relay(std::shared_ptr<node_context> node) {
  auto& system = node->system();
  auto actor = system.spawn([node](caf::event_based_actor* self) -> caf::behavior {
    return {
        [self, node](ex::relay_atom, std::string& parent, ex::attempt_outcome& outcome) {
          relay(self, node, std::move(parent), std::move(outcome), relay_tries);
        },
        [self, node](ex::relay_atom, std::string& parent, ex::attempt_outcome& outcome,
                     int tries_left) {
          relay(self, node, std::move(parent), std::move(outcome), tries_left);
        },
    };
  });
  system.registry().put(ex::relay_registry_name, caf::actor_cast<caf::strong_actor_ptr>(actor));
  actor->attach_functor([&system] { system.registry().erase(ex::relay_registry_name); });
  return actor;
}

void take_child_end(caf::event_based_actor* self, const std::shared_ptr<node_context>& node,
                    const v1::ForwardRequest& call, std::function<void(v1::ForwardReply)> answer) {
  auto reply_with = [answer](int status) {
    v1::ForwardReply reply;
    reply.set_status(status);
    answer(std::move(reply));
  };
  ex::attempt_outcome outcome;
  caf::binary_deserializer source{node->system(), call.body().data(), call.body().size()};
  auto service = caf::actor_cast<caf::actor>(node->executions());
  if (source(outcome) || !service) return reply_with(503);
  self->request(service, std::chrono::seconds(10), ex::relay_atom::value, call.execution_id(),
                outcome)
      .then([reply_with](bool taken) { reply_with(taken ? 202 : 503); },
            [reply_with](caf::error&) { reply_with(503); });
}

}  // namespace auraos::gateway
