#pragma once
// Why published events were refused: each problem names its place (`[3].type`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"

namespace auraos::runtime::events {

/// The problems of a publish body; the gateway answers them as 422 with `details`.
struct input_error {
  /// A sentence naming the first problem and how many there are.
  std::string message;
  /// One line per problem: "[3].type: is required" (a single event: "type: is required").
  std::vector<std::string> details;
};

/// Reads the fields of one event object, noting each problem with its place.
class field_reader {
 public:
  /// Reads `object`; problems are named `prefix.field` (prefix "[3]" in a batch, "" alone).
  field_reader(const nlohmann::json& object, std::string prefix,
               std::vector<std::string>& problems);

  /// Notes a problem of `field` (empty: of the object itself).
  void problem(std::string_view field, std::string_view what);
  /// A required name (`type`, `source`) at `key`.
  std::string name(std::string_view key);
  /// An optional id at `key` (absent or null: nullopt).
  std::optional<std::string> id(std::string_view key);
  /// An optional RFC 3339 time at `key` in ms (absent or null: 0, the time of storing).
  std::int64_t time(std::string_view key);
  /// The JSON text of `key`, or `fallback` when absent; `object_only` refuses other values.
  std::string json_text(std::string_view key, std::string_view fallback, bool object_only);

 private:
  /// The value at `key`, or null when absent.
  const nlohmann::json* find(std::string_view key) const;

  const nlohmann::json& object_;
  std::string prefix_;
  std::vector<std::string>& problems_;
};

/// The keys of an event's fields that differ between the API's shape and CloudEvents.
struct event_keys {
  std::string_view time;         ///< "timestamp" or "time".
  std::string_view correlation;  ///< "correlationId" or "correlationid".
  std::string_view causation;    ///< "causationId" or "causationid".
};

/// Reads id, type, source, time, data and the correlation and causation ids (not metadata).
event read_event_fields(field_reader& reader, const event_keys& keys);

/// The error for `problems` (not empty).
input_error input_problems(std::vector<std::string> problems);

}  // namespace auraos::runtime::events
