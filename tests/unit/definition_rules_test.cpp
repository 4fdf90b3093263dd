// Every rule of spec/workflow-language.md's definition format, one case each, exact messages.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/definition/load_file.hpp"
#include "runtime/definition/parse.hpp"
#include "runtime/uuid.hpp"
#include "tests/unit/error_lines.hpp"

using auraos::runtime::definition::parse_workflow;
using nlohmann::json;
using strings = std::vector<std::string>;

namespace {

/// A valid definition with one noop node "a".
json minimal() {
  return json::parse(R"({"name": "w", "nodes": [{"id": "a", "type": "noop"}]})");
}

/// `minimal()` with `node` as its only node.
json with_node(json node) {
  auto doc = minimal();
  doc["nodes"] = json::array({std::move(node)});
  return doc;
}

/// A one-node definition whose node "n" has type `type` and config `config`.
json with_config(const std::string& type, json config) {
  return with_node({{"id", "n"}, {"type", type}, {"config", std::move(config)}});
}

/// Two noop nodes "a" and "b" joined by the given connections.
json with_connections(json connections) {
  auto doc = minimal();
  doc["nodes"].push_back({{"id", "b"}, {"type", "noop"}});
  doc["connections"] = std::move(connections);
  return doc;
}

strings errors_of(const json& doc) {
  return auraos::test::error_lines(parse_workflow(doc));
}

strings errors_of_text(const std::string& text) {
  return auraos::test::error_lines(parse_workflow(text));
}

const std::string n_at = "nodes[0] (id \"n\"): ";

/// The error of a node type this version cannot run yet.
std::string unavailable(const std::string& type, const std::string& needs) {
  return n_at + "type: node type \"" + type + "\" is not available in this version (it needs " +
         needs + ")";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(definition_rules)

BOOST_AUTO_TEST_CASE(minimal_definition_is_valid) {
  BOOST_TEST(errors_of(minimal()) == strings{});
}

BOOST_AUTO_TEST_CASE(document_must_be_an_object) {
  BOOST_TEST(errors_of(json::array()) ==
             strings{"the definition must be a JSON object, found array"});
}

BOOST_AUTO_TEST_CASE(json_syntax_errors_name_line_and_column) {
  auto errors = errors_of_text("{\n  \"name\": \"x\",\n  oops\n}");
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].starts_with("line 3, column 3: syntax error while parsing object key"));
}

BOOST_AUTO_TEST_CASE(json_number_overflow_is_a_positioned_error) {
  BOOST_TEST(errors_of_text("{\"a\":\n 46e8805}") ==
             strings{"line 2, column 2: number out of range: 46e8805"});
}

BOOST_AUTO_TEST_CASE(json_nested_too_deep_is_an_error_not_a_crash) {
  auto errors = errors_of_text(std::string(100000, '['));
  BOOST_TEST(errors == strings{"line 1, column 65: nested deeper than 64 levels"});
}

BOOST_AUTO_TEST_CASE(misspelt_top_level_field_is_unknown_with_a_suggestion) {
  auto doc = minimal();
  doc["conections"] = json::array();
  doc["zzz"] = 1;
  BOOST_TEST(errors_of(doc) == (strings{"conections: unknown field (did you mean \"connections\"?)",
                                        "zzz: unknown field"}));
}

BOOST_AUTO_TEST_CASE(name_is_a_required_non_empty_string) {
  auto doc = minimal();
  doc.erase("name");
  BOOST_TEST(errors_of(doc) == strings{"name: required"});
  doc["name"] = "";
  BOOST_TEST(errors_of(doc) == strings{"name: must not be empty"});
  doc["name"] = 5;
  BOOST_TEST(errors_of(doc) == strings{"name: must be a string, found 5"});
}

