// The Protobuf messages of the REST API (messages/api_*.proto) against the OpenAPI document
// (gateway/openapi/openapi.json): every operation's `x-protobuf` messages exist, each schema
// property is a field with that json_name and each field a property (recursively, with matching
// types), and realistic answers go JSON -> message -> JSON unchanged (null and [] read as absent).
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "gateway/openapi_document.hpp"
#include "messages/api_cluster.pb.h"
#include "messages/api_common.pb.h"
#include "messages/api_events.pb.h"
#include "messages/api_executions.pb.h"
#include "messages/api_tasks.pb.h"
#include "messages/api_workflows.pb.h"
#include "tests/support/json_equal.hpp"

namespace pb = google::protobuf;
using nlohmann::json;
using auraos::test::same_json;
using auraos::test::without_nulls;

namespace {

/// The api_*.proto files, by the names protoc gave them.
const std::vector<std::string> api_files = {"api_common.proto",     "api_workflows.proto",
                                            "api_executions.proto", "api_events.proto",
                                            "api_tasks.proto",      "api_cluster.proto"};

/// Operations whose answers are not JSON (streams, Prometheus text, the document, the dashboard).
const std::set<std::string> not_json = {"streamEvents", "streamLiveUpdates",
                                        "getMetrics",   "getOpenApiDocument",
                                        "getDashboard", "getDashboardAsset"};

/// OpenAPI schemas whose message has another name (workflow.proto's definition messages).
const std::map<std::string, std::string> message_aliases = {{"WorkflowNode", "Node"}};

/// Names one message of each file, so that the linker keeps them in the generated pool.
void keep_api_files() {
  static const pb::Descriptor* kept[] = {
      auraos::v1::Error::descriptor(),     auraos::v1::Workflow::descriptor(),
      auraos::v1::Execution::descriptor(), auraos::v1::Event::descriptor(),
      auraos::v1::TaskRun::descriptor(),   auraos::v1::Cluster::descriptor()};
  (void)kept;
}

const pb::Descriptor* find_message(const std::string& full_name) {
  keep_api_files();
  return pb::DescriptorPool::generated_pool()->FindMessageTypeByName(full_name);
}

const json& document() {
  static const json doc = json::parse(auraos::gateway::openapi_document());
  return doc;
}

/// The schema `s` names through `$ref`, or `s`.
const json& resolve(const json& s) {
  if (!s.is_object() || !s.contains("$ref")) return s;
  auto name = s.at("$ref").get<std::string>().substr(std::string{"#/components/schemas/"}.size());
  return document().at("components").at("schemas").at(name);
}

/// The component name `s` refers to, "" when it is inline.
std::string ref_name(const json& s) {
  if (!s.is_object() || !s.contains("$ref")) return {};
  auto ref = s.at("$ref").get<std::string>();
  return ref.substr(ref.rfind('/') + 1);
}

/// A `oneOf: [X, {type: null}]` as X (unresolved), else `s`.
const json& non_null(const json& s) {
  if (!s.is_object() || !s.contains("oneOf")) return s;
  for (const auto& alternative : s.at("oneOf"))
    if (alternative.value("type", json()) != "null") return alternative;
  return s;
}

/// The JSON types a schema allows ("type" as a string or a list); empty when untyped.
std::set<std::string> types_of(const json& s) {
  std::set<std::string> out;
  auto type = s.value("type", json());
  if (type.is_string()) out.insert(type.get<std::string>());
  for (const auto& each : type.is_array() ? type : json::array())
    out.insert(each.get<std::string>());
  if (out.empty() && (s.contains("properties") || s.contains("allOf"))) out.insert("object");
  return out;
}

/// An object schema's properties, the parts of an `allOf` merged.
json properties_of(const json& schema) {
  const json& s = resolve(schema);
  json out = s.value("properties", json::object());
  for (const auto& part : s.value("allOf", json::array())) out.update(properties_of(part));
  return out;
}

const pb::FieldDescriptor* field_by_json_name(const pb::Descriptor* message,
                                              const std::string& key) {
  for (int i = 0; i < message->field_count(); ++i)
    if (message->field(i)->json_name() == key) return message->field(i);
  return nullptr;
}

bool is_free(const pb::Descriptor* d) {
  return d->full_name() == "google.protobuf.Value" || d->full_name() == "google.protobuf.Struct";
}

/// The JSON type a wrapper message holds ("" when `d` is not a wrapper).
std::string wrapped_type(const pb::Descriptor* d) {
  static const std::map<std::string, std::string> wrappers = {
      {"google.protobuf.StringValue", "string"},
      {"google.protobuf.Int32Value", "integer"},
      {"google.protobuf.DoubleValue", "number"},
      {"google.protobuf.BoolValue", "boolean"}};
  auto it = wrappers.find(d->full_name());
  return it == wrappers.end() ? "" : it->second;
}

/// True when a scalar field of `type` can hold the JSON types `types`.
bool scalar_fits(pb::FieldDescriptor::CppType type, const std::set<std::string>& types) {
  switch (type) {
    case pb::FieldDescriptor::CPPTYPE_STRING:
      return types.count("string") > 0;
    case pb::FieldDescriptor::CPPTYPE_INT32:
      return types.count("integer") > 0;
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
      return types.count("number") > 0 || types.count("integer") > 0;
    case pb::FieldDescriptor::CPPTYPE_BOOL:
      return types.count("boolean") > 0;
    default:
      return false;  // int64, uint64, float, enums: never in the API's messages
  }
}

/// Compares schemas with messages, collecting one line per difference.
class schema_check {
 public:
  /// Every property of `schema` is a field of `message` with its json_name, and back.
  void object(const json& schema, const pb::Descriptor* message, const std::string& at) {
    // Only a component can recur (SupervisionNode.children); inline schemas are copies.
    if (schema.contains("$ref") && !visited_.insert({&resolve(schema), message}).second) return;
    auto properties = properties_of(schema);
    for (const auto& [key, sub] : properties.items()) {
      const auto* field = field_by_json_name(message, key);
      if (field == nullptr)
        problem(at + "." + key, "no field of " + message->full_name() + " has this json_name");
      else
        this->field(sub, field, at + "." + key);
    }
    for (int i = 0; i < message->field_count(); ++i)
      if (!properties.contains(message->field(i)->json_name()))
        problem(at + "." + message->field(i)->json_name(),
                "field " + message->field(i)->full_name() + " is not a property of the schema");
  }

