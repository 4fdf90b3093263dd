// Validating published events in the API's own shape.

#include "runtime/events/event_input.hpp"

#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events {
namespace {

constexpr std::array<std::string_view, 8> known_fields{
    "id", "type", "source", "timestamp", "data", "metadata", "correlationId", "causationId"};

bool is_known(const std::string& key) {
  for (auto field : known_fields)
    if (field == key) return true;
  return false;
}

event parse_api_event(const nlohmann::json& object, field_reader& reader) {
  auto e = read_event_fields(reader, {"timestamp", "correlationId", "causationId"});
  e.metadata = reader.json_text("metadata", "{}", true);
  for (const auto& item : object.items())
    if (!is_known(item.key())) reader.problem(item.key(), "is not a field of an event");
  return e;
}

}  // namespace

input_result parse_event_batch(const nlohmann::json& body, bool batch_only,
                               const object_parser& parse) {
  std::vector<std::string> problems;
  std::vector<event> events;
  auto read = [&](const nlohmann::json& object, std::string prefix) {
    field_reader reader{object, std::move(prefix), problems};
    if (!object.is_object()) return reader.problem("", "must be a JSON object");
    events.push_back(parse(object, reader));
  };
  if (body.is_array()) {
    if (body.size() > max_batch_events)
      return fail(input_problems({"body: a batch holds at most " +
                                  std::to_string(max_batch_events) + " events, got " +
                                  std::to_string(body.size())}));
    for (std::size_t i = 0; i < body.size(); ++i) read(body[i], "[" + std::to_string(i) + "]");
  } else if (body.is_object() && !batch_only) {
    read(body, "");
  } else {
    return fail(input_problems(
        {batch_only ? "body: must be a JSON array of events"
                    : "body: must be an event object or an array of at most 1000 events"}));
  }
  if (!problems.empty()) return fail(input_problems(std::move(problems)));
  return events;
}

input_result parse_published_events(const nlohmann::json& body) {
  return parse_event_batch(body, false, parse_api_event);
}

}  // namespace auraos::runtime::events