BOOST_AUTO_TEST_CASE(workflow_id_is_an_identifier_or_a_uuid) {
  auto doc = minimal();
  doc["id"] = "1abc";
  BOOST_TEST(errors_of(doc) == strings{"id: must match [A-Za-z_][A-Za-z0-9_-]* or be a UUID"});
  doc["id"] = "123e4567-e89b-42d3-a456-426614174000";
  BOOST_TEST(errors_of(doc) == strings{});
  doc["id"] = "order-fulfilment_2";
  BOOST_TEST(errors_of(doc) == strings{});
}

BOOST_AUTO_TEST_CASE(absent_id_is_assigned_a_uuid_v4_stored_in_the_document) {
  auto parsed = parse_workflow(minimal());
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST(auraos::runtime::is_uuid(parsed->id));
  BOOST_TEST(parsed->id[14] == '4');
  BOOST_TEST((*parsed->document)["id"].get<std::string>() == parsed->id);
  BOOST_TEST(parse_workflow(minimal())->id != parsed->id);
}

BOOST_AUTO_TEST_CASE(model_holds_every_field) {
  auto doc = json::parse(R"({"id": "w1", "name": "W", "description": "d", "version": "2",
    "tags": ["t"], "metadata": {"k": [1]}, "settings": {"timeoutSeconds": 5, "maxParallel": 2,
    "retry": {"maxAttempts": 3, "jitter": "none", "retryOn": ["exit_code"]}},
    "variables": [{"name": "v", "type": "number", "required": true, "default": 1}],
    "nodes": [{"id": "a", "type": "noop", "name": "A", "timeoutSeconds": 2, "join": "any"},
              {"id": "b", "type": "noop", "retry": {"maxAttempts": 2}}],
    "connections": [{"from": "a", "to": "b", "on": "always", "when": "true"}],
    "output": "${nodes.a.output}"})");
  auto wf = parse_workflow(doc);
  BOOST_TEST_REQUIRE(wf.has_value());
  BOOST_TEST(wf->id == "w1");
  BOOST_TEST(wf->description == "d");
  BOOST_TEST(wf->version == "2");
  BOOST_TEST(wf->tags == strings{"t"});
  BOOST_TEST((*wf->metadata == json{{"k", {1}}}));
  BOOST_TEST(*wf->settings.max_parallel == 2);
  BOOST_TEST(wf->settings.retry->max_attempts == 3);
  BOOST_TEST(wf->settings.retry->retry_on == strings{"exit_code"});
  BOOST_TEST(wf->variables.at(0).required);
  BOOST_TEST((*wf->variables.at(0).default_value == json(1)));
  BOOST_TEST(wf->nodes.at(0).name == "A");
  BOOST_TEST((wf->nodes.at(0).join == auraos::runtime::definition::join_mode::any));
  BOOST_TEST(*wf->nodes.at(0).timeout_seconds == 2.0);
  BOOST_TEST(effective_retry(*wf, wf->nodes.at(1)).max_attempts == 2);
  BOOST_TEST((wf->connections.at(0).on == auraos::runtime::definition::edge_condition::always));
  BOOST_TEST(wf->connections.at(0).when.has_value());
  BOOST_TEST(wf->output.has_value());
}

BOOST_AUTO_TEST_CASE(version_defaults_and_must_be_a_string) {
  BOOST_TEST(parse_workflow(minimal())->version == "1.0.0");
  auto doc = minimal();
  doc["version"] = 1;
  BOOST_TEST(errors_of(doc) == strings{"version: must be a string, found 1"});
}

BOOST_AUTO_TEST_CASE(description_must_be_a_string) {
  auto doc = minimal();
  doc["description"] = json::array();
  BOOST_TEST(errors_of(doc) == strings{"description: must be a string, found array"});
}

BOOST_AUTO_TEST_CASE(tags_must_be_an_array_of_strings) {
  auto doc = minimal();
  doc["tags"] = {"a", 1};
  BOOST_TEST(errors_of(doc) == strings{"tags: must be an array of strings"});
  doc["tags"] = "a";
  BOOST_TEST(errors_of(doc) == strings{"tags: must be an array of strings, found string"});
}