  /// A schema that is a JSON array and a message whose only field is the list `items`.
  void array(const json& schema, const pb::Descriptor* message, const std::string& at) {
    const auto* items = message->FindFieldByName("items");
    if (message->field_count() != 1 || items == nullptr || !items->is_repeated())
      return problem(at, message->full_name() + " is not a list message {repeated items}");
    field(schema, items, at);
  }

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void field(const json& schema, const pb::FieldDescriptor* field, const std::string& at) {
    const json& unresolved = non_null(schema);
    const json& s = resolve(unresolved);
    auto types = types_of(s);
    if (field->is_map()) {
      if (!types.count("object") || !s.value("additionalProperties", json()).is_object())
        problem(at, "a map field for a schema that is not an object of typed values");
      return;
    }
    if (types.count("array")) {
      if (!field->is_repeated()) return problem(at, "an array but not a repeated field");
      return value(s.at("items"), field, at + "[]");
    }
    if (field->is_repeated()) return problem(at, "a repeated field but not an array");
    value(schema, field, at);
  }

  void value(const json& schema, const pb::FieldDescriptor* field, const std::string& at) {
    bool nullable = types_of(resolve(schema)).count("null") > 0 || schema.contains("oneOf");
    const json& unresolved = non_null(schema);
    const json& s = resolve(unresolved);
    auto types = types_of(s);
    if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (nullable) return problem(at, "nullable, so it needs a wrapper or a message field");
      if (!scalar_fits(field->cpp_type(), types))
        problem(at, std::string{"a "} + field->cpp_type_name() + " field cannot hold it");
      return;
    }
    const auto* message = field->message_type();
    if (is_free(message)) return;
    if (auto wrapped = wrapped_type(message); !wrapped.empty()) {
      bool fits =
          types.empty() || types.count(wrapped) || (wrapped == "number" && types.count("integer"));
      if (!fits) return problem(at, message->full_name() + " cannot hold it");
      if (!nullable && !types.empty()) problem(at, "a wrapper for a value that is never null");
      return;
    }
    if (!types.count("object")) return problem(at, "a message field for a non-object");
    auto name = ref_name(unresolved);
    if (auto alias = message_aliases.find(name); alias != message_aliases.end())
      name = alias->second;
    if (!name.empty() && name != message->name())
      problem(at, "refers to schema " + name + " but the field is " + message->full_name());
    object(unresolved, message, at);
  }

