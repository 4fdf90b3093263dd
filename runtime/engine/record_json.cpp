#include "runtime/engine/record_json.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::runtime::engine {
namespace {

using google::protobuf::FieldDescriptor;

const FieldDescriptor* kind_field(const v1::HistoryEvent& record) {
  const auto* oneof = record.GetDescriptor()->FindOneofByName("kind");
  return record.GetReflection()->GetOneofFieldDescriptor(record, oneof);
}

/// Whether the message field with this JSON name is a 64-bit integer (which protobuf's JSON
/// mapping writes as a string).
bool is_int64(const google::protobuf::Descriptor& type, const std::string& json_name) {
  for (int i = 0; i < type.field_count(); ++i) {
    const auto* field = type.field(i);
    if (field->json_name() == json_name)
      return field->cpp_type() == FieldDescriptor::CPPTYPE_INT64 ||
             field->cpp_type() == FieldDescriptor::CPPTYPE_UINT64;
  }
  return false;
}

/// A NodeError as the REST API shows errors: the members of `fieldsJson` beside the others.
nlohmann::json expand_error(nlohmann::json error) {
  auto fields = error.find("fieldsJson");
  if (fields == error.end()) return error;
  auto parsed = runtime::parse_json(fields->get<std::string>(), runtime::max_stored_json_depth);
  error.erase(fields);
  if (parsed && parsed->is_object())
    for (auto& [key, value] : parsed->items())
      if (!error.contains(key)) error[key] = value;
  return error;
}

/// Turns `outputJson: "<text>"` into `output: <value>` and int64 strings (`deadlineMs`,
/// `revision`) into numbers.
nlohmann::json expand_json_text(nlohmann::json data, const google::protobuf::Descriptor& type) {
  auto result = nlohmann::json::object();
  constexpr std::string_view suffix = "Json";
  for (auto& [key, value] : data.items()) {
    bool is_text = key.size() > suffix.size() && key.ends_with(suffix) && value.is_string();
    if (value.is_string() && is_int64(type, key)) {
      result[key] = std::stoll(value.get<std::string>());
      continue;
    }
    if (key == "error" && value.is_object()) {
      result[key] = expand_error(std::move(value));
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

nlohmann::json payload(const v1::HistoryEvent& record, const FieldDescriptor* field) {
  const auto& message = record.GetReflection()->GetMessage(record, field);
  std::string text;
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  if (!google::protobuf::util::MessageToJsonString(message, &text, options).ok())
    return nlohmann::json::object();
  auto data = runtime::parse_json(text, runtime::max_stored_json_depth);
  return data && data->is_object() ? expand_json_text(std::move(*data), *message.GetDescriptor())
                                   : nlohmann::json::object();
}

}  // namespace

std::string_view record_kind(const v1::HistoryEvent& record) {
  const auto* field = kind_field(record);
  return field ? std::string_view(field->name()) : std::string_view();
}

nlohmann::json record_to_json(const v1::HistoryEvent& record) {
  const auto* field = kind_field(record);
  return {{"kind", record_kind(record)},
          {"nodeId", record.node()},
          {"attempt", record.attempt()},
          {"atMs", record.at_ms()},
          {"data", field ? payload(record, field) : nlohmann::json::object()}};
}

}  // namespace auraos::runtime::engine