BOOST_AUTO_TEST_CASE(metadata_may_be_any_json) {
  auto doc = minimal();
  doc["metadata"] = {1, "x", nullptr};
  auto wf = parse_workflow(doc);
  BOOST_TEST_REQUIRE(wf.has_value());
  BOOST_TEST((*wf->metadata == json{1, "x", nullptr}));
}

BOOST_AUTO_TEST_CASE(variable_names_are_unique_identifiers) {
  auto doc = minimal();
  doc["variables"] = json::parse(R"([{"name": "my-var"}, {"name": "x"}, {"name": "x"}, {}])");
  BOOST_TEST(
      errors_of(doc) ==
      (strings{"variables[0].name: must match [A-Za-z_][A-Za-z0-9_]*, found \"my-var\"",
               "variables[2].name: duplicate variable \"x\"", "variables[3].name: required"}));
}

BOOST_AUTO_TEST_CASE(variable_type_is_one_of_the_six) {
  auto doc = minimal();
  doc["variables"] = json::parse(R"([{"name": "v", "type": "int"}])");
  BOOST_TEST(errors_of(doc) ==
             strings{"variables[0].type: must be one of \"string\", \"number\", \"boolean\", "
                     "\"object\", \"array\", \"any\", found \"int\""});
}

BOOST_AUTO_TEST_CASE(variable_required_is_a_boolean) {
  auto doc = minimal();
  doc["variables"] = json::parse(R"([{"name": "v", "required": "yes"}])");
  BOOST_TEST(errors_of(doc) == strings{"variables[0].required: must be a boolean, found string"});
}

BOOST_AUTO_TEST_CASE(variable_default_must_match_its_type) {
  auto doc = minimal();
  doc["variables"] = json::parse(R"([{"name": "a", "type": "number", "default": "1"},
    {"name": "b", "type": "array", "default": {}}, {"name": "c", "type": "any", "default": {}},
    {"name": "d", "type": "boolean", "default": false}, {"name": "e", "kind": 1}])");
  BOOST_TEST(errors_of(doc) ==
             (strings{"variables[0].default: must be of type number, found string",
                      "variables[1].default: must be of type array, found object",
                      "variables[4].kind: unknown field"}));
}

BOOST_AUTO_TEST_CASE(settings_timeout_is_positive_and_max_parallel_at_least_one) {
  auto doc = minimal();
  doc["settings"] = {{"timeoutSeconds", 0}, {"maxParallel", 0}, {"retries", 1}};
  BOOST_TEST(
      errors_of(doc) ==
      (strings{"settings.retries: unknown field",
               "settings.timeoutSeconds: must be a number greater than 0",
               "settings.maxParallel: must be an integer greater than or equal to 1, found 0"}));
  doc["settings"] = {{"maxParallel", 1.5}};
  BOOST_TEST(
      errors_of(doc) ==
      strings{"settings.maxParallel: must be an integer greater than or equal to 1, found 1.5"});
}

BOOST_AUTO_TEST_CASE(retry_max_attempts_is_an_integer_from_1_to_100) {
  auto doc = minimal();
  for (json bad : {json(0), json(101), json(2.5), json("3")}) {
    doc["settings"] = {{"retry", {{"maxAttempts", bad}}}};
    auto found = bad.is_string() ? std::string{"string"} : bad.dump();
    BOOST_TEST(
        errors_of(doc) ==
        strings{"settings.retry.maxAttempts: must be an integer from 1 to 100, found " + found});
  }
  doc["settings"] = {{"retry", {{"maxAttempts", 100}}}};
  BOOST_TEST(errors_of(doc) == strings{});
}

BOOST_AUTO_TEST_CASE(retry_intervals_backoff_and_jitter_are_checked) {
  auto doc = with_node(json::parse(R"({"id": "a", "type": "noop", "retry": {
    "initialIntervalSeconds": 0, "backoffRate": 0.5, "maxIntervalSeconds": -1, "jitter": "half"}})"));
  BOOST_TEST(
      errors_of(doc) ==
      (strings{
          "nodes[0] (id \"a\"): retry.backoffRate: must be a number greater than or equal to 1",
          "nodes[0] (id \"a\"): retry.initialIntervalSeconds: must be a number greater than 0",
          "nodes[0] (id \"a\"): retry.maxIntervalSeconds: must be a number greater than 0",
          "nodes[0] (id \"a\"): retry.jitter: must be one of \"full\", \"none\", found \"half\""}));
}