  void problem(const std::string& at, const std::string& what) {
    problems_.push_back(at + ": " + what);
  }

  std::set<std::pair<const json*, const pb::Descriptor*>> visited_;
  std::vector<std::string> problems_;
};

/// The JSON schema of an operation's body or of its first 2xx answer with content; null if none.
json body_schema(const json& operation, bool request) {
  if (request)
    return operation.value("requestBody", json::object())
        .value("content", json::object())
        .value("application/json", json::object())
        .value("schema", json());
  for (const auto& [status, answer] : operation.at("responses").items())
    if (status[0] == '2' && answer.contains("content"))
      return answer.at("content").value("application/json", json::object()).value("schema", json());
  return nullptr;
}

/// The array alternative of a `oneOf` (one object or an array), else `s`.
const json& array_form(const json& s) {
  if (!s.contains("oneOf")) return s;
  for (const auto& alternative : s.at("oneOf"))
    if (alternative.value("type", json()) == "array") return alternative;
  return s;
}

/// Checks one side of an operation: the message exists, is named after the schema and matches.
void check_form(const json& operation, bool request, schema_check& check) {
  const auto& forms = operation.at("x-protobuf");
  std::string side = request ? "request" : "response";
  std::string at = operation.at("operationId").get<std::string>() + " " + side;
  json schema = body_schema(operation, request);
  if (!forms.contains(side)) {
    BOOST_TEST(schema.is_null(), at << ": the operation has a JSON body but no message");
    return;
  }
  auto name = forms.at(side).get<std::string>();
  const auto* message = find_message(name);
  BOOST_TEST_REQUIRE(message != nullptr, at << ": no message " << name);
  BOOST_TEST_REQUIRE(schema.is_object(), at << ": a message but no JSON body");
  if (forms.value(side + "Array", false)) return check.array(array_form(schema), message, at);
  BOOST_TEST(name == "auraos.v1." + ref_name(schema), at << ": named after the schema");
  check.object(schema, message, at);
}



/// `text` read strictly into the message named `type` and printed as an answer is (defaults
/// written out): the JSON it gives back, or the parser's complaint.
std::string round_trip(const std::string& type, const std::string& text) {
  const auto* descriptor = find_message("auraos.v1." + type);
  if (descriptor == nullptr) return "no message " + type;
  std::unique_ptr<pb::Message> message{
      pb::MessageFactory::generated_factory()->GetPrototype(descriptor)->New()};
  pb::util::JsonParseOptions parse;
  parse.ignore_unknown_fields = false;
  auto status = pb::util::JsonStringToMessage(text, message.get(), parse);
  if (!status.ok()) return "refused: " + status.ToString();
  pb::util::JsonPrintOptions print;
  print.always_print_primitive_fields = true;
  std::string out;
  status = pb::util::MessageToJsonString(*message, &out, print);
  return status.ok() ? out : "not printed: " + status.ToString();
}

void check_round_trip(const std::string& type, const std::string& text) {
  auto back = round_trip(type, text);
  auto parsed = json::parse(back, nullptr, false);
  BOOST_TEST(same_json(without_nulls(json::parse(text)), without_nulls(parsed)),
             type << " came back as " << back);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_messages)

BOOST_AUTO_TEST_CASE(every_json_operation_names_messages_that_match_its_schemas) {
  schema_check check;
  int operations = 0;
  for (const auto& [path, item] : document().at("paths").items())
    for (const auto& [method, operation] : item.items()) {
      if (!operation.is_object() || !operation.contains("operationId")) continue;
      auto id = operation.at("operationId").get<std::string>();
      if (!operation.contains("x-protobuf")) {
        // A route without Protobuf forms answers 406 to Accept: application/x-protobuf, so
        // even a 204 route (a DELETE, whose errors are JSON) has x-protobuf, empty.
        BOOST_TEST(not_json.count(id) > 0, id << " speaks JSON but has no x-protobuf");
        continue;
      }
      BOOST_TEST(not_json.count(id) == 0, id << " does not speak JSON but has x-protobuf");
      ++operations;
      check_form(operation, true, check);
      check_form(operation, false, check);
    }
  BOOST_TEST(operations == 60);
  std::string lines;
  for (const auto& line : check.problems()) lines += "  " + line + "\n";
  BOOST_TEST(check.problems().empty(), "messages and schemas differ:\n" << lines);
}

