#pragma once
// The actor a node publishes on `--api-listen` (docs/client.md): its messages and how both
// sides register them. Header-only; CAF and the generated messages.

#include <caf/actor_system_config.hpp>
#include <caf/atom.hpp>

#include "messages/api_calls.pb.h"
#include "messages/protobuf_inspect.hpp"

namespace auraos::api {

/// One REST operation, asked of the node.
using call_atom = caf::atom_constant<caf::atom("apicall")>;
/// Opens a live event subscription; its updates go to the actor given.
using subscribe_atom = caf::atom_constant<caf::atom("apisub")>;
/// One update of a subscription, sent to its subscriber.
using update_atom = caf::atom_constant<caf::atom("apiupdate")>;

// The published endpoint is a dynamically typed actor that answers
//   (call_atom, ApiCall)                              -> ApiReply
//   (subscribe_atom, EventSubscription, caf::actor)   -> ApiReply (200 once open, else the error)
// and sends each subscriber (update_atom, SubscriptionUpdate) until the stream ends (an update
// with `closed`) or the subscriber is gone.

/// Registers the API's messages under their stable names (both the node and the client).
inline void add_api_message_types(caf::actor_system_config& config) {
  config.add_message_type<v1::ApiCall>("auraos.api.call");
  config.add_message_type<v1::ApiReply>("auraos.api.reply");
  config.add_message_type<v1::EventSubscription>("auraos.api.event_subscription");
  config.add_message_type<v1::SubscriptionUpdate>("auraos.api.subscription_update");
}

}  // namespace auraos::api
