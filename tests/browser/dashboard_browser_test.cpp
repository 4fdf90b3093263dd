// The dashboard in Debian's chromium (playwright-core) against a real node holding 100,000
// executions: the node is prepared here, tests/browser/dashboard.test.mjs drives the browser.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "persistence/open_store.hpp"
#include "tests/support/api_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {
namespace {

namespace p = persistence;
using namespace std::chrono_literals;
using nlohmann::json;

/// How many finished executions the node holds before the browser opens the dashboard.
constexpr int seeded_executions = 100'000;

/// Milliseconds since the epoch, now.
std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json report_workflow() {
  return json::parse(R"({
    "id": "nightly-report", "name": "Nightly report", "tags": ["reports"],
    "nodes": [
      {"id": "extract", "type": "shell", "config": {"command": "echo extracting >&2; echo '{\"rows\": 42}'"}},
      {"id": "check", "type": "transform", "config": {"output": {"big": "${nodes.extract.output.json.rows > 10}"}}},
      {"id": "archive", "type": "shell", "config": {"command": "echo archived"}},
      {"id": "skip", "type": "transform", "config": {"output": {"skipped": true}}},
      {"id": "notify", "type": "transform", "join": "any", "config": {"output": {"done": true}}}
    ],
    "connections": [
      {"from": "extract", "to": "check"},
      {"from": "check", "to": "archive", "when": "${nodes.check.output.big}"},
      {"from": "check", "to": "skip", "when": "${!nodes.check.output.big}"},
      {"from": "archive", "to": "notify"},
      {"from": "skip", "to": "notify"}
    ]})");
}

json flaky_workflow() {
  return json::parse(R"({
    "id": "flaky-upload", "name": "Flaky upload",
    "nodes": [
      {"id": "upload", "type": "shell",
       "config": {"command": "echo 'uploading'; echo 'connection refused' >&2; exit 3"},
       "retry": {"maxAttempts": 3, "initialIntervalSeconds": 0.2, "backoffRate": 2, "jitter": "none"}}
    ],
    "connections": []})");
}

json waiter_workflow() {
  return json::parse(R"({
    "id": "wait-an-hour", "name": "Wait an hour",
    "nodes": [
      {"id": "prepare", "type": "transform", "config": {"output": {"ready": true}}},
      {"id": "later", "type": "delay", "config": {"seconds": 3600}},
      {"id": "finish", "type": "shell", "config": {"command": "echo finished"}}
    ],
    "connections": [{"from": "prepare", "to": "later"}, {"from": "later", "to": "finish"}]})");
}

/// Stores `count` finished executions of `workflow_id` (revision 1) created over the last
/// day, in batches, straight into the node's SQLite file (the node is stopped).
void seed_executions(const std::filesystem::path& data_dir, const std::string& workflow_id,
                     int count) {
  p::open_store_options options;
  options.clock = [] { return now_ms(); };
  auto opened = p::open_store({"sqlite", (data_dir / "auraos.db").string()}, options);
  BOOST_REQUIRE_MESSAGE(opened, "open store: " << (opened ? "" : opened.error()));
  auto& store = **opened;
  auto start = now_ms() - 24 * 3600 * 1000;
  const int batch_size = 2000;
  for (int done = 0; done < count;) {
    p::write_batch batch;
    p::write_request request;
    for (int i = 0; i < batch_size && done < count; ++i, ++done) {
      p::execution_record record;
      record.workflow_id = workflow_id;
      record.revision = 1;
      bool failed = done % 17 == 0;
      record.status = failed ? p::execution_status::failed : p::execution_status::completed;
      record.input = R"({"seeded": true})";
      record.created_at = start + static_cast<std::int64_t>(done) * (24 * 3600 * 1000 / count);
      record.started_at = record.created_at;
      record.completed_at = record.created_at + 20 + done % 400;
      if (failed)
        record.error = R"({"code": "exit_code", "message": "seeded failure"})";
      else
        record.output = R"({"rows": 42})";
      request.ops.emplace_back(p::create_execution_op{std::move(record)});
    }
    batch.requests.push_back(std::move(request));
    auto committed = store.commit(batch);
    BOOST_REQUIRE_MESSAGE(committed && (*committed)[0], "seeding a batch failed");
  }
}

