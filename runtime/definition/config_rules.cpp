// The shape of each node type's `config`.

#include <nlohmann/json.hpp>

#include "runtime/definition/config_fields.hpp"
#include "runtime/definition/rules.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;

void check_shell(const scope& at, const json& config) {
  check_known_fields(at, config, {"command", "env", "cwd", "stdin"});
  if (const json* command = member(config, "command")) {
    bool ok = (command->is_string() && !command->get_ref<const std::string&>().empty()) ||
              (is_string_array(*command) && !command->empty());
    expect(at, "command", *command, ok, "a non-empty string or a non-empty array of strings");
  } else {
    at.report("command", "required");
  }
  typed_field(at, config, "env", is_scalar_object, "an object of strings, numbers or booleans");
  typed_field(at, config, "cwd", is_string, "a string");
  typed_field(at, config, "stdin", is_string, "a string");
}

void check_http(const scope& at, const json& config) {
  check_known_fields(at, config, {"method", "url", "headers", "body"});
  required_string(at, config, "url");
  if (const json* method = member(config, "method"); method && !is_whole_template(*method))
    one_of(at, config, "method", {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"});
  typed_field(at, config, "headers", is_string_object, "an object of strings");
}

void check_transform(const scope& at, const json& config) {
  check_known_fields(at, config, {"output"});
  if (!member(config, "output")) at.report("output", "required");
}

void check_wait_event(const scope& at, const json& config) {
  check_known_fields(at, config, {"type", "source", "correlationId", "where", "timeoutSeconds"});
  required_string(at, config, "type");
  optional_string(at, config, "source");
  optional_string(at, config, "correlationId");
  read_expression(at, config, "where");
  typed_field(at, config, "timeoutSeconds", is_positive, "a number greater than 0");
}

void check_publish_event(const scope& at, const json& config) {
  check_known_fields(at, config, {"type", "source", "correlationId", "data"});
  required_string(at, config, "type");
  optional_string(at, config, "source");
  optional_string(at, config, "correlationId");
}

void check_task(const scope& at, const json& config) {
  check_known_fields(at, config, {"taskId", "input"});
  required_string(at, config, "taskId");
}

void check_decision(const scope& at, const json& config) {
  check_known_fields(at, config, {"options", "context"});
  if (!member(config, "options")) at.report("options", "required");
  typed_field(at, config, "options", is_options, "a non-empty array of strings");
  typed_field(at, config, "context", is_object, "an object");
}

void check_fail(const scope& at, const json& config) {
  check_known_fields(at, config, {"error", "message"});
  optional_string(at, config, "error");
  optional_string(at, config, "message");
}

}  // namespace

void check_config(const scope& at, node_type type, const json& config) {
  switch (type) {
    case node_type::shell:
      return check_shell(at, config);
    case node_type::http:
      return check_http(at, config);
    case node_type::transform:
      return check_transform(at, config);
    case node_type::delay:
      return check_delay(at, config);
    case node_type::wait_event:
      return check_wait_event(at, config);
    case node_type::publish_event:
      return check_publish_event(at, config);
    case node_type::subworkflow:
      return check_subworkflow(at, config);
    case node_type::task:
      return check_task(at, config);
    case node_type::decision:
      return check_decision(at, config);
    case node_type::fail:
      return check_fail(at, config);
    case node_type::noop:
      return check_known_fields(at, config, {});
  }
}

}  // namespace auraos::runtime::definition
