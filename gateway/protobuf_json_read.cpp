// The proto3 JSON mapping, JSON -> message, by reflection and without a depth limit of its own
// (the JSON parser's depth limit bounds what arrives).

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

/// Why a value does not fit, naming where.
std::string mismatch(const std::string& path, const char* wanted, const json& got) {
  return path + ": expected " + wanted + ", found " + got.type_name();
}

std::optional<std::string> fill_message(const json& in, pb::Message& message,
                                        const std::string& path);

/// A number of `in` (a JSON number or a numeric string, as the mapping allows), or why not.
std::optional<double> number_of(const json& in) {
  if (in.is_number()) return in.get<double>();
  if (!in.is_string()) return std::nullopt;
  const auto& text = in.get_ref<const std::string&>();
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (text == "Infinity") return std::numeric_limits<double>::infinity();
  if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
  try {
    std::size_t used = 0;
    double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

/// An integer of `in` within [low, high], or nullopt.
template <class T>
std::optional<T> integer_of(const json& in) {
  if (in.is_number_integer()) {
    if (in.is_number_unsigned()) {
      auto value = in.get<std::uint64_t>();
      if (value > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) return std::nullopt;
      return static_cast<T>(value);
    }
    auto value = in.get<std::int64_t>();
    if (value < static_cast<std::int64_t>(std::numeric_limits<T>::lowest()) ||
        (value > 0 && static_cast<std::uint64_t>(value) >
                          static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
      return std::nullopt;
    return static_cast<T>(value);
  }
  auto number = number_of(in);
  if (!number || *number != std::trunc(*number) ||
      *number < static_cast<double>(std::numeric_limits<T>::lowest()) ||
      *number > static_cast<double>(std::numeric_limits<T>::max()))
    return std::nullopt;
  return static_cast<T>(*number);
}

/// A Reflection setter (or adder) of one integer type.
template <class T>
using integer_setter = void (pb::Reflection::*)(pb::Message*, const pb::FieldDescriptor*, T) const;

/// Sets (or adds, when `add`) the integer `in` to `field`, or says it is not `wanted`.
template <class T>
std::optional<std::string> put_integer(const json& in, pb::Message& message,
                                       const pb::FieldDescriptor& field, bool add,
                                       const std::string& path, const char* wanted,
                                       integer_setter<T> set, integer_setter<T> add_one) {
  auto value = integer_of<T>(in);
  if (!value) return mismatch(path, wanted, in);
  (message.GetReflection()->*(add ? add_one : set))(&message, &field, *value);
  return std::nullopt;
}

/// Sets (or adds, when `add`) one value of scalar or message `field` from `in`.
std::optional<std::string> put_value(const json& in, pb::Message& message,
                                     const pb::FieldDescriptor& field, bool add,
                                     const std::string& path) {
  const auto& reflection = *message.GetReflection();
  switch (field.cpp_type()) {
    case cpp_type::CPPTYPE_INT32:
      return put_integer<std::int32_t>(in, message, field, add, path, "a 32-bit integer",
                                       &pb::Reflection::SetInt32, &pb::Reflection::AddInt32);
    case cpp_type::CPPTYPE_UINT32:
      return put_integer<std::uint32_t>(in, message, field, add, path,
                                        "an unsigned 32-bit integer", &pb::Reflection::SetUInt32,
                                        &pb::Reflection::AddUInt32);
    case cpp_type::CPPTYPE_INT64:
      return put_integer<std::int64_t>(in, message, field, add, path, "a 64-bit integer",
                                       &pb::Reflection::SetInt64, &pb::Reflection::AddInt64);
    case cpp_type::CPPTYPE_UINT64:
      return put_integer<std::uint64_t>(in, message, field, add, path,
                                        "an unsigned 64-bit integer", &pb::Reflection::SetUInt64,
                                        &pb::Reflection::AddUInt64);
    case cpp_type::CPPTYPE_DOUBLE:
    case cpp_type::CPPTYPE_FLOAT: {
      auto value = number_of(in);
      if (!value) return mismatch(path, "a number", in);
      if (field.cpp_type() == cpp_type::CPPTYPE_FLOAT)
        add ? reflection.AddFloat(&message, &field, static_cast<float>(*value))
            : reflection.SetFloat(&message, &field, static_cast<float>(*value));
      else
        add ? reflection.AddDouble(&message, &field, *value)
            : reflection.SetDouble(&message, &field, *value);
      return std::nullopt;
    }
    case cpp_type::CPPTYPE_BOOL:
      if (!in.is_boolean()) return mismatch(path, "true or false", in);
      add ? reflection.AddBool(&message, &field, in.get<bool>())
          : reflection.SetBool(&message, &field, in.get<bool>());
      return std::nullopt;
    case cpp_type::CPPTYPE_ENUM: {
      const auto* value = in.is_string() ? field.enum_type()->FindValueByName(in.get<std::string>())
                                         : nullptr;
      if (value == nullptr) return mismatch(path, "one of the enum's names", in);
      add ? reflection.AddEnum(&message, &field, value)
          : reflection.SetEnum(&message, &field, value);
      return std::nullopt;
    }
    case cpp_type::CPPTYPE_STRING:
      if (field.type() == pb::FieldDescriptor::TYPE_BYTES)
        return path + ": bytes fields are not part of the JSON API";
      if (!in.is_string()) return mismatch(path, "a string", in);
      add ? reflection.AddString(&message, &field, in.get<std::string>())
          : reflection.SetString(&message, &field, in.get<std::string>());
      return std::nullopt;
    case cpp_type::CPPTYPE_MESSAGE: {
      auto* child = add ? reflection.AddMessage(&message, &field)
                        : reflection.MutableMessage(&message, &field);
      return fill_message(in, *child, path);
    }
  }
  return path + ": a field of an unknown kind";
}

std::optional<std::string> fill_value(const json& in, pb::Message& value, const std::string& path);

std::optional<std::string> fill_struct(const json& in, pb::Message& structure,
                                       const std::string& path) {
  if (!in.is_object()) return mismatch(path, "an object", in);
  const auto& fields = *structure.GetDescriptor()->FindFieldByName("fields");
  const auto& reflection = *structure.GetReflection();
  for (const auto& [key, member] : in.items()) {
    auto* entry = reflection.AddMessage(&structure, &fields);
    const auto* entry_type = entry->GetDescriptor();
    entry->GetReflection()->SetString(entry, entry_type->map_key(), key);
    auto* slot = entry->GetReflection()->MutableMessage(entry, entry_type->map_value());
    if (auto why = fill_value(member, *slot, path + "." + key)) return why;
  }
  return std::nullopt;
}

std::optional<std::string> fill_list(const json& in, pb::Message& list, const std::string& path) {
  if (!in.is_array()) return mismatch(path, "an array", in);
  const auto& values = *list.GetDescriptor()->FindFieldByName("values");
  const auto& reflection = *list.GetReflection();
  for (std::size_t i = 0; i < in.size(); ++i)
    if (auto why = fill_value(in[i], *reflection.AddMessage(&list, &values),
                              path + "[" + std::to_string(i) + "]"))
      return why;
  return std::nullopt;
}

std::optional<std::string> fill_value(const json& in, pb::Message& value, const std::string& path) {
  const auto& type = *value.GetDescriptor();
  const auto& reflection = *value.GetReflection();
  if (in.is_null()) {
    reflection.SetEnumValue(&value, type.FindFieldByName("null_value"), 0);
  } else if (in.is_boolean()) {
    reflection.SetBool(&value, type.FindFieldByName("bool_value"), in.get<bool>());
  } else if (in.is_number()) {
    reflection.SetDouble(&value, type.FindFieldByName("number_value"), in.get<double>());
  } else if (in.is_string()) {
    reflection.SetString(&value, type.FindFieldByName("string_value"), in.get<std::string>());
  } else if (in.is_object()) {
    return fill_struct(in, *reflection.MutableMessage(&value, type.FindFieldByName("struct_value")),
                       path);
  } else if (in.is_array()) {
    return fill_list(in, *reflection.MutableMessage(&value, type.FindFieldByName("list_value")),
                     path);
  }
  return std::nullopt;
}

/// Fills map `field` from the object `in`.
std::optional<std::string> fill_map(const json& in, pb::Message& message,
                                    const pb::FieldDescriptor& field, const std::string& path) {
  if (!in.is_object()) return mismatch(path, "an object", in);
  const auto& entry_type = *field.message_type();
  const auto* value_type = entry_type.map_value()->message_type();
  bool takes_null = value_type != nullptr && special_of(*value_type) == special::value;
  for (const auto& [key, member] : in.items()) {
    if (member.is_null() && !takes_null) return mismatch(path + "." + key, "a value", member);
    auto* entry = message.GetReflection()->AddMessage(&message, &field);
    if (auto why = put_value(key, *entry, *entry_type.map_key(), false, path)) return why;
    if (auto why = put_value(member, *entry, *entry_type.map_value(), false, path + "." + key))
      return why;
  }
  return std::nullopt;
}

/// The field of `type` whose JSON name or name is `key`, or null.
const pb::FieldDescriptor* field_named(const pb::Descriptor& type, const std::string& key) {
  for (int i = 0; i < type.field_count(); ++i)
    if (type.field(i)->json_name() == key) return type.field(i);
  return type.FindFieldByName(key);
}

std::optional<std::string> fill_message(const json& in, pb::Message& message,
                                        const std::string& path) {
  const auto& type = *message.GetDescriptor();
  switch (special_of(type)) {
    case special::value: return fill_value(in, message, path);
    case special::structure: return fill_struct(in, message, path);
    case special::list: return fill_list(in, message, path);
    case special::wrapper:
      if (in.is_null()) return std::nullopt;
      return put_value(in, message, *type.field(0), false, path);
    case special::none: break;
  }
  if (!in.is_object()) return mismatch(path.empty() ? type.name() : path, "an object", in);
  for (const auto& [key, member] : in.items()) {
    const auto* field = field_named(type, key);
    auto where = path.empty() ? key : path + "." + key;
    if (field == nullptr) return where + ": no such field in " + type.full_name();
    // null is absent, except for a Value, where it is the JSON null.
    if (member.is_null() && !(field->message_type() != nullptr && !field->is_repeated() &&
                              special_of(*field->message_type()) == special::value))
      continue;
    if (field->is_map()) {
      if (auto why = fill_map(member, message, *field, where)) return why;
    } else if (field->is_repeated()) {
      if (!member.is_array()) return mismatch(where, "an array", member);
      for (std::size_t i = 0; i < member.size(); ++i)
        if (auto why =
                put_value(member[i], message, *field, true, where + "[" + std::to_string(i) + "]"))
          return why;
    } else if (auto why = put_value(member, message, *field, false, where)) {
      return why;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> json_to_message(const json& in, pb::Message& message) {
  return fill_message(in, message, "");
}

}  // namespace auraos::gateway
