// Realistic API answers and bodies go JSON -> Protobuf message -> JSON unchanged (null and []
// read as absent), and an unknown key is refused: the messages of messages/api_*.proto read and
// write the JSON the REST API speaks.

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "gateway/protobuf_codec.hpp"
#include "tests/support/json_equal.hpp"

namespace pb = google::protobuf;
using nlohmann::json;
using auraos::test::same_json;
using auraos::test::without_nulls;

namespace {

const pb::Descriptor* find_message(const std::string& full_name) {
  return auraos::gateway::find_api_message(full_name);
}

/// `text` read strictly into the message named `type` by libprotobuf's own JSON mapping and
/// printed with defaults: the reference the API's codec is held to (on values shallow enough
/// for libprotobuf).
std::string libprotobuf_round_trip(const std::string& type, const std::string& text,
                                   bool with_defaults = true) {
  const auto* descriptor = find_message("auraos.v1." + type);
  if (descriptor == nullptr) return "no message " + type;
  std::unique_ptr<pb::Message> message{
      pb::MessageFactory::generated_factory()->GetPrototype(descriptor)->New()};
  pb::util::JsonParseOptions parse;
  parse.ignore_unknown_fields = false;
  auto status = pb::util::JsonStringToMessage(text, message.get(), parse);
  if (!status.ok()) return "refused: " + status.ToString();
  pb::util::JsonPrintOptions print;
  print.always_print_primitive_fields = with_defaults;
  std::string out;
  status = pb::util::MessageToJsonString(*message, &out, print);
  return status.ok() ? out : "not printed: " + status.ToString();
}

/// `text` through the API's codec: JSON -> bytes of the message named `type` -> JSON with
/// defaults (as answers are written), or the codec's complaint.
std::string round_trip(const std::string& type, const std::string& text,
                       bool with_defaults = true) {
  auto full = "auraos.v1." + type;
  auto bytes = auraos::gateway::json_to_protobuf({full}, text);
  if (!bytes) return "refused: " + bytes.error();
  auto back = auraos::gateway::protobuf_to_json({full}, *bytes, with_defaults);
  return back ? *back : "not printed: " + back.error();
}

void check_round_trip(const std::string& type, const std::string& text) {
  auto back = round_trip(type, text);
  auto parsed = json::parse(back, nullptr, false);
  BOOST_TEST(same_json(without_nulls(json::parse(text)), without_nulls(parsed)),
             type << " came back as " << back);
  auto reference = libprotobuf_round_trip(type, text);
  BOOST_TEST(same_json(parsed, json::parse(reference, nullptr, false)),
             type << ": the codec wrote " << back << ", libprotobuf " << reference);
  // Request bodies are read without defaults: absent stays absent, as libprotobuf has it.
  auto body = round_trip(type, text, false);
  auto body_reference = libprotobuf_round_trip(type, text, false);
  BOOST_TEST(same_json(json::parse(body, nullptr, false), json::parse(body_reference, nullptr, false)),
             type << " as a body: the codec wrote " << body << ", libprotobuf " << body_reference);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_messages_round_trip)

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

BOOST_AUTO_TEST_CASE(security_answers_and_bodies_round_trip) {
  check_round_trip("AccessToken", R"json({"accessToken": "eyJhbGciOiJFZERTQSJ9.e30.c2ln",
    "tokenType": "Bearer", "expiresIn": 900, "expiresAt": "2026-11-26T02:18:31.123Z",
    "refreshToken": "aor_q8Xf", "refreshExpiresAt": "2026-12-26T02:03:31.123Z",
    "user": {"id": "7c1e", "username": "admin", "role": "admin",
             "permissions": ["admin", "workflow:read"]}})json");
  check_round_trip("CurrentUser", R"json({"authEnabled": true, "authenticated": false, "id": null,
    "username": null, "role": null, "permissions": []})json");
  check_round_trip("ApiTokenList", R"json({"items": [{"id": "t1", "name": "ci",
    "createdAt": "2026-11-20T10:00:00.000Z", "expiresAt": null,
    "lastUsedAt": "2026-11-21T10:00:00.000Z", "revokedAt": null}]})json");
  check_round_trip("ApiToken", R"json({"id": "t2", "name": "deploy",
    "createdAt": "2026-11-20T10:00:00.000Z", "expiresAt": "2026-12-20T10:00:00.000Z",
    "lastUsedAt": null, "revokedAt": null, "token": "aos_Zm9v"})json");
  check_round_trip("UserPage", R"json({"items": [{"id": "u1", "username": "ops@example",
    "role": "operator", "disabled": true, "createdAt": "2026-11-20T10:00:00.000Z",
    "updatedAt": "2026-11-21T10:00:00.000Z"}], "nextCursor": "MTc2"})json");
  check_round_trip("RoleList", R"json({"items": [
    {"name": "viewer", "permissions": ["cluster:read", "workflow:read"], "builtin": true},
    {"name": "deployer", "permissions": ["task:*"], "builtin": false}]})json");
  check_round_trip("AuditPage", R"json({"items": [
    {"seq": 3000000000, "at": "2026-11-26T02:03:31.123Z", "actor": "u1", "actorName": "ops",
     "tokenId": "j-9", "action": "createWorkflow", "target": "nightly", "source": "10.0.0.7",
     "outcome": "allowed", "status": 201,
     "details": {"method": "POST", "path": "/api/v1/workflows"}},
    {"seq": 1, "at": "2026-11-26T02:03:30.000Z", "actor": "anonymous", "actorName": "",
     "tokenId": null, "action": "listUsers", "target": null, "source": "127.0.0.1",
     "outcome": "refused", "status": 401, "details": null}], "nextCursor": null})json");
  check_round_trip("AuditReport", R"json({"from": "2026-11-25T02:03:31.123Z",
    "to": "2026-11-26T02:03:31.123Z", "total": 12, "byOutcome": {"allowed": 10, "refused": 2},
    "byAction": {"createUser": 1, "putRole": 11}})json");
  check_round_trip("AccessTokenRequest", R"json({"username": "admin", "password": "pw"})json");
  check_round_trip("AccessTokenRequest", R"json({"refreshToken": "aor_q8Xf"})json");
  check_round_trip("RevokeTokenRequest", R"json({"token": "aos_Zm9v"})json");
  check_round_trip("CreateApiTokenRequest", R"json({"name": "ci", "expiresInDays": null})json");
  check_round_trip("CreateUserRequest",
                   R"json({"username": "ops", "password": "long enough", "role": "viewer"})json");
  check_round_trip("UpdateUserRequest", R"json({"disabled": false})json");
  check_round_trip("PutRoleRequest", R"json({"permissions": ["event:read", "task:*"]})json");
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_refused) {
  auto back = round_trip("Event", R"json({"id": "e", "type": "t", "source": "s",
    "timestamp": "2026-11-26T02:03:31.123Z", "data": {}, "metadata": {},
    "correlation": "c"})json");
  BOOST_TEST(back.rfind("refused", 0) == 0, back);
  auto wrong_kind = round_trip("ClaimRequest", R"json({"workerId": "w1", "max": "ten"})json");
  BOOST_TEST(wrong_kind.find("max: expected a 32-bit integer, found string") != std::string::npos,
             wrong_kind);
  auto fraction = round_trip("ClaimRequest", R"json({"workerId": "w1", "max": 1.5})json");
  BOOST_TEST(fraction.rfind("refused", 0) == 0, fraction);
}