/// A node over `data_dir` with the test fault route, ready to take work.
std::unique_ptr<serve_process> start_node(const std::filesystem::path& data_dir) {
  auto node = std::make_unique<serve_process>(std::vector<std::string>{
      "--http", "127.0.0.1:0", "--data-dir", data_dir.string(), "--test-faults"});
  auto port = node->wait_for_port();
  BOOST_REQUIRE(wait_ready(port, 30s));
  return node;
}

std::string start_execution(std::uint16_t port, const std::string& workflow_id) {
  auto started = api_call(port, "POST", "/api/v1/workflows/" + workflow_id + "/executions",
                          R"({"input": {"from": "browser test"}})");
  BOOST_REQUIRE_MESSAGE(started.status == 202, started.body);
  return started.json.at("id").get<std::string>();
}

std::string artifacts_dir() {
  const char* dir = std::getenv("AURAOS_ARTIFACTS_DIR");
  return dir ? dir : "browser-artifacts";
}

BOOST_AUTO_TEST_CASE(dashboard_views_actions_and_live_updates_in_chromium) {
  temp_dir data;
  std::vector<json> workflows = {report_workflow(), flaky_workflow(), waiter_workflow()};
  {
    auto node = start_node(data.path());
    auto port = node->wait_for_port();
    for (const auto& workflow : workflows) {
      auto created = api_call(port, "POST", "/api/v1/workflows", workflow.dump());
      BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    }
    node->signal(SIGTERM);
    BOOST_REQUIRE_EQUAL(node->wait_exit(30s), 0);
  }
  auto seed_start = std::chrono::steady_clock::now();
  seed_executions(data.path(), "nightly-report", seeded_executions);
  BOOST_TEST_MESSAGE("seeded " << seeded_executions << " executions in "
                               << std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - seed_start)
                                      .count()
                               << " ms");

  auto node = start_node(data.path());
  auto port = node->wait_for_port();
  auto completed = start_execution(port, "nightly-report");
  auto failed = start_execution(port, "flaky-upload");
  auto waiting = start_execution(port, "wait-an-hour");
  BOOST_REQUIRE_EQUAL(wait_execution_status(port, completed, "completed", 30s).at("status"),
                      "completed");
  BOOST_REQUIRE_EQUAL(wait_execution_status(port, failed, "failed", 30s).at("status"), "failed");
  BOOST_REQUIRE(wait_until(
      [&] {
        auto view = api_call(port, "GET", "/api/v1/executions/" + waiting);
        for (const auto& one : view.json.value("nodes", json::array()))
          if (one.value("id", "") == "later" && one.value("status", "") == "waiting") return true;
        return false;
      },
      30s));

  json fixture = {{"workflows", json::array()},
                  {"executions", {{"completed", completed}, {"failed", failed}, {"waiting", waiting}}},
                  {"crashActor", "timers"},
                  {"startWorkflow", "nightly-report"},
                  {"seededExecutions", seeded_executions}};
  for (const auto& workflow : workflows)
    fixture["workflows"].push_back({{"id", workflow["id"]}, {"name", workflow["name"]}});
  auto fixture_file = data.path() / "fixture.json";
  std::ofstream{fixture_file} << fixture.dump(2);

  std::filesystem::create_directories(artifacts_dir());
  process_options options;
  options.deadline = 600s;
  options.cwd = source_dir() + "/tests/browser";
  options.env = {{"AURAOS_URL", "http://127.0.0.1:" + std::to_string(port)},
                 {"AURAOS_ARTIFACTS", std::filesystem::absolute(artifacts_dir()).string()},
                 {"AURAOS_FIXTURE", fixture_file.string()}};
  auto run = run_process({"node", "dashboard.test.mjs"}, options);
  BOOST_TEST_MESSAGE(run.out);
  BOOST_TEST(run.exit_code == 0, "dashboard.test.mjs exited " << run.exit_code << "\nstdout:\n"
                                                              << run.out << "\nstderr:\n"
                                                              << run.err);
  node->signal(SIGTERM);
  BOOST_TEST(node->wait_exit(30s) == 0);
}

}  // namespace
}  // namespace auraos::test