BOOST_AUTO_TEST_CASE(retry_max_interval_is_at_least_the_initial_interval) {
  auto doc = minimal();
  doc["settings"] = {{"retry", {{"initialIntervalSeconds", 5}, {"maxIntervalSeconds", 2}}}};
  BOOST_TEST(errors_of(doc) == strings{"settings.retry.maxIntervalSeconds: must be greater than or "
                                       "equal to initialIntervalSeconds (5.0)"});
}

BOOST_AUTO_TEST_CASE(retry_on_and_non_retryable_are_arrays_of_strings) {
  auto doc = minimal();
  doc["settings"] = {{"retry", {{"retryOn", "*"}, {"nonRetryable", {1}}, {"maxAttempt", 2}}}};
  BOOST_TEST(errors_of(doc) ==
             (strings{"settings.retry.maxAttempt: unknown field (did you mean \"maxAttempts\"?)",
                      "settings.retry.retryOn: must be an array of strings, found string",
                      "settings.retry.nonRetryable: must be an array of strings"}));
}

BOOST_AUTO_TEST_CASE(nodes_are_required_and_at_least_one) {
  auto doc = minimal();
  doc["nodes"] = json::array();
  BOOST_TEST(errors_of(doc) == strings{"nodes: must hold at least one node"});
  doc.erase("nodes");
  BOOST_TEST(errors_of(doc) == strings{"nodes: required"});
  doc["nodes"] = json::object();
  BOOST_TEST(errors_of(doc) == strings{"nodes: must be an array, found object"});
}

BOOST_AUTO_TEST_CASE(node_ids_are_required_identifiers) {
  auto doc = minimal();
  doc["nodes"] = json::parse(R"([{"type": "noop"}, {"id": "a b", "type": "noop"}, 7])");
  BOOST_TEST(errors_of(doc) ==
             (strings{"nodes[0].id: required",
                      "nodes[1] (id \"a b\"): id: must match [A-Za-z_][A-Za-z0-9_-]*",
                      "nodes[2]: must be an object, found 7"}));
}

BOOST_AUTO_TEST_CASE(node_ids_are_unique) {
  auto doc = minimal();
  doc["nodes"].push_back({{"id", "a"}, {"type", "noop"}});
  BOOST_TEST(errors_of(doc) ==
             strings{"nodes[1] (id \"a\"): id: duplicate node id (also nodes[0])"});
}

BOOST_AUTO_TEST_CASE(node_type_is_required_and_known) {
  BOOST_TEST(errors_of(with_node({{"id", "a"}})) == strings{"nodes[0] (id \"a\"): type: required"});
  BOOST_TEST(
      errors_of(with_node({{"id", "a"}, {"type", "sheel"}})) ==
      strings{"nodes[0] (id \"a\"): type: unknown node type \"sheel\" (known: shell, http, "
              "transform, delay, wait_event, publish_event, subworkflow, task, decision, fail, "
              "noop)"});
}

BOOST_AUTO_TEST_CASE(node_common_fields_are_checked) {
  auto doc = with_node(json::parse(R"({"id": "a", "type": "noop", "name": 1, "timeoutSeconds": 0,
    "join": "some", "position": {"x": "1", "z": 0}, "desc": ""})"));
  BOOST_TEST(errors_of(doc) ==
             (strings{"nodes[0] (id \"a\"): desc: unknown field",
                      "nodes[0] (id \"a\"): name: must be a string, found 1",
                      "nodes[0] (id \"a\"): timeoutSeconds: must be a number greater than 0",
                      "nodes[0] (id \"a\"): join: must be one of \"all-settled\", \"all\", "
                      "\"any\", found \"some\"",
                      "nodes[0] (id \"a\"): position.z: unknown field",
                      "nodes[0] (id \"a\"): position.x: must be a number, found string",
                      "nodes[0] (id \"a\"): position.y: required"}));
}

