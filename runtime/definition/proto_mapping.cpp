#include "runtime/definition/proto_mapping.hpp"

#include <google/protobuf/util/json_util.h>

#include "messages/workflow.pb.h"

namespace auraos::runtime::definition {

result<v1::WorkflowDefinition, std::string> definition_from_json(std::string_view json_text) {
  v1::WorkflowDefinition message;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece{json_text.data(), json_text.size()}, &message, options);
  if (!status.ok()) return fail("definition to Protobuf: " + std::string{status.message()});
  return message;
}

result<std::string, std::string> definition_to_json(const v1::WorkflowDefinition& message) {
  std::string text;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = false;
  auto status = google::protobuf::util::MessageToJsonString(message, &text, options);
  if (!status.ok()) return fail("Protobuf to definition: " + std::string{status.message()});
  return text;
}

}  // namespace auraos::runtime::definition
