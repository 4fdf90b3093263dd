// The proto3 JSON mapping, message -> JSON, by reflection and without a depth limit of its own
// (the Protobuf parser's recursion limit bounds what arrives).

#include "gateway/protobuf_json_mapping.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>
#include <nlohmann/json.hpp>

#include "gateway/detail/protobuf_special.hpp"

namespace auraos::gateway {
namespace {

namespace pb = google::protobuf;
using nlohmann::json;
using cpp_type = pb::FieldDescriptor::CppType;
using detail::special;
using detail::special_of;

json message_json(const pb::Message& message, bool with_defaults);

/// A double as JSON: integral values as integers (as libprotobuf prints them), NaN and the
/// infinities as the mapping's strings.
json double_json(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == std::trunc(value) && std::fabs(value) < 9007199254740992.0)
    return static_cast<std::int64_t>(value);
  return value;
}

/// One value of `field` (element `index` when repeated, -1 when singular).
json field_value_json(const pb::Message& message, const pb::FieldDescriptor& field, int index,
                      bool with_defaults) {
  const auto& reflection = *message.GetReflection();
  bool repeated = index >= 0;
  switch (field.cpp_type()) {
    case cpp_type::CPPTYPE_INT32:
      return repeated ? reflection.GetRepeatedInt32(message, &field, index)
                      : reflection.GetInt32(message, &field);
    case cpp_type::CPPTYPE_UINT32:
      return repeated ? reflection.GetRepeatedUInt32(message, &field, index)
                      : reflection.GetUInt32(message, &field);
    case cpp_type::CPPTYPE_INT64:  // the mapping writes 64-bit integers as strings
      return std::to_string(repeated ? reflection.GetRepeatedInt64(message, &field, index)
                                     : reflection.GetInt64(message, &field));
    case cpp_type::CPPTYPE_UINT64:
      return std::to_string(repeated ? reflection.GetRepeatedUInt64(message, &field, index)
                                     : reflection.GetUInt64(message, &field));
    case cpp_type::CPPTYPE_DOUBLE:
      return double_json(repeated ? reflection.GetRepeatedDouble(message, &field, index)
                                  : reflection.GetDouble(message, &field));
    case cpp_type::CPPTYPE_FLOAT:
      return double_json(repeated ? reflection.GetRepeatedFloat(message, &field, index)
                                  : reflection.GetFloat(message, &field));
    case cpp_type::CPPTYPE_BOOL:
      return repeated ? reflection.GetRepeatedBool(message, &field, index)
                      : reflection.GetBool(message, &field);
    case cpp_type::CPPTYPE_ENUM: {
      const auto* value = repeated ? reflection.GetRepeatedEnum(message, &field, index)
                                   : reflection.GetEnum(message, &field);
      return value->name();
    }
    case cpp_type::CPPTYPE_STRING:
      return repeated ? reflection.GetRepeatedString(message, &field, index)
                      : reflection.GetString(message, &field);
    case cpp_type::CPPTYPE_MESSAGE:
      return message_json(repeated ? reflection.GetRepeatedMessage(message, &field, index)
                                   : reflection.GetMessage(message, &field),
                          with_defaults);
  }
  return nullptr;
}

/// A map field as an object (the API's maps are keyed by strings).
json map_json(const pb::Message& message, const pb::FieldDescriptor& field, bool with_defaults) {
  const auto& reflection = *message.GetReflection();
  auto out = json::object();
  const auto& entry_type = *field.message_type();
  for (int i = 0; i < reflection.FieldSize(message, &field); ++i) {
    const auto& entry = reflection.GetRepeatedMessage(message, &field, i);
    auto key = field_value_json(entry, *entry_type.map_key(), -1, with_defaults);
    out[key.is_string() ? key.get<std::string>() : key.dump()] =
        field_value_json(entry, *entry_type.map_value(), -1, with_defaults);
  }
  return out;
}

json value_json(const pb::Message& value);

json struct_json(const pb::Message& structure) {
  const auto& fields = *structure.GetDescriptor()->FindFieldByName("fields");
  const auto& reflection = *structure.GetReflection();
  auto out = json::object();
  for (int i = 0; i < reflection.FieldSize(structure, &fields); ++i) {
    const auto& entry = reflection.GetRepeatedMessage(structure, &fields, i);
    const auto& entry_reflection = *entry.GetReflection();
    const auto* entry_type = entry.GetDescriptor();
    out[entry_reflection.GetString(entry, entry_type->map_key())] =
        value_json(entry_reflection.GetMessage(entry, entry_type->map_value()));
  }
  return out;
}

json list_json(const pb::Message& list) {
  const auto& values = *list.GetDescriptor()->FindFieldByName("values");
  const auto& reflection = *list.GetReflection();
  auto out = json::array();
  for (int i = 0; i < reflection.FieldSize(list, &values); ++i)
    out.push_back(value_json(reflection.GetRepeatedMessage(list, &values, i)));
  return out;
}

json value_json(const pb::Message& value) {
  const auto& reflection = *value.GetReflection();
  const auto* kind = reflection.GetOneofFieldDescriptor(value, value.GetDescriptor()->oneof_decl(0));
  if (kind == nullptr) return nullptr;
  const auto& name = kind->name();
  if (name == "number_value") return double_json(reflection.GetDouble(value, kind));
  if (name == "string_value") return reflection.GetString(value, kind);
  if (name == "bool_value") return reflection.GetBool(value, kind);
  if (name == "struct_value") return struct_json(reflection.GetMessage(value, kind));
  if (name == "list_value") return list_json(reflection.GetMessage(value, kind));
  return nullptr;  // null_value
}

json message_json(const pb::Message& message, bool with_defaults) {
  const auto& type = *message.GetDescriptor();
  switch (special_of(type)) {
    case special::value: return value_json(message);
    case special::structure: return struct_json(message);
    case special::list: return list_json(message);
    case special::wrapper: return field_value_json(message, *type.field(0), -1, with_defaults);
    case special::none: break;
  }
  const auto& reflection = *message.GetReflection();
  auto out = json::object();
  for (int i = 0; i < type.field_count(); ++i) {
    const auto& field = *type.field(i);
    if (field.is_map()) {
      if (with_defaults || reflection.FieldSize(message, &field) > 0)
        out[field.json_name()] = map_json(message, field, with_defaults);
    } else if (field.is_repeated()) {
      auto size = reflection.FieldSize(message, &field);
      if (!with_defaults && size == 0) continue;
      auto list = json::array();
      for (int at = 0; at < size; ++at)
        list.push_back(field_value_json(message, field, at, with_defaults));
      out[field.json_name()] = std::move(list);
    } else if (reflection.HasField(message, &field) ||
               (with_defaults && !field.has_presence())) {
      out[field.json_name()] = field_value_json(message, field, -1, with_defaults);
    }
  }
  return out;
}

}  // namespace

json message_to_json(const pb::Message& message, bool with_defaults) {
  return message_json(message, with_defaults);
}

}  // namespace auraos::gateway