BOOST_AUTO_TEST_CASE(config_must_be_an_object) {
  BOOST_TEST(errors_of(with_config("noop", "x")) ==
             strings{n_at + "config: must be an object, found string"});
}

BOOST_AUTO_TEST_CASE(shell_command_is_required_non_empty_string_or_argv) {
  BOOST_TEST(errors_of(with_node({{"id", "n"}, {"type", "shell"}})) ==
             strings{n_at + "config.command: required"});
  for (json bad : {json(""), json::array(), json({"sh", 1})})
    BOOST_TEST(
        errors_of(with_config("shell", {{"command", bad}})) ==
        strings{n_at +
                "config.command: must be a non-empty string or a non-empty array of strings"});
  BOOST_TEST(errors_of(with_config("shell", {{"command", {"ls", "-l"}}})) == strings{});
}

BOOST_AUTO_TEST_CASE(shell_env_cwd_stdin_have_their_shapes) {
  auto config =
      json::parse(R"({"command": "ls", "env": {"A": [1]}, "cwd": 2, "stdin": [], "shell": 1})");
  BOOST_TEST(errors_of(with_config("shell", config)) ==
             (strings{n_at + "config.shell: unknown field",
                      n_at + "config.env: must be an object of strings, numbers or booleans",
                      n_at + "config.cwd: must be a string, found 2",
                      n_at + "config.stdin: must be a string, found array"}));
}

BOOST_AUTO_TEST_CASE(shell_env_takes_numbers_and_booleans) {
  auto config = json::parse(R"({"command": "ls", "env": {"N": 7, "F": 1.5, "B": true, "S": "x"}})");
  BOOST_TEST(errors_of(with_config("shell", config)) == strings{});
  BOOST_TEST(errors_of(with_config("shell", {{"command", "ls"}, {"env", {{"N", nullptr}}}})) ==
             strings{n_at + "config.env: must be an object of strings, numbers or booleans"});
}

BOOST_AUTO_TEST_CASE(whole_value_template_stands_for_any_type) {
  auto config =
      json::parse(R"({"command": "${vars.argv}", "env": "${vars.env}", "cwd": "${vars.dir}"})");
  BOOST_TEST(errors_of(with_config("shell", config)) == strings{});
  BOOST_TEST(errors_of(with_config("delay", {{"seconds", "${vars.wait}"}})) == strings{});
  BOOST_TEST(errors_of(with_config("http", {{"url", "${vars.url}"}, {"headers", "${vars.h}"}})) ==
             strings{});
}

BOOST_AUTO_TEST_CASE(http_url_required_and_method_known) {
  BOOST_TEST(
      errors_of(with_config("http", {{"method", "FETCH"}, {"headers", {{"A", 1}}}})) ==
      (strings{n_at + "config.url: required",
               n_at +
                   "config.method: must be one of \"GET\", \"HEAD\", \"POST\", \"PUT\", \"PATCH\", "
                   "\"DELETE\", \"OPTIONS\", found \"FETCH\"",
               n_at + "config.headers: must be an object of strings"}));
  BOOST_TEST(errors_of(with_config("http", {{"url", "http://x"}, {"body", {{"a", 1}}}})) ==
             strings{});
}

BOOST_AUTO_TEST_CASE(transform_output_is_required) {
  BOOST_TEST(errors_of(with_config("transform", json::object())) ==
             strings{n_at + "config.output: required"});
  BOOST_TEST(errors_of(with_config("transform", {{"output", nullptr}})) == strings{});
}