/// A JSON value `levels` deep: objects and arrays in turn around "x".
std::string nested(int levels) {
  std::string open, close;
  for (int i = 0; i < levels; ++i) {
    open += i % 2 ? "[" : "{\"a\":";
    close = (i % 2 ? "]" : "}") + close;
  }
  return open + "\"x\"" + close;
}

BOOST_AUTO_TEST_CASE(values_as_deep_as_the_json_api_takes_go_both_ways) {
  // libprotobuf's own JSON transcoder stops near 32 levels; request bodies take 64.
  for (int levels : {10, 64}) {
    auto text = R"json({"input": )json" + nested(levels) + "}";
    auto back = round_trip("StartExecutionRequest", text);
    BOOST_TEST(same_json(json::parse(text), json::parse(back, nullptr, false)),
               levels << " levels came back as " << back.substr(0, 200));
  }
  // Answers hold stored values, deeper than a request may be (the runtime's wrappers): they
  // become messages; as a request body the same bytes are refused.
  auto bytes = auraos::gateway::json_to_protobuf({"auraos.v1.StartExecutionRequest"},
                                                 R"json({"input": )json" + nested(300) + "}");
  BOOST_TEST_REQUIRE(bytes.has_value());
  auto as_body = auraos::gateway::protobuf_to_json({"auraos.v1.StartExecutionRequest"}, *bytes,
                                                   false);
  BOOST_TEST(!as_body.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
