// CloudEvents 1.0 structured mode to event values.

#include "runtime/events/cloud_event.hpp"

#include <array>

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::runtime::events {
namespace {

/// Attributes that become fields of the event rather than metadata.
constexpr std::array<std::string_view, 8> mapped_attributes{
    "specversion", "id",   "type",          "source",
    "time",        "data", "correlationid", "causationid"};

bool is_mapped(const std::string& key) {
  for (auto attribute : mapped_attributes)
    if (attribute == key) return true;
  return false;
}

event parse_cloud_event(const nlohmann::json& object, field_reader& reader) {
  auto version = object.find("specversion");
  if (version == object.end() || version->is_null())
    reader.problem("specversion", "is required (\"1.0\")");
  else if (*version != "1.0")
    reader.problem("specversion", "must be \"1.0\", got " + dump_json(*version));
  if (object.contains("data_base64"))
    reader.problem("data_base64", "is not supported: send the data as JSON in `data`");
  auto e = read_event_fields(reader, {"time", "correlationid", "causationid"});
  auto metadata = nlohmann::json::object();
  for (const auto& item : object.items())
    if (!is_mapped(item.key()) && item.key() != "data_base64") metadata[item.key()] = item.value();
  e.metadata = dump_json(metadata);
  return e;
}

}  // namespace

input_result parse_cloud_events(const nlohmann::json& body, bool batch) {
  return parse_event_batch(body, batch, parse_cloud_event);
}

}  // namespace auraos::runtime::events