BOOST_AUTO_TEST_CASE(delay_has_exactly_one_of_seconds_or_until) {
  std::string exactly = n_at + "config: must have exactly one of \"seconds\" or \"until\"";
  BOOST_TEST(errors_of(with_config("delay", json::object())) == strings{exactly});
  BOOST_TEST(errors_of(with_config("delay", {{"seconds", 1}, {"until", "2024-05-01T12:00:00Z"}})) ==
             strings{exactly});
  BOOST_TEST(errors_of(with_config("delay", {{"seconds", -1}})) ==
             strings{n_at + "config.seconds: must be a number greater than or equal to 0"});
  BOOST_TEST(errors_of(with_config("delay", {{"seconds", 0}})) == strings{});
}

BOOST_AUTO_TEST_CASE(delay_until_is_rfc3339) {
  for (const char* good : {"2024-05-01T12:00:00Z", "2024-05-01t12:00:00.250+02:00", "${vars.when}"})
    BOOST_TEST(errors_of(with_config("delay", {{"until", good}})) == strings{}, good);
  for (const char* bad : {"2024-05-01", "2024-13-01T00:00:00Z", "2024-05-01T12:00:00", "tomorrow"})
    BOOST_TEST(
        errors_of(with_config("delay", {{"until", bad}})) ==
        strings{
            n_at +
            "config.until: must be an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z), found \"" +
            bad + "\""});
}

BOOST_AUTO_TEST_CASE(wait_event_type_required_where_is_an_expression) {
  auto config = json::parse(
      R"({"source": 1, "correlationId": 2, "where": "event.x ==", "timeoutSeconds": 0})");
  BOOST_TEST(
      errors_of(with_config("wait_event", config)) ==
      (strings{
          n_at + "config.type: required",
          n_at + "config.source: must be a string, found 1",
          n_at + "config.correlationId: must be a string, found 2",
          n_at +
              "config.where: syntax error at position 10: expected an operand, found end of input",
          n_at + "config.timeoutSeconds: must be a number greater than 0"}));
}

BOOST_AUTO_TEST_CASE(publish_event_type_required_data_any) {
  BOOST_TEST(
      errors_of(with_config("publish_event", {{"data", {1, 2}}, {"source", true}})) ==
      (strings{n_at + "config.type: required",
               n_at + "config.source: must be a string, found boolean"}));
}

BOOST_AUTO_TEST_CASE(subworkflow_has_exactly_one_of_workflow_id_or_file) {
  std::string exactly = n_at + "config: must have exactly one of \"workflowId\" or \"file\"";
  BOOST_TEST(errors_of(with_config("subworkflow", {{"input", 1}})) == strings{exactly});
  BOOST_TEST(errors_of(with_config("subworkflow", {{"workflowId", "a"}, {"file", "b.json"}})) ==
             strings{exactly});
  BOOST_TEST(errors_of(with_config("subworkflow", {{"file", 3}})) ==
             strings{n_at + "config.file: must be a string, found 3"});
}

BOOST_AUTO_TEST_CASE(task_id_is_required) {
  BOOST_TEST(errors_of(with_config("task", {{"input", {}}})) ==
             (strings{n_at + "config.taskId: required"}));
}

BOOST_AUTO_TEST_CASE(decision_options_non_empty_strings_context_object) {
  BOOST_TEST(
      errors_of(with_config("decision", {{"context", 1}})) ==
      (strings{unavailable("decision", "the decision engine"), n_at + "config.options: required",
               n_at + "config.context: must be an object, found 1"}));
  BOOST_TEST(errors_of(with_config("decision", {{"options", json::array()}})) ==
             (strings{unavailable("decision", "the decision engine"),
                      n_at + "config.options: must be a non-empty array of strings"}));
}

BOOST_AUTO_TEST_CASE(fail_error_and_message_are_strings) {
  BOOST_TEST(errors_of(with_config("fail", {{"error", 1}, {"message", false}})) ==
             (strings{n_at + "config.error: must be a string, found 1",
                      n_at + "config.message: must be a string, found boolean"}));
}

BOOST_AUTO_TEST_CASE(noop_takes_no_config_keys) {
  BOOST_TEST(errors_of(with_config("noop", json::object())) == strings{});
  BOOST_TEST(errors_of(with_config("noop", {{"x", 1}})) ==
             strings{n_at + "config.x: unknown field"});
}

