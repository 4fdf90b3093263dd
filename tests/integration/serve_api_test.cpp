// `auraos serve` as a client sees it: the real binary, REST over HTTP, signals, exit codes.

#include <fstream>
#include <regex>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

std::string minimal_workflow(const std::string& id, const std::string& tag = "t") {
  return json{{"id", id},
              {"name", "wf " + id},
              {"tags", {tag}},
              {"nodes", {{{"id", "a"}, {"type", "noop"}}}}}
      .dump();
}

using auraos::test::serve_node;

void check_envelope(const auraos::test::api_reply& reply, int status, const std::string& code) {
  BOOST_TEST(reply.status == status, reply.body);
  BOOST_TEST(reply.json["error"]["code"] == code, reply.body);
  BOOST_TEST(reply.json["error"]["message"].is_string());
  BOOST_TEST(reply.json["error"]["details"].is_array());
}

bool is_rfc3339_utc(const json& value) {
  static const std::regex re{R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)"};
  return value.is_string() && std::regex_match(value.get<std::string>(), re);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_api)

BOOST_AUTO_TEST_CASE(workflow_crud_round_trip_stores_revisions) {
  serve_node node;
  auto created = node.call("POST", "/api/v1/workflows", auraos::test::example_text("diamond.json"));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  BOOST_TEST(created.json["id"] == "diamond");
  BOOST_TEST(created.json["revision"] == 1);
  BOOST_TEST(created.json["version"] == "1.0.0");
  BOOST_TEST(is_rfc3339_utc(created.json["createdAt"]), created.body);
  BOOST_TEST(is_rfc3339_utc(created.json["updatedAt"]), created.body);
  BOOST_TEST(created.json["definition"]["nodes"].size() == 4u);

  auto read = node.call("GET", "/api/v1/workflows/diamond");
  BOOST_TEST(read.status == 200);
  BOOST_TEST(read.json == created.json);

  auto changed = json::parse(auraos::test::example_text("diamond.json"));
  changed["id"] = "ignored-body-id";
  changed["name"] = "Renamed";
  auto updated = node.call("PUT", "/api/v1/workflows/diamond", changed.dump());
  BOOST_TEST_REQUIRE(updated.status == 200, updated.body);
  BOOST_TEST(updated.json["id"] == "diamond");
  BOOST_TEST(updated.json["revision"] == 2);
  BOOST_TEST(updated.json["name"] == "Renamed");
  BOOST_TEST(node.call("GET", "/api/v1/workflows/diamond").json["revision"] == 2);

  BOOST_TEST(node.call("DELETE", "/api/v1/workflows/diamond").status == 204);
  check_envelope(node.call("GET", "/api/v1/workflows/diamond"), 404, "not_found");
}

BOOST_AUTO_TEST_CASE(invalid_definition_answers_422_with_every_error) {
  serve_node node;
  json bad = {
      {"nodes", {{{"id", "a"}, {"type", "shell"}}, {{"id", "b"}, {"type", "no-such-type"}}}},
      {"connections", {{{"from", "a"}, {"to", "missing"}}}}};
  auto reply = node.call("POST", "/api/v1/workflows", bad.dump());
  check_envelope(reply, 422, "invalid_definition");
  BOOST_TEST(reply.json["error"]["details"].size() >= 3u, reply.body);
  BOOST_TEST(reply.body.find("config.command") != std::string::npos, reply.body);
}

BOOST_AUTO_TEST_CASE(errors_answer_the_envelope_with_their_status) {
  serve_node node;
  check_envelope(node.call("GET", "/api/v1/workflows/nope"), 404, "not_found");
  check_envelope(node.call("PUT", "/api/v1/workflows/nope", minimal_workflow("nope")), 404,
                 "not_found");
  BOOST_TEST(node.call("POST", "/api/v1/workflows", minimal_workflow("w1")).status == 201);
  check_envelope(node.call("POST", "/api/v1/workflows", minimal_workflow("w1")), 409, "conflict");
  check_envelope(node.call("POST", "/api/v1/workflows", "{\"id\": "), 400, "bad_request");
  std::string deep(200, '[');
  check_envelope(node.call("POST", "/api/v1/workflows", deep + std::string(200, ']')), 400,
                 "bad_request");
  std::string huge = "\"" + std::string(2 * 1024 * 1024, 'x') + "\"";
  check_envelope(node.call("POST", "/api/v1/workflows", huge), 413, "payload_too_large");
  check_envelope(node.call("GET", "/api/v1/workflows?limit=0"), 400, "bad_request");
  check_envelope(node.call("GET", "/api/v1/executions?status=sleeping"), 400, "bad_request");
}

