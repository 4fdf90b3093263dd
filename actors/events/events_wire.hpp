#pragma once
// The wire form (CAF inspect overloads) of the events service's requests, so they can cross
// nodes; included where the typed interface is (events_service.hpp).

#include <caf/meta/type_name.hpp>

#include "actors/events/event_messages.hpp"
#include "actors/executions/executions_wire.hpp"
#include "actors/store/store_wire.hpp"

namespace auraos::actors::events {

/// Inspects a publish request.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, publish_request& x) {
  return f(caf::meta::type_name("publish_request"), x.events);
}

/// Inspects a query of stored events.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_query& x) {
  return f(caf::meta::type_name("event_query"), x.filter, x.where, x.page);
}

/// Inspects a signal.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, signal_request& x) {
  return f(caf::meta::type_name("signal_request"), x.execution_id, x.name, x.data);
}

}  // namespace auraos::actors::events