BOOST_AUTO_TEST_CASE(config_strings_are_templates_with_positioned_syntax_errors) {
  BOOST_TEST(errors_of(with_config("shell", {{"command", {"echo", "hi ${1 +}"}}})) ==
             strings{n_at + "config.command[1]: syntax error at position 8: expected an operand, "
                            "found end of input"});
}

BOOST_AUTO_TEST_CASE(connection_ends_are_required_and_name_nodes) {
  auto doc = with_connections(json::parse(R"([{"to": "b"}, {"from": "a", "to": "x"}, 3])"));
  BOOST_TEST(errors_of(doc) ==
             (strings{"connections[0].from: required", "connections[1].to: no node \"x\"",
                      "connections[2]: must be an object, found 3"}));
}

BOOST_AUTO_TEST_CASE(connection_on_is_success_error_or_always) {
  auto doc =
      with_connections(json::parse(R"([{"from": "a", "to": "b", "on": "failure", "if": 1}])"));
  BOOST_TEST(errors_of(doc) == (strings{"connections[0].if: unknown field",
                                        "connections[0].on: must be one of \"success\", \"error\", "
                                        "\"always\", found \"failure\""}));
}

BOOST_AUTO_TEST_CASE(connection_when_is_an_expression_also_on_error_edges) {
  auto doc = with_connections(json::parse(R"([{"from": "a", "to": "b", "when": "(1"}])"));
  BOOST_TEST(
      errors_of(doc) ==
      strings{"connections[0].when: syntax error at position 2: expected ')', found end of input"});
  doc["connections"][0]["when"] = "${nodes.a.error.type == 'timeout'}";
  doc["connections"][0]["on"] = "error";
  BOOST_TEST(errors_of(doc) == strings{});
}

BOOST_AUTO_TEST_CASE(duplicate_connections_are_errors) {
  auto doc = with_connections(
      json::parse(R"([{"from": "a", "to": "b"}, {"from": "a", "to": "b", "on": "success"},
    {"from": "a", "to": "b", "on": "error"}])"));
  BOOST_TEST(errors_of(doc) ==
             strings{"connections[1]: duplicate of connections[0] (same from, to and on)"});
}

BOOST_AUTO_TEST_CASE(self_loops_are_errors) {
  auto doc =
      with_connections(json::parse(R"([{"from": "a", "to": "b"}, {"from": "b", "to": "b"}])"));
  BOOST_TEST(errors_of(doc) == strings{"connections[1]: connects node \"b\" to itself"});
}

BOOST_AUTO_TEST_CASE(cycles_are_errors_naming_their_nodes) {
  auto doc = with_connections(json::parse(R"([{"from": "a", "to": "b"}, {"from": "b", "to": "c"},
    {"from": "c", "to": "b"}])"));
  doc["nodes"].push_back({{"id", "c"}, {"type", "noop"}});
  BOOST_TEST(errors_of(doc) == strings{"connections: cycle: b -> c -> b"});
}

BOOST_AUTO_TEST_CASE(nodes_unreachable_from_a_start_node_are_errors) {
  auto doc =
      with_connections(json::parse(R"([{"from": "b", "to": "c"}, {"from": "c", "to": "b"}])"));
  doc["nodes"].push_back({{"id", "c"}, {"type", "noop"}});
  std::string tail = "not reachable from a start node (a node without incoming connections)";
  BOOST_TEST(errors_of(doc) ==
             (strings{"connections: cycle: b -> c -> b", "nodes[1] (id \"b\"): " + tail,
                      "nodes[2] (id \"c\"): " + tail}));
}

BOOST_AUTO_TEST_CASE(join_is_allowed_with_a_single_incoming_connection) {
  auto doc = with_connections(json::parse(R"([{"from": "a", "to": "b"}])"));
  doc["nodes"][1]["join"] = "all";
  BOOST_TEST(errors_of(doc) == strings{});
}

BOOST_AUTO_TEST_CASE(output_is_a_template) {
  auto doc = minimal();
  doc["output"] = {{"x", "${nodes.a.output"}};
  BOOST_TEST(errors_of(doc) == strings{"output.x: syntax error at position 0: unterminated '${'"});
}

BOOST_AUTO_TEST_CASE(triggers_need_an_event_type_and_valid_expressions) {
  auto doc = minimal();
  doc["triggers"] = json::parse(
      R"([{"event": {"where": "1 +"}, "input": "${"}, {"input": 1}, {"event": {"type": "t"}}])");
  BOOST_TEST(errors_of(doc) ==
             (strings{"triggers[0].event.type: required",
                      "triggers[0].event.where: syntax error at position 3: expected an operand, "
                      "found end of input",
                      "triggers[0].input: syntax error at position 0: unterminated '${'",
                      "triggers[1].event: required"}));
}

BOOST_AUTO_TEST_CASE(every_error_is_reported_at_once) {
  auto doc =
      json::parse(R"({"nodes": [{"id": "charge", "type": "shell"}, {"id": "x", "type": "nope"}],
    "connections": [{"from": "charge", "to": "ghost"}], "settings": {"maxParallel": 0}})");
  BOOST_TEST(
      errors_of(doc) ==
      (strings{
          "name: required",
          "settings.maxParallel: must be an integer greater than or equal to 1, found 0",
          "nodes[0] (id \"charge\"): config.command: required",
          "nodes[1] (id \"x\"): type: unknown node type \"nope\" (known: shell, http, transform, "
          "delay, wait_event, publish_event, subworkflow, task, decision, fail, noop)",
          "connections[0].to: no node \"ghost\""}));
}

BOOST_AUTO_TEST_CASE(subworkflow_files_of_a_loaded_child_are_rebased_on_its_folder) {
  auto node = [](const std::string& id, const std::string& type, const std::string& file) {
    return json{{"id", id}, {"type", type}, {"config", {{"file", file}}}};
  };
  json doc{{"id", "child"},
           {"nodes",
            {node("a", "subworkflow", "grandchild.json"), node("b", "subworkflow", "../up.json"),
             node("c", "subworkflow", "/abs/x.json"), node("d", "subworkflow", "${vars.f}.json"),
             node("e", "shell", "keep.json")}}};
  auto rebased = auraos::runtime::definition::rebase_subworkflow_files(doc, "sub/dir");
  const auto& nodes = rebased["nodes"];
  BOOST_TEST(nodes[0]["config"]["file"] == "sub/dir/grandchild.json");
  BOOST_TEST(nodes[1]["config"]["file"] == "sub/up.json");
  BOOST_TEST(nodes[2]["config"]["file"] == "/abs/x.json");
  BOOST_TEST(nodes[3]["config"]["file"] == "sub/dir/${vars.f}.json");
  BOOST_TEST(nodes[4]["config"]["file"] == "keep.json");
  BOOST_TEST(auraos::runtime::definition::rebase_subworkflow_files(doc, "") == doc);
}

BOOST_AUTO_TEST_CASE(node_types_without_their_service_are_not_available_events_and_tasks_are) {
  auto doc = json::parse(R"({"name": "w", "nodes": [
    {"id": "a", "type": "wait_event", "config": {"type": "paid"}},
    {"id": "b", "type": "publish_event", "config": {"type": "shipped"}},
    {"id": "c", "type": "task", "config": {"taskId": "t"}},
    {"id": "d", "type": "decision", "config": {"options": ["x", "y"]}}],
    "triggers": [{"event": {"type": "order.created"}}]})");
  BOOST_TEST(
      errors_of(doc) ==
      (strings{"nodes[3] (id \"d\"): type: node type \"decision\" is not available in this "
               "version (it needs the decision engine)"}));
  auto empty = minimal();
  empty["triggers"] = json::array();
  BOOST_TEST(errors_of(empty) == strings{});
}

BOOST_AUTO_TEST_SUITE_END()
