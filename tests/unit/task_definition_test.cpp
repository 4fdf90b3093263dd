// Task definitions (spec/tasks.md): every field's errors with their paths, the defaults, the
// canonical JSON round trip, dependency cycles and concurrency keys.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/tasks/concurrency_key.hpp"
#include "runtime/tasks/dependency_cycle.hpp"
#include "runtime/tasks/task_definition.hpp"
#include "runtime/tasks/task_json.hpp"
#include "tests/unit/error_lines.hpp"

using namespace auraos::runtime::tasks;
using nlohmann::json;
using strings = std::vector<std::string>;

namespace {

/// A valid shell task with nothing but the required fields.
json minimal() {
  return {{"id", "t"}, {"name", "T"}, {"type", "shell"}, {"config", {{"command", "true"}}}};
}

/// `minimal()` merged with `patch` (RFC 7386: null removes a field).
json patched(const json& patch) {
  auto doc = minimal();
  doc.merge_patch(patch);
  return doc;
}

strings errors_of(const json& doc) {
  return auraos::test::error_lines(parse_task_definition(doc));
}

/// The spec's example, every field given.
json full() {
  return json::parse(R"({
    "id": "nightly-report", "name": "Nightly report", "description": "Builds the report",
    "type": "shell", "config": {"command": ["sh", "-c", "make report ${input.day}"]},
    "dependencies": [{"taskId": "extract", "condition": "success"},
                     {"taskId": "load", "condition": "completion"}],
    "resources": {"cpu": 1.5, "memoryMiB": 512, "gpu": 0, "licenses": 1},
    "retryPolicy": {"maxAttempts": 3, "initialIntervalSeconds": 5},
    "timeout": 600, "priority": 5, "queue": "reports.eu",
    "concurrency": {"limit": 1, "key": "${input.customerId}"},
    "rateLimit": {"runs": 100, "perSeconds": 60},
    "tags": ["reports"], "metadata": {"owner": "finance"}})");
}

/// One row of the error table: what to change in `minimal()` and the errors it must give.
struct error_case {
  json patch;
  strings errors;
};

const std::string amount_rule = "must be a number from 0 to 1e12 in steps of 0.001";