BOOST_AUTO_TEST_CASE(api_messages_have_no_64_bit_integers) {
  keep_api_files();
  std::vector<const pb::Descriptor*> pending;
  for (const auto& name : api_files) {
    const auto* file = pb::DescriptorPool::generated_pool()->FindFileByName(name);
    BOOST_TEST_REQUIRE(file != nullptr, name << " is not linked in");
    BOOST_TEST(file->package() == "auraos.v1");
    for (int i = 0; i < file->message_type_count(); ++i) pending.push_back(file->message_type(i));
  }
  while (!pending.empty()) {
    const auto* message = pending.back();
    pending.pop_back();
    for (int i = 0; i < message->nested_type_count(); ++i)
      pending.push_back(message->nested_type(i));
    for (int i = 0; i < message->field_count(); ++i) {
      auto type = message->field(i)->cpp_type();
      BOOST_TEST((type != pb::FieldDescriptor::CPPTYPE_INT64 &&
                  type != pb::FieldDescriptor::CPPTYPE_UINT64 &&
                  type != pb::FieldDescriptor::CPPTYPE_ENUM),
                 message->field(i)->full_name() << " prints as a string or a proto enum");
    }
  }
}

BOOST_AUTO_TEST_CASE(an_execution_with_null_times_and_a_shell_error_round_trips) {
  check_round_trip("Execution", R"json({
    "id": "0b6f4c1e-8f4e-4f7a-9a57-3b1c2f0e9d11", "workflowId": "nightly", "revision": 3,
    "status": "running", "input": {"day": "2026-11-26", "dry": false}, "output": null,
    "error": null, "startedAt": "2026-11-26T02:03:31.123Z", "completedAt": null,
    "nodes": [
      {"id": "fetch", "status": "completed", "attempts": 1,
       "startedAt": "2026-11-26T02:03:31.130Z", "completedAt": "2026-11-26T02:03:32.001Z",
       "output": {"rows": [1, 2, 3]}, "error": null},
      {"id": "load", "status": "retrying", "attempts": 2,
       "startedAt": "2026-11-26T02:03:32.010Z", "completedAt": null, "output": null,
       "error": {"type": "exit_code", "message": "command 'sh -c ...' exited with code 3",
                 "retryable": true, "attempts": 0, "exitCode": 3, "stdout": "out\n",
                 "stderr": "boom\n"}},
      {"id": "report", "status": "pending", "attempts": 0, "startedAt": null,
       "completedAt": null, "output": null, "error": null}],
    "metrics": {"nodeAttempts": 3, "historyRecords": 14}})json");
}

BOOST_AUTO_TEST_CASE(a_finished_execution_keeps_its_output_and_duration) {
  check_round_trip("Execution", R"json({
    "id": "e1", "workflowId": "w", "revision": 1, "status": "completed", "input": null,
    "output": [1, "two", {"three": 3.5}], "error": null,
    "startedAt": "2026-11-26T02:03:31.123Z", "completedAt": "2026-11-26T02:03:33.123Z",
    "nodes": [], "metrics": {"nodeAttempts": 0, "historyRecords": 4, "durationMs": 2000}})json");
}

BOOST_AUTO_TEST_CASE(a_task_run_with_nulls_and_dependencies_round_trips) {
  check_round_trip("TaskRun", R"json({
    "id": "r-1", "taskId": "backup", "status": "failed", "input": {"db": "main"},
    "output": null,
    "error": {"type": "exit_code", "message": "exited with code 2", "exitCode": 2,
              "stdout": "", "stderr": "disk full\n"},
    "attempts": 3, "priority": -5, "queue": "default",
    "queuedAt": "2026-11-26T02:00:00.000Z", "startedAt": "2026-11-26T02:00:00.050Z",
    "completedAt": "2026-11-26T02:01:00.000Z", "nextAttemptAt": null,
    "resourceAllocation": {"cpu": 1.5, "memoryMiB": 512}, "worker": null,
    "leaseExpiresAt": null, "batchId": "b-9",
    "dependsOn": [{"runId": "r-0", "condition": "completion"}], "retryOf": null,
    "executionId": null, "nodeId": null, "scheduleTime": "2026-11-26T02:00:00.000Z"})json");
}