BOOST_AUTO_TEST_CASE(a_start_body_with_an_unknown_field_is_refused) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", minimal_workflow("w")).status == 201);
  auto typo = node.call("POST", "/api/v1/workflows/w/executions", R"({"inputs": {"a": 1}})");
  check_envelope(typo, 400, "bad_request");
  BOOST_TEST(typo.json["error"]["message"].get<std::string>().find("unknown field 'inputs'") !=
             std::string::npos);
  BOOST_TEST(node.call("GET", "/api/v1/executions").json["items"].empty());
}

BOOST_AUTO_TEST_CASE(an_idempotency_key_repeated_with_another_input_is_a_conflict) {
  serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s), node.process.err());
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", minimal_workflow("w")).status == 201);
  auto start = [&](const std::string& body, const std::string& key) {
    return node.call("POST", "/api/v1/workflows/w/executions", body, {{"Idempotency-Key", key}});
  };
  auto first = start(R"({"input": {"n": 1}})", "k1");
  BOOST_TEST_REQUIRE(first.status == 202, first.body);
  auto same = start(R"({"input": {"n": 1.0}})", "k1");
  BOOST_TEST(same.status == 202, same.body);
  BOOST_TEST(same.json["id"] == first.json["id"]);
  auto other = start(R"({"input": {"n": 2}})", "k1");
  check_envelope(other, 409, "conflict");
  BOOST_TEST(other.json["error"]["message"].get<std::string>().find(
                 first.json["id"].get<std::string>()) != std::string::npos,
             other.body);
  check_envelope(start("{}", std::string(256, 'k')), 400, "bad_request");
  BOOST_TEST(start("{}", std::string(255, 'k')).status == 202);
  BOOST_TEST(node.call("GET", "/api/v1/executions").json["items"].size() == 2u);
}

BOOST_AUTO_TEST_CASE(workflow_lists_page_with_cursors_and_filter) {
  serve_node node;
  for (int i = 0; i < 5; ++i)
    BOOST_TEST_REQUIRE(
        node.call("POST", "/api/v1/workflows", minimal_workflow("p" + std::to_string(i))).status ==
        201);
  BOOST_TEST(node.call("POST", "/api/v1/workflows", minimal_workflow("other", "x")).status == 201);
  std::vector<std::string> ids;
  std::string target = "/api/v1/workflows?tag=t&limit=2";
  for (int pages = 0; pages < 10; ++pages) {
    auto page = node.call("GET", target);
    BOOST_TEST_REQUIRE(page.status == 200, page.body);
    BOOST_TEST(page.json["items"].size() <= 2u);
    for (const auto& item : page.json["items"]) ids.push_back(item["id"]);
    if (page.json["nextCursor"].is_null()) break;
    target = "/api/v1/workflows?tag=t&limit=2&cursor=" + page.json["nextCursor"].get<std::string>();
  }
  BOOST_TEST(ids == (std::vector<std::string>{"p0", "p1", "p2", "p3", "p4"}),
             boost::test_tools::per_element());
  auto named = node.call("GET", "/api/v1/workflows?name=wf%20other");
  BOOST_TEST(named.json["items"].size() == 1u, named.body);
  auto executions = node.call("GET", "/api/v1/executions?workflowId=p0");
  BOOST_TEST(executions.status == 200);
  BOOST_TEST(executions.json["items"].empty());
  BOOST_TEST(executions.json["nextCursor"].is_null());
}

BOOST_AUTO_TEST_CASE(workflow_metrics_of_a_new_workflow_are_zero_and_null) {
  serve_node node;
  BOOST_TEST(node.call("POST", "/api/v1/workflows", minimal_workflow("m")).status == 201);
  auto metrics = node.call("GET", "/api/v1/workflows/m/metrics");
  BOOST_TEST_REQUIRE(metrics.status == 200, metrics.body);
  BOOST_TEST(metrics.json["executions"]["total"] == 0);
  BOOST_TEST(metrics.json["durationMs"]["p50"].is_null());
  BOOST_TEST(metrics.json["successRate"].is_null());
  check_envelope(node.call("GET", "/api/v1/workflows/none/metrics"), 404, "not_found");
}

