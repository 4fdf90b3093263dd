#pragma once
// Definition JSON <-> the Protobuf message `auraos.v1.WorkflowDefinition`: protobuf's own
// JSON mapping of messages/workflow.proto is the definition format.

#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace auraos::v1 {
class WorkflowDefinition;
}

namespace auraos::runtime::definition {

/// Reads definition JSON text into the message; unknown fields and wrong types are errors.
result<v1::WorkflowDefinition, std::string> definition_from_json(std::string_view json_text);

/// Writes the message as definition JSON text (lowerCamelCase names, unset fields omitted).
result<std::string, std::string> definition_to_json(const v1::WorkflowDefinition& message);

}  // namespace auraos::runtime::definition