BOOST_AUTO_TEST_CASE(a_workflow_page_with_a_null_cursor_round_trips) {
  check_round_trip("WorkflowPage", R"json({"items": [{
    "id": "nightly", "name": "Nightly report", "description": "", "version": "1.0.0",
    "revision": 2, "status": "active", "tags": ["reports"],
    "createdAt": "2026-11-20T10:00:00.000Z", "updatedAt": "2026-11-25T10:00:00.000Z",
    "definition": {"id": "nightly", "name": "Nightly report", "tags": ["reports"],
      "variables": [{"name": "day", "type": "string", "required": true},
                    {"name": "dry", "type": "boolean", "default": false}],
      "settings": {"timeoutSeconds": 3600, "retry": {"maxAttempts": 3, "jitter": "full"}},
      "nodes": [{"id": "fetch", "type": "http", "config": {"url": "https://x/${vars.day}"},
                 "timeoutSeconds": 30, "position": {"x": 0, "y": 120}},
                {"id": "load", "type": "shell", "config": {"command": "load.sh"},
                 "join": "all", "retry": {"maxAttempts": 5, "retryOn": ["exit_code"]}}],
      "connections": [{"from": "fetch", "to": "load", "on": "success",
                       "when": "${output.rows > 0}"}],
      "triggers": [{"event": {"type": "day.closed", "source": "ledger"},
                    "input": {"day": "${event.data.day}"}}],
      "output": "${nodes.load.output}", "metadata": {"owner": "ops"}}}],
    "nextCursor": null})json");
}

BOOST_AUTO_TEST_CASE(a_supervision_tree_round_trips) {
  check_round_trip("SupervisionNode", R"json({
    "name": "node", "kind": "supervisor", "strategy": "rest_for_one", "status": "running",
    "restarts": 0, "lastFailure": null,
    "intensity": {"maxRestarts": 3, "periodMs": 30000, "recentRestarts": 1},
    "children": [
      {"name": "store", "kind": "service", "strategy": null, "status": "running",
       "restarts": 1, "lastFailure": "system_error(runtime_error, (\"injected fault\"))",
       "intensity": null, "children": []},
      {"name": "executions-service", "kind": "supervisor", "strategy": "one_for_one",
       "status": "restarting", "restarts": 0, "lastFailure": null,
       "intensity": {"maxRestarts": 100, "periodMs": 5000, "recentRestarts": 0},
       "children": [{"name": "execution-e1", "kind": "execution", "strategy": null,
                     "status": "stopping", "restarts": 0, "lastFailure": null,
                     "intensity": null, "children": []}]}]})json");
}

BOOST_AUTO_TEST_CASE(errors_metrics_schedules_and_lists_round_trip) {
  check_round_trip("Error", R"json({"error": {"code": "invalid_definition", "message": "2 problems",
    "details": ["nodes[1] (id \"b\"): type: unknown", {"line": 3, "column": 7}, null]}})json");
  check_round_trip("ExecutionMetrics", R"json({"from": "2026-01-01T00:00:00.000Z",
    "to": "2026-01-01T01:00:00.000Z", "intervalSeconds": 60,
    "byStatus": {"pending": 0, "running": 2, "paused": 0, "completed": 40, "failed": 3,
                 "cancelled": 1, "timed_out": 0},
    "series": [{"start": "2026-01-01T00:00:00.000Z", "started": 4, "completed": 3, "failed": 1,
                "cancelled": 0, "durationMs": {"p50": 120, "p95": 900, "p99": 900}},
               {"start": "2026-01-01T00:01:00.000Z", "started": 0, "completed": 0, "failed": 0,
                "cancelled": 0, "durationMs": {"p50": null, "p95": null, "p99": null}}]})json");
  check_round_trip("HistoryRecord", R"json({"seq": 7, "timestamp": "2026-11-26T02:03:31.123Z",
    "kind": "attempt_failed", "nodeId": "load", "attempt": 2, "atMs": 1764122611123,
    "data": {"error": {"type": "exit_code", "retryable": true}}})json");
  check_round_trip("Schedule", R"json({"cron": "0 2 * * *", "timezone": "Europe/Berlin",
    "input": {"report": "nightly"}, "overlap": "skip", "catchupWindowSeconds": 60,
    "paused": false, "taskId": "backup", "nextFireTimes": ["2026-11-27T01:00:00.000Z"],
    "lastFireTime": null, "currentRunId": null,
    "skipped": {"count": 1, "recent": [{"fireTime": "2026-11-25T01:00:00.000Z",
                                        "reason": "overlap"}]},
    "createdAt": "2026-11-20T10:00:00.000Z", "updatedAt": "2026-11-20T10:00:00.000Z"})json");
  check_round_trip("ShardLeaseList", R"json({"items": [
    {"shard": 0, "owner": "n1", "epoch": 4, "expiresAt": "2026-11-26T02:03:41.123Z"},
    {"shard": 1, "owner": null, "epoch": 0, "expiresAt": null}]})json");
  check_round_trip("TaskQueues", R"json({"capacity": {"cpu": 8, "memoryMiB": 16384},
    "inUse": {"cpu": 1.5}, "workers": 16, "running": 1, "agingSeconds": 60,
    "queues": [{"queue": "default", "depthByPriority": {"5": 3, "0": 10}, "waiting": 13,
                "delayed": 1, "claimable": 0, "running": 1, "inUse": {"cpu": 1.5}}]})json");
  check_round_trip("EventPattern", R"json({"id": "fast-orders", "name": "Fast orders",
    "kind": "sequence", "steps": [{"type": "order.placed"},
                                  {"type": "order.paid", "where": "event.data.amount > 5"}],
    "within": 600, "by": "orderId", "emit": {"type": "order.fast", "source": "patterns"},
    "createdAt": "2026-11-20T10:00:00.000Z", "updatedAt": "2026-11-20T10:00:00.000Z",
    "matches": 12, "lastMatchAt": null})json");
}

