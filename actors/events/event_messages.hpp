#pragma once
// The requests and replies of the events service as plain values (no CAF): what the gateway,
// the CLI and the execution actors exchange with it. The typed interface is in
// events_service.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/executions/execution_messages.hpp"
#include "persistence/event_record.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::actors::events {

/// A refused request: the executions service's refusal (code, message, details), so the
/// gateway maps both the same way.
using event_failure = executions::execution_failure;

/// Events to store, all or nothing. Each is validated already (runtime/events); an empty id
/// gets a UUID, a zero timestamp the time of storing.
struct publish_request {
  std::vector<persistence::event_record> events;  ///< In order; at most 1,000.
};

/// The stored events, in the order given (an id stored already answers the stored event).
using publish_reply = result<std::vector<persistence::event_record>, event_failure>;

/// A query of stored events: the store's filter, plus a `where` expression over `event`.
struct event_query {
  persistence::event_filter filter;  ///< Filters the store applies.
  std::string where;                 ///< A boolean expression over `event` (empty: none).
  persistence::page_request page;    ///< Where the page starts and how long it is.
};

/// A page of events, or why there is none.
using event_page_reply = result<persistence::page<persistence::event_record>, event_failure>;

/// One event, or why there is none (not_found).
using event_reply = result<persistence::event_record, event_failure>;

/// The events of a correlation id in time order, or why there are none.
using event_list_reply = result<std::vector<persistence::event_record>, event_failure>;

/// A signal to an execution (`POST /api/v1/executions/{id}/signal`).
struct signal_request {
  std::string execution_id;  ///< The execution.
  std::string name;          ///< The event type.
  std::string data = "{}";   ///< JSON text.
};

}  // namespace auraos::actors::events
