#pragma once
// A pattern rule (spec events.md, "Patterns"): what to look for in the event stream and what to
// emit when it is found. Parsed and validated by `parse_rule` (rule_parse.hpp); its JSON form
// for the API is `rule_json` (rule_json.hpp). Semantics: docs/event-patterns.md.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "runtime/expr/expression.hpp"

namespace auraos::runtime::events::patterns {

/// Most steps of a `sequence` rule.
inline constexpr std::size_t max_steps = 10;
/// Largest `count` of a `threshold` rule.
inline constexpr std::int64_t max_count = 1000;
/// Longest `within` of any rule, in seconds (30 days).
inline constexpr double max_within_seconds = 30.0 * 24 * 3600;
/// Longest `windowSeconds` of a `rate` rule (one day).
inline constexpr double max_window_seconds = 24.0 * 3600;
/// Largest `deviations` of a `rate` rule.
inline constexpr double max_deviations = 1000;
/// Longest `by` path, in bytes.
inline constexpr std::size_t max_by_length = 200;
/// Longest rule `name`, in bytes.
inline constexpr std::size_t max_name_length = 200;

/// One condition on an event: its type, and a filter over `{"event": event_json(e)}`.
struct event_step {
  std::string type;                       ///< The event type it matches (exactly).
  std::optional<expr::expression> where;  ///< True for a match; absent: every event of `type`.
};

/// What groups events of one match: a data field path or the event's `correlationId`.
struct by_path {
  std::string text;                    ///< As written: "orderId", "data.orderId", "correlationId".
  bool correlation = false;            ///< True for the literal "correlationId".
  std::vector<std::string> data_path;  ///< Field names below `data` (when not `correlation`).
};

/// `sequence`: the steps in order, all within `within` seconds of the first, per `by` value.
struct sequence_rule {
  std::vector<event_step> steps;  ///< At least 2, at most `max_steps`.
  double within = 0;              ///< Seconds from the first step to the last.
  std::optional<by_path> by;      ///< Equal across the steps when given.
};

/// `absence`: a `first` event not followed by a `then` event (same `by`) within `within`.
struct absence_rule {
  event_step first;           ///< Opens a window.
  event_step then;            ///< Closes the open windows of its `by` value without a match.
  double within = 0;          ///< Seconds.
  std::optional<by_path> by;  ///< Equal between `first` and `then` when given.
};

/// `threshold`: at least `count` matching events within a sliding window, per `by` value.
struct threshold_rule {
  event_step match;           ///< The events counted (`type`, `where`).
  std::int64_t count = 1;     ///< 1 to `max_count`.
  double within = 0;          ///< Seconds.
  std::optional<by_path> by;  ///< Counted separately per value when given.
};

/// `rate`: the count of the last window lies outside mean ± k·stddev of the previous ones.
struct rate_rule {
  event_step match;           ///< The events counted (`type`, optional `where`).
  double window_seconds = 0;  ///< Length of one window.
  double deviations = 0;      ///< k, greater than 0.
};

/// The derived event a rule emits.
struct emit_target {
  std::string type;    ///< Its `type`.
  std::string source;  ///< Its `source`.
};

/// The kinds of rule, in the order of `rule::shape`'s alternatives.
enum class pattern_kind { sequence, absence, threshold, rate };

/// A validated pattern rule.
struct rule {
  std::string id;    ///< May be empty (the service assigns one).
  std::string name;  ///< Non-empty.
  std::variant<sequence_rule, absence_rule, threshold_rule, rate_rule> shape;  ///< The kind.
  emit_target emit;  ///< What a match emits.
  /// The kind held by `shape`.
  pattern_kind kind() const { return static_cast<pattern_kind>(shape.index()); }
};

/// The kind's name as written in JSON: "sequence", "absence", "threshold", "rate".
std::string_view kind_name(pattern_kind kind);

/// Seconds as whole milliseconds (rounded; at least 1 for a positive value).
std::int64_t to_ms(double seconds);

}  // namespace auraos::runtime::events::patterns