std::vector<error_case> error_table() {
  return {
      {{{"id", nullptr}, {"name", nullptr}, {"type", nullptr}},
       {"id: required", "name: required", "type: required"}},
      {{{"id", "1abc"}}, {"id: must match [A-Za-z_][A-Za-z0-9_-]* or be a UUID"}},
      {{{"id", 7}}, {"id: must be a string, found 7"}},
      {{{"name", ""}}, {"name: must not be empty"}},
      {{{"description", false}}, {"description: must be a string, found boolean"}},
      {{{"type", "python"}},
       {"type: unknown task type \"python\" (known: shell, http, transform, subworkflow, "
        "external)"}},
      {{{"config", json::array()}}, {"config: must be an object, found array"}},
      {{{"config", nullptr}}, {"config.command: required"}},
      {{{"config", {{"command", json::array()}, {"shel", 1}}}},
       {"config.shel: unknown field",
        "config.command: must be a non-empty string or a non-empty array of strings"}},
      {{{"type", "http"}, {"config", {{"command", nullptr}, {"method", "FETCH"}}}},
       {"config.url: required",
        "config.method: must be one of \"GET\", \"HEAD\", \"POST\", \"PUT\", \"PATCH\", "
        "\"DELETE\", \"OPTIONS\", found \"FETCH\""}},
      {{{"type", "transform"}, {"config", {{"command", nullptr}}}}, {"config.output: required"}},
      {{{"type", "subworkflow"}, {"config", {{"command", nullptr}}}},
       {"config: must have exactly one of \"workflowId\" or \"file\""}},
      {{{"type", "external"}, {"config", {{"heartbeatSeconds", 0}}}},
       {"config.command: unknown field",
        "config.heartbeatSeconds: must be a number greater than 0"}},
      {{{"dependencies", {{"taskId", "a"}}}}, {"dependencies: must be an array, found object"}},
      {{{"dependencies", json::array({"a", {{"condition", "done"}, {"when", 1}}})}},
       {"dependencies[0]: must be an object, found string", "dependencies[1].when: unknown field",
        "dependencies[1].taskId: required",
        "dependencies[1].condition: must be one of \"success\", \"completion\", found \"done\""}},
      {{{"dependencies",
         json::array(
             {{{"taskId", "t"}}, {{"taskId", "a"}}, {{"taskId", "a"}}, {{"taskId", "-"}}})}},
       {"dependencies[0].taskId: a task cannot depend on itself",
        "dependencies[2].taskId: duplicate dependency (also dependencies[1])",
        "dependencies[3].taskId: must match [A-Za-z_][A-Za-z0-9_-]* or be a UUID"}},
      {{{"resources", json::array()}}, {"resources: must be an object, found array"}},
      {{{"resources", {{"cpu", -1}, {"gpu", "1"}, {"memoryMiB", 0.0001}, {"bad name", 1}}}},
       {"resources.bad name: resource names must match [A-Za-z_][A-Za-z0-9_-]*",
        "resources.cpu: " + amount_rule, "resources.gpu: " + amount_rule + ", found string",
        "resources.memoryMiB: " + amount_rule}},
      {{{"resources", {{"cpu", 2e12}}}}, {"resources.cpu: " + amount_rule}},
      {{{"retryPolicy", {{"maxAttempts", 0}, {"jitter", "some"}}}},
       {"retryPolicy.maxAttempts: must be an integer from 1 to 100, found 0",
        "retryPolicy.jitter: must be one of \"full\", \"none\", found \"some\""}},
      {{{"retryPolicy", 3}}, {"retryPolicy: must be an object, found 3"}},
      {{{"timeout", 0}}, {"timeout: must be a number greater than 0"}},
      {{{"timeout", "1m"}}, {"timeout: must be a number greater than 0, found string"}},
      {{{"priority", 1.5}}, {"priority: must be an integer from -1000000 to 1000000, found 1.5"}},
      {{{"priority", 2000000}},
       {"priority: must be an integer from -1000000 to 1000000, found 2000000"}},
      {{{"queue", "a/b"}}, {"queue: must match [A-Za-z0-9][A-Za-z0-9_.-]{0,62}, found \"a/b\""}},
      {{{"queue", ""}}, {"queue: must match [A-Za-z0-9][A-Za-z0-9_.-]{0,62}, found \"\""}},
      {{{"concurrency", {{"key", 5}, {"max", 1}}}},
       {"concurrency.max: unknown field", "concurrency.limit: required",
        "concurrency.key: must be a string, found 5"}},
      {{{"concurrency", {{"limit", 0}, {"key", "${input.}"}}}},
       {"concurrency.limit: must be an integer from 1 to 1000000, found 0",
        "concurrency.key: syntax error at position 8: expected a field name after '.', found end "
        "of input"}},
      {{{"concurrency", true}}, {"concurrency: must be an object, found boolean"}},
      {{{"rateLimit", json::object()}},
       {"rateLimit.runs: required", "rateLimit.perSeconds: required"}},
      {{{"rateLimit", {{"runs", 0.5}, {"perSeconds", -1}}}},
       {"rateLimit.runs: must be an integer from 1 to 1000000, found 0.5",
        "rateLimit.perSeconds: must be a number greater than 0"}},
      {{{"tags", json::array({"a", 1})}}, {"tags: must be an array of strings"}},
      {{{"metadata", json::array()}}, {"metadata: must be an object, found array"}},
      {{{"prioriti", 1}, {"zzz", 1}},
       {"prioriti: unknown field (did you mean \"priority\"?)", "zzz: unknown field"}},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(task_definitions)

BOOST_AUTO_TEST_CASE(minimal_definition_gets_every_default) {
  auto parsed = parse_task_definition(minimal());
  BOOST_TEST_REQUIRE(parsed.has_value());
  const auto& task = *parsed;
  BOOST_TEST(task.id == "t");
  BOOST_TEST(task.description == "");
  BOOST_TEST((task.type == task_type::shell));
  BOOST_TEST(task.dependencies.empty());
  BOOST_TEST(task.resources.empty());
  BOOST_TEST(task.retry.max_attempts == 1);
  BOOST_TEST(!task.timeout_seconds.has_value());
  BOOST_TEST(task.priority == 0);
  BOOST_TEST(task.queue == "default");
  BOOST_TEST(!task.concurrency.has_value());
  BOOST_TEST(!task.rate_limit.has_value());
  BOOST_TEST(task.tags.empty());
  BOOST_TEST(*task.metadata == json::object());
}

BOOST_AUTO_TEST_CASE(canonical_json_spells_out_the_defaults) {
  auto expected = json::parse(R"({
    "id": "t", "name": "T", "description": "", "type": "shell",
    "config": {"command": "true"}, "dependencies": [], "resources": {},
    "retryPolicy": {"maxAttempts": 1, "initialIntervalSeconds": 1, "backoffRate": 2,
                    "maxIntervalSeconds": 60, "jitter": "full", "retryOn": ["*"],
                    "nonRetryable": []},
    "priority": 0, "queue": "default", "tags": [], "metadata": {}})");
  BOOST_TEST(to_json(*parse_task_definition(minimal())) == expected);
}

BOOST_AUTO_TEST_CASE(canonical_json_round_trips_every_field) {
  auto first = parse_task_definition(full());
  BOOST_TEST_REQUIRE(first.has_value());
  auto canonical = to_json(*first);
  auto again = parse_task_definition(canonical);
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST(to_json(*again) == canonical);
  BOOST_TEST(canonical["resources"] == json::parse(R"({"cpu": 1.5, "memoryMiB": 512, "gpu": 0,
                                                      "licenses": 1})"));
  BOOST_TEST(canonical["concurrency"] ==
             json::parse(R"({"limit": 1, "key": "${input.customerId}"})"));
  BOOST_TEST(canonical["rateLimit"] == json::parse(R"({"runs": 100, "perSeconds": 60})"));
  BOOST_TEST(canonical["timeout"] == 600);
  BOOST_TEST(canonical["dependencies"][1] == json::parse(R"({"taskId": "load",
                                                             "condition": "completion"})"));
  BOOST_TEST(canonical["retryPolicy"]["maxAttempts"] == 3);
  BOOST_TEST(canonical["retryPolicy"]["initialIntervalSeconds"] == 5);
  BOOST_TEST(canonical["config"] == full()["config"]);
  BOOST_TEST(canonical["metadata"] == full()["metadata"]);
  BOOST_TEST(canonical["queue"] == "reports.eu");
}

BOOST_AUTO_TEST_CASE(parsed_fields_hold_the_given_values) {
  auto task = *parse_task_definition(full());
  BOOST_TEST(task.resources.at("cpu") == 1.5);
  BOOST_TEST(task.retry.max_attempts == 3);
  BOOST_TEST(*task.timeout_seconds == 600);
  BOOST_TEST(task.priority == 5);
  BOOST_TEST(task.concurrency->limit == 1);
  BOOST_TEST(task.rate_limit->runs == 100);
  BOOST_TEST(task.rate_limit->per_seconds == 60);
  BOOST_TEST((task.dependencies[1].condition == dependency_condition::completion));
  BOOST_TEST(!task.config.is_constant());
}

BOOST_AUTO_TEST_CASE(external_tasks_default_their_heartbeat_to_30_seconds) {
  auto task = parse_task_definition(patched({{"type", "external"}, {"config", nullptr}}));
  BOOST_TEST_REQUIRE(task.has_value());
  BOOST_TEST(task->heartbeat_seconds == 30);
  BOOST_TEST(to_json(*task)["config"] == json::parse(R"({"heartbeatSeconds": 30})"));
  auto given = parse_task_definition(patched(
      {{"type", "external"}, {"config", {{"command", nullptr}, {"heartbeatSeconds", 2.5}}}}));
  BOOST_TEST(given->heartbeat_seconds == 2.5);
  BOOST_TEST(to_json(*parse_task_definition(to_json(*given)))["config"]["heartbeatSeconds"] == 2.5);
}

BOOST_AUTO_TEST_CASE(every_field_reports_its_errors_at_its_path) {
  for (const auto& row : error_table()) {
    BOOST_TEST_CONTEXT("patch " << row.patch.dump()) {
      BOOST_TEST(errors_of(patched(row.patch)) == row.errors);
    }
  }
}

BOOST_AUTO_TEST_CASE(all_errors_of_a_definition_are_reported_together) {
  auto errors = errors_of(patched(
      {{"name", ""}, {"timeout", -1}, {"priority", "high"}, {"config", {{"command", nullptr}}}}));
  BOOST_TEST(errors.size() == 4u);
}

BOOST_AUTO_TEST_CASE(document_must_be_an_object_and_text_must_be_json) {
  BOOST_TEST(errors_of(json::array()) ==
             strings{"the definition must be a JSON object, found array"});
  auto parsed = parse_task_definition_text("{\"id\": ");
  BOOST_TEST_REQUIRE(!parsed.has_value());
  BOOST_TEST_REQUIRE(parsed.error().size() == 1u);
  BOOST_TEST(parsed.error()[0].to_string().starts_with("line 1, column 8: "));
  BOOST_TEST(parse_task_definition_text(minimal().dump()).has_value());
}

BOOST_AUTO_TEST_CASE(config_templates_with_syntax_errors_name_the_string) {
  auto errors = errors_of(patched({{"config", {{"command", json::array({"sh", "${1 +}"})}}}}));
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].starts_with("config.command[1]: syntax error at position"));
}