BOOST_AUTO_TEST_CASE(request_bodies_keep_absent_fields_absent) {
  check_round_trip("TaskDefinition", R"json({"id": "backup", "name": "Backup", "type": "shell",
    "config": {"command": "backup.sh ${input.db}"}, "resources": {"cpu": 0.5}})json");
  check_round_trip("EventBatch", R"json({"items": [
    {"type": "order.paid", "source": "shop", "data": {"orderId": 7}, "correlationId": "c-42"},
    {"id": "e-2", "type": "order.shipped", "source": "shop",
     "timestamp": "2026-11-30T11:00:00+01:00", "metadata": {"region": "eu"},
     "causationId": null}]})json");
  check_round_trip("ClaimRequest", R"json({"workerId": "w1", "max": 10})json");
  check_round_trip("RetentionRuleBody", R"json({"maxAgeSeconds": 86400, "maxCount": null})json");
  check_round_trip("EventPatternRule", R"json({"name": "Unpaid", "kind": "absence",
    "first": {"type": "order.placed"}, "then": {"type": "order.paid", "where": "true"},
    "within": 0.5, "by": "correlationId",
    "emit": {"type": "order.unpaid", "source": "patterns"}})json");
  check_round_trip("ScheduleSpec", R"json({"every": 3600, "input": null})json");
  check_round_trip("FailRequest", R"json({"leaseId": "l-1", "error": {"type": "boom"}})json");
}

BOOST_AUTO_TEST_CASE(a_canonical_task_round_trips) {
  check_round_trip("Task", R"json({"id": "backup", "name": "Backup", "description": "",
    "type": "external", "config": {"heartbeatSeconds": 30},
    "dependencies": [{"taskId": "prepare", "condition": "success"}],
    "resources": {"cpu": 1, "licenses": 2},
    "retryPolicy": {"maxAttempts": 1, "initialIntervalSeconds": 1, "backoffRate": 2,
                    "maxIntervalSeconds": 60, "jitter": "full", "retryOn": [],
                    "nonRetryable": []},
    "priority": 0, "queue": "default", "tags": [], "metadata": {}, "timeout": 600,
    "rateLimit": {"runs": 10, "perSeconds": 1.5},
    "createdAt": "2026-11-20T10:00:00.000Z", "updatedAt": "2026-11-20T10:00:00.000Z"})json");
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_refused) {
  auto back = round_trip("Event", R"json({"id": "e", "type": "t", "source": "s",
    "timestamp": "2026-11-26T02:03:31.123Z", "data": {}, "metadata": {},
    "correlation": "c"})json");
  BOOST_TEST(back.rfind("refused", 0) == 0, back);
}

BOOST_AUTO_TEST_SUITE_END()
