// Pumping a WebSocket-framed event stream to a subscriber actor.

#include "gateway/api_subscription.hpp"

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/send.hpp>
#include <caf/stateful_actor.hpp>
#include <spdlog/spdlog.h>

#include "gateway/protobuf_codec.hpp"
#include "messages/api_endpoint.hpp"

namespace auraos::gateway {
namespace {

struct pump_state {
  pump_state() = default;  // never an aggregate: see CAF-NOTES.md
  std::shared_ptr<stream_writer> writer;
  caf::actor subscriber;
  static inline const char* name = "api-subscription";
};

using pump_actor = caf::stateful_actor<pump_state>;

v1::SubscriptionUpdate closed_update(std::string why) {
  v1::SubscriptionUpdate update;
  update.set_closed(why.empty() ? std::string{"ended"} : std::move(why));
  return update;
}

/// Sends what the stream queued; ends the pump when the stream closed.
void pump(pump_actor* self) {
  auto& state = self->state;
  auto batch = state.writer->take();
  for (const auto& chunk : batch.chunks) {
    auto event = json_to_protobuf({"auraos.v1.Event"}, *chunk);
    if (!event) {
      spdlog::error("api: a streamed event does not fit auraos.v1.Event: {}", event.error());
      continue;
    }
    v1::SubscriptionUpdate update;
    update.set_event(std::move(*event));
    self->send(state.subscriber, api::update_atom::value, std::move(update));
  }
  if (!batch.finish) return;
  auto why = batch.close_code == 1008 ? std::string{"overflow"} : batch.close_reason;
  self->send(state.subscriber, api::update_atom::value, closed_update(std::move(why)));
  self->quit();
}

caf::behavior pump_behavior(pump_actor* self, std::shared_ptr<stream_writer> writer,
                            caf::actor subscriber, caf::actor owner) {
  self->state.writer = writer;
  self->state.subscriber = subscriber;
  self->link_to(owner);
  self->monitor(subscriber);
  self->set_down_handler([self](caf::down_msg&) { self->quit(); });
  self->attach_functor([writer] { writer->finish(); });
  auto me = caf::actor_cast<caf::actor>(self);
  writer->connect([me] { caf::anon_send(me, caf::tick_atom::value); });
  return {[self](caf::tick_atom) { pump(self); }};
}

/// GET /api/v1/events/stream with the subscription's filter, as a WebSocket upgrade.
http_request stream_request(const v1::EventSubscription& subscription) {
  http_request out;
  out.method = "GET";
  out.path = "/api/v1/events/stream";
  auto add = [&out](const char* name, const std::string& value) {
    if (value.empty()) return;
    out.query.emplace(name, value);
  };
  std::string types;
  for (const auto& type : subscription.types()) types += (types.empty() ? "" : ",") + type;
  add("type", types);
  add("source", subscription.source());
  add("correlationId", subscription.correlation_id());
  add("where", subscription.where());
  add("after", subscription.after());
  out.target = target_of(out.path, out.query);
  out.headers.set("Upgrade", "websocket");
  out.headers.set("Connection", "Upgrade");
  if (!subscription.token().empty())
    out.headers.set("Authorization", "Bearer " + subscription.token());
  out.peer = "actor-api";
  return out;
}

}  // namespace

void open_api_subscription(const std::shared_ptr<node_context>& node, const router& routes,
                           const v1::EventSubscription& subscription, caf::actor subscriber,
                           caf::actor owner, std::function<void(http_response)> opened) {
  auto* system = &node->system();
  auto refused = [opened](http_response response) {
    if (auto bytes = json_to_protobuf({"auraos.v1.Error"}, response.body)) {
      response.body = std::move(*bytes);
      response.headers.set("AuraOS-Message", "auraos.v1.Error");
    }
    opened(std::move(response));
  };
  auto open = [system, subscriber, owner, opened](http_response, std::shared_ptr<stream_writer> writer,
                                                  const stream_options&) {
    system->spawn(pump_behavior, std::move(writer), subscriber, owner);
    http_response ok;
    ok.status = 200;
    opened(std::move(ok));
  };
  routes.dispatch(stream_request(subscription), responder(refused, open));
}

}  // namespace auraos::gateway