BOOST_AUTO_TEST_CASE(health_readiness_and_metrics_report_each_subsystem) {
  serve_node node;
  auto health = node.call("GET", "/healthz");
  BOOST_TEST(health.status == 200, health.body);
  BOOST_TEST(health.json["subsystems"]["http"]["status"] == "ok");
  auraos::test::api_reply ready;
  BOOST_TEST(auraos::test::wait_until(
      [&] {
        ready = node.call("GET", "/readyz");
        return ready.status == 200;
      },
      15s));
  BOOST_TEST(ready.json["status"] == "ready", ready.body);
  BOOST_TEST(ready.json["subsystems"]["store"]["status"] == "ok", ready.body);
  BOOST_TEST(ready.json["subsystems"]["executions"]["status"] == "ok", ready.body);
  BOOST_TEST(ready.status == 200, ready.body);

  auto metrics = node.call("GET", "/metrics");
  BOOST_TEST(metrics.status == 200);
  BOOST_TEST(metrics.headers["content-type"].find("text/plain") == 0u);
  for (const char* needle :
       {"# TYPE auraos_store_commit_latency_seconds histogram",
        "auraos_store_commit_latency_seconds_bucket{le=\"+Inf\"}",
        "auraos_store_commit_latency_seconds_count", "# TYPE auraos_actor_restarts_total counter",
        "auraos_actor_restarts_total 0", "# TYPE auraos_executions gauge"})
    BOOST_TEST(metrics.body.find(needle) != std::string::npos, needle << " in\n" << metrics.body);
}

BOOST_AUTO_TEST_CASE(supervision_tree_shows_the_node_and_its_services) {
  serve_node node;
  auto tree = node.call("GET", "/api/v1/supervision");
  BOOST_TEST_REQUIRE(tree.status == 200, tree.body);
  BOOST_TEST(tree.json["name"] == "node");
  BOOST_TEST(tree.json["kind"] == "supervisor");
  BOOST_TEST(tree.json["strategy"] == "rest_for_one");
  std::vector<std::string> names;
  for (const auto& child : tree.json["children"]) {
    names.push_back(child["name"]);
    BOOST_TEST(child["status"] == "running");
    BOOST_TEST(child["restarts"] == 0);
  }
  BOOST_TEST(names == (std::vector<std::string>{"store", "timers", "events-service",
                                                "event-retention", "tasks-service",
                                                "task-scheduler", "executions-service",
                                                "key-rotation", "http"}),
             boost::test_tools::per_element());
  // The events service supervises its stream actors and its pattern rules' actors.
  std::vector<std::string> event_parts;
  for (const auto& child : tree.json["children"])
    if (child["name"] == "events-service")
      for (const auto& part : child["children"]) event_parts.push_back(part["name"]);
  BOOST_TEST(event_parts == (std::vector<std::string>{"event-streams", "event-patterns"}),
             boost::test_tools::per_element());
  BOOST_TEST(node.call("POST", "/api/v1/_test/crash/http").status == 404);
}

BOOST_AUTO_TEST_CASE(sigterm_and_sigint_stop_the_node_with_exit_0) {
  for (int signal : {SIGTERM, SIGINT}) {
    serve_node node;
    node.process.signal(signal);
    BOOST_TEST(node.process.wait_exit(20s) == 0, node.process.err());
    BOOST_TEST(node.process.err().find("node stopped") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(bad_settings_exit_2_with_one_line) {
  auraos::test::temp_dir dir;
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(),
                {auraos::test::auraos_binary(), "serve", "--data-dir", dir.path().string()});
    auraos::test::process_options options;
    options.deadline = 20s;
    return auraos::test::run_process(args, options);
  };
  auto bad_http = run({"--http", "nonsense"});
  BOOST_TEST(bad_http.exit_code == 2);
  BOOST_TEST(bad_http.err.find("--http") != std::string::npos, bad_http.err);
  auto missing = run({"--config", dir.file("absent.json")});
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err.find("absent.json") != std::string::npos, missing.err);
}

BOOST_AUTO_TEST_CASE(unreachable_postgresql_fails_the_start_with_a_clear_error) {
  auraos::test::temp_dir dir;
  auto port = auraos::test::unused_port();
  BOOST_TEST_REQUIRE(port.has_value());
  auto url = "postgresql://auraos:secret@127.0.0.1:" + std::to_string(*port) + "/auraos";
  auraos::test::process_options options;
  options.deadline = 30s;
  auto run = auraos::test::run_process({auraos::test::auraos_binary(), "serve", "--data-dir",
                                        dir.path().string(), "--db", url, "--http", "127.0.0.1:0"},
                                       options);
  BOOST_TEST(run.exit_code == 1, run.err);
  BOOST_TEST(run.err.find("cannot open store postgresql://auraos:***@127.0.0.1:" +
                          std::to_string(*port)) != std::string::npos,
             run.err);
  BOOST_TEST(run.err.find("secret") == std::string::npos, run.err);
  BOOST_TEST(run.err.find("connect to PostgreSQL") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_SUITE_END()
