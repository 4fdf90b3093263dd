// Reading one event object's fields with located problems.

#include "runtime/events/input_error.hpp"

#include <nlohmann/json.hpp>

#include "runtime/engine/time_text.hpp"
#include "runtime/events/event_fields.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::events {

field_reader::field_reader(const nlohmann::json& object, std::string prefix,
                           std::vector<std::string>& problems)
    : object_(object), prefix_(std::move(prefix)), problems_(problems) {}

void field_reader::problem(std::string_view field, std::string_view what) {
  std::string place = prefix_;
  if (!place.empty() && !field.empty()) place += '.';
  place += field;
  if (place.empty()) place = "body";
  problems_.push_back(place + ": " + std::string{what});
}

const nlohmann::json* field_reader::find(std::string_view key) const {
  auto it = object_.find(key);
  return it == object_.end() || it->is_null() ? nullptr : &*it;
}

std::string field_reader::name(std::string_view key) {
  const auto* value = find(key);
  if (!value) return problem(key, "is required"), std::string{};
  if (!value->is_string()) return problem(key, "must be a string"), std::string{};
  auto text = value->get<std::string>();
  if (auto bad = name_problem(text)) problem(key, *bad);
  return text;
}

std::optional<std::string> field_reader::id(std::string_view key) {
  const auto* value = find(key);
  if (!value) return std::nullopt;
  if (!value->is_string()) return problem(key, "must be a string"), std::nullopt;
  auto text = value->get<std::string>();
  if (auto bad = id_problem(text)) problem(key, *bad);
  return text;
}

std::int64_t field_reader::time(std::string_view key) {
  const auto* value = find(key);
  if (!value) return 0;
  auto ms = value->is_string() ? engine::parse_rfc3339_ms(value->get<std::string>()) : std::nullopt;
  if (!ms) problem(key, "must be an RFC 3339 time such as 2026-11-30T10:00:00.000Z");
  return ms.value_or(0);
}

std::string field_reader::json_text(std::string_view key, std::string_view fallback,
                                    bool object_only) {
  auto it = object_.find(key);
  if (it == object_.end() || (object_only && it->is_null())) return std::string{fallback};
  if (object_only && !it->is_object()) problem(key, "must be an object");
  return dump_json(*it);
}

event read_event_fields(field_reader& reader, const event_keys& keys) {
  event e;
  e.id = reader.id("id").value_or("");
  e.type = reader.name("type");
  e.source = reader.name("source");
  e.timestamp = reader.time(keys.time);
  e.data = reader.json_text("data", "{}", false);
  e.correlation_id = reader.id(keys.correlation);
  e.causation_id = reader.id(keys.causation);
  return e;
}

input_error input_problems(std::vector<std::string> problems) {
  auto count = problems.size();
  std::string message = "invalid event: " + problems.front();
  if (count > 1) message += " (and " + std::to_string(count - 1) + " more problems; see details)";
  return input_error{std::move(message), std::move(problems)};
}

}  // namespace auraos::runtime::events
