#pragma once
// A live event subscription of the actor API: the stream route's WebSocket-framed feed, whose
// events are pumped to the subscriber actor as SubscriptionUpdate messages.

#include <functional>
#include <memory>

#include <caf/actor.hpp>

#include "gateway/node_context.hpp"
#include "gateway/router.hpp"
#include "messages/api_calls.pb.h"

namespace auraos::gateway {

/// Opens the stream of `subscription` through `routes` (GET /api/v1/events/stream, so the
/// filter, the resume point and the overflow rule are REST's). `opened` gets 200 once the
/// stream is open, else the error REST answers (Protobuf auraos.v1.Error). Events then go to
/// `subscriber` as `(update_atom, SubscriptionUpdate)` until the stream ends (a last update
/// naming why), the subscriber is gone, or `owner` (the endpoint) exits.
void open_api_subscription(const std::shared_ptr<node_context>& node, const router& routes,
                           const v1::EventSubscription& subscription, caf::actor subscriber,
                           caf::actor owner, std::function<void(http_response)> opened);

}  // namespace auraos::gateway
