#pragma once
// Which events a list or a live subscription takes (spec events.md, "REST"): types, source,
// time range, correlation id and a `where` expression over `event`, checked in memory.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"
#include "runtime/expr/expression.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events {

/// A filter of events; empty members take everything.
struct event_filter {
  std::vector<std::string> types;             ///< Any of these types.
  std::optional<std::string> source;          ///< This source.
  std::optional<std::int64_t> from_ms;        ///< timestamp >= from_ms.
  std::optional<std::int64_t> to_ms;          ///< timestamp < to_ms.
  std::optional<std::string> correlation_id;  ///< This correlation id.
  std::optional<expr::expression> where;      ///< Must evaluate to true over `event`.

  /// True when `e` passes every member but `where`.
  bool matches_fields(const event& e) const;
  /// True when `e` passes every member; `scope` is where_scope(e) (read only with a `where`).
  bool matches(const event& e, const nlohmann::json& scope) const;
  /// True when `e` passes every member (renders the scope itself when there is a `where`).
  bool matches(const event& e) const;
};

/// The names a `where` sees for `e`: `{"event": event_json(e)}`.
nlohmann::json where_scope(const event& e);

/// True when `where` evaluates to `true` over `scope`; an evaluation error or a value other
/// than a boolean is false.
bool where_holds(const expr::expression& where, const nlohmann::json& scope);

/// Parses a `where` text; the error reads "where: position N: problem".
result<expr::expression, std::string> parse_where(std::string_view text);

}  // namespace auraos::runtime::events