BOOST_AUTO_TEST_CASE(uuid_ids_are_accepted) {
  BOOST_TEST(errors_of(patched({{"id", "123e4567-e89b-42d3-a456-426614174000"}})) == strings{});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(task_dependency_cycles)

namespace {

task_definition task(std::string id, std::vector<std::string> needs) {
  task_definition out;
  out.id = std::move(id);
  for (auto& need : needs) out.dependencies.push_back({std::move(need)});
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_cycle_is_found_with_its_path) {
  auto cycle =
      dependency_cycle({task("d", {"a"}), task("a", {"b"}), task("b", {"c"}), task("c", {"a"})});
  BOOST_TEST_REQUIRE(cycle.has_value());
  BOOST_TEST(*cycle == (strings{"a", "b", "c", "a"}));
  BOOST_TEST(cycle_error(*cycle).to_string() == "dependencies: form a cycle: a -> b -> c -> a");
}

BOOST_AUTO_TEST_CASE(a_task_depending_on_itself_is_a_cycle) {
  BOOST_TEST(*dependency_cycle({task("a", {"a"})}) == (strings{"a", "a"}));
}

BOOST_AUTO_TEST_CASE(diamonds_and_unknown_ids_are_no_cycle) {
  BOOST_TEST(!dependency_cycle({task("a", {"b", "c"}), task("b", {"d"}), task("c", {"d"}),
                                task("d", {"elsewhere"})})
                  .has_value());
  BOOST_TEST(!dependency_cycle({}).has_value());
}

BOOST_AUTO_TEST_CASE(long_chains_are_searched_without_deep_recursion) {
  std::vector<task_definition> chain;
  for (int i = 0; i < 100000; ++i)
    chain.push_back(task("t" + std::to_string(i), {"t" + std::to_string(i + 1)}));
  BOOST_TEST(!dependency_cycle(chain).has_value());
  chain.push_back(task("t100000", {"t0"}));
  BOOST_TEST(dependency_cycle(chain)->size() == 100002u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(task_concurrency_keys)

namespace {

concurrency_rule keyed(const std::string& key) {
  auto task = parse_task_definition(patched({{"concurrency", {{"limit", 1}, {"key", key}}}}));
  BOOST_TEST_REQUIRE(task.has_value());
  return *task->concurrency;
}

}  // namespace

BOOST_AUTO_TEST_CASE(keys_render_over_the_run_input) {
  auto whole = keyed("${input.customerId}");
  BOOST_TEST(**render_concurrency_key(whole, {{"customerId", "c-1"}}) == "c-1");
  BOOST_TEST(**render_concurrency_key(whole, {{"customerId", 42}}) == "42");
  BOOST_TEST(**render_concurrency_key(whole, {{"customerId", {{"region", "eu"}}}}) ==
             R"({"region":"eu"})");
  auto text = keyed("customer-${input.customerId}");
  BOOST_TEST(**render_concurrency_key(text, {{"customerId", 7}}) == "customer-7");
}

BOOST_AUTO_TEST_CASE(a_failed_key_evaluation_is_an_error_value) {
  auto failed = render_concurrency_key(keyed("${input.n + 1}"), {{"n", "x"}});
  BOOST_TEST_REQUIRE(!failed.has_value());
  BOOST_TEST(failed.error().message ==
             "expression \"input.n + 1\": no such overload: string + int");
}

BOOST_AUTO_TEST_CASE(a_key_of_a_missing_field_is_an_error_not_a_shared_null_key) {
  auto missing = render_concurrency_key(keyed("${input.customerId}"), json::object());
  BOOST_TEST_REQUIRE(!missing.has_value());
  BOOST_TEST(missing.error().message ==
             "the concurrency key \"${input.customerId}\" is null for this input (is the field "
             "missing?)");
}

BOOST_AUTO_TEST_CASE(no_key_renders_nothing) {
  concurrency_rule rule;
  BOOST_TEST(!render_concurrency_key(rule, {{"customerId", 1}}).value().has_value());
}

BOOST_AUTO_TEST_SUITE_END()
