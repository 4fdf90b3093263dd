#pragma once
// Which messages the proto3 JSON mapping writes as something other than an object: shared by
// the two directions of gateway/protobuf_json_mapping.hpp. Internal to the gateway.

#include <string>

#include <google/protobuf/descriptor.h>

namespace auraos::gateway::detail {

/// The kinds of message the mapping writes as something other than an object.
enum class special { none, value, structure, list, wrapper };

/// The kind of `type`.
inline special special_of(const google::protobuf::Descriptor& type) {
  const auto& name = type.full_name();
  if (name == "google.protobuf.Value") return special::value;
  if (name == "google.protobuf.Struct") return special::structure;
  if (name == "google.protobuf.ListValue") return special::list;
  if (name.rfind("google.protobuf.", 0) == 0 && name.size() > 5 &&
      name.compare(name.size() - 5, 5, "Value") == 0)
    return special::wrapper;  // StringValue, DoubleValue, Int32Value, BoolValue, ...
  return special::none;
}

}  // namespace auraos::gateway::detail
