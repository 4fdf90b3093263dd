#pragma once
// Which single events a `wait_event` node or a workflow trigger takes: a type, optionally a
// source and a correlation id, and a `where` expression over `event`.

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"
#include "runtime/expr/expression.hpp"

namespace auraos::runtime::events {

/// What an event must be to be taken.
struct event_selector {
  std::string type;                           ///< Equal type.
  std::optional<std::string> source;          ///< Equal source, when given.
  std::optional<std::string> correlation_id;  ///< Equal correlation id, when given.
  std::optional<expr::expression> where;      ///< True over `{"event": ...}`, when given.
};

/// True when `e` (with `rendered` = event_json(e)) is taken by `selector`. A `where` that fails
/// to evaluate or is not a boolean does not take the event.
bool selects(const event_selector& selector, const event& e, const nlohmann::json& rendered);

/// The scope expressions over an event are evaluated in: `{"event": rendered}`.
nlohmann::json event_scope(const nlohmann::json& rendered);

}  // namespace auraos::runtime::events
