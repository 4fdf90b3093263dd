#include "runtime/engine/record_json.hpp"

#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::engine {
namespace {

using google::protobuf::FieldDescriptor;

const FieldDescriptor* kind_field(const messages::HistoryEvent& record) {
  const auto* oneof = record.GetDescriptor()->FindOneofByName("kind");
  return record.GetReflection()->GetOneofFieldDescriptor(record, oneof);
}

/// Turns `outputJson: "<text>"` into `output: <value>` and int64 strings (`deadlineMs`) into
/// numbers.
nlohmann::json expand_json_text(nlohmann::json data) {
  auto result = nlohmann::json::object();
  constexpr std::string_view suffix = "Json";
  for (auto& [key, value] : data.items()) {
    bool is_text = key.size() > suffix.size() && key.ends_with(suffix) && value.is_string();
    if (key.ends_with("Ms") && value.is_string()) {
      result[key] = std::stoll(value.get<std::string>());
      continue;
    }
    if (!is_text) {
      result[key] = value;
      continue;
    }
    auto parsed = runtime::parse_json(value.get<std::string>(), runtime::max_stored_json_depth);
    result[key.substr(0, key.size() - suffix.size())] = parsed ? std::move(*parsed) : value;
  }
  return result;
}

nlohmann::json payload(const messages::HistoryEvent& record, const FieldDescriptor* field) {
  const auto& message = record.GetReflection()->GetMessage(record, field);
  std::string text;
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  if (!google::protobuf::util::MessageToJsonString(message, &text, options).ok())
    return nlohmann::json::object();
  auto data = runtime::parse_json(text, runtime::max_stored_json_depth);
  return data && data->is_object() ? expand_json_text(std::move(*data)) : nlohmann::json::object();
}

}  // namespace

std::string_view record_kind(const messages::HistoryEvent& record) {
  const auto* field = kind_field(record);
  return field ? std::string_view(field->name()) : std::string_view();
}

nlohmann::json record_to_json(const messages::HistoryEvent& record) {
  const auto* field = kind_field(record);
  return {{"kind", record_kind(record)},
          {"nodeId", record.node()},
          {"attempt", record.attempt()},
          {"atMs", record.at_ms()},
          {"data", field ? payload(record, field) : nlohmann::json::object()}};
}

}  // namespace auraos::engine
