// Secrets of a real node (docs/security.md, "Secrets and key rotation"): a secret input that
// shell nodes echo never reaches a file of the data dir (database and WAL included), the node's
// log or an API answer, which show "***"; the shell node still gets the plain value. Rotating
// the key re-seals the stored secret, after which the old key can be removed.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "persistence/sqlite/database.hpp"
#include "persistence/sqlite/statement.hpp"
#include "tests/support/api_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// A value that appears nowhere unless the node leaks it.
const std::string secret_value = "Zq7-s3cr3t-Vx41";

/// A node over `dir` with debug logging (every history record is logged).
struct secret_node {
  explicit secret_node(const fs::path& dir)
      : process({"--http", "127.0.0.1:0", "--data-dir", dir.string(), "--log-level", "debug"}) {}
  auraos::test::serve_process process;
  std::uint16_t port = process.wait_for_port();
  bool ready = auraos::test::wait_ready(port, 30s);

  auraos::test::api_reply call(const std::string& method, const std::string& target,
                               const std::string& body = "",
                               std::map<std::string, std::string> headers = {}) {
    return api_call(port, method, target, body, std::move(headers));
  }
  /// Stops the node with SIGTERM (SQLite checkpoints its WAL on close).
  void stop() {
    process.signal(SIGTERM);
    BOOST_TEST(process.wait_exit(30s) == 0);
  }
};

/// The variables of the test workflows: the secret apiKey and a plain region.
json variables() {
  return json::array(
      {{{"name", "apiKey"}, {"type", "string"}, {"secret", true}, {"required", true}},
       {{"name", "region"}, {"type", "string"}}});
}

/// Echoes the secret to stdout, to stderr of a failing node (handled), and writes it to `out`.
json echo_workflow(const fs::path& out) {
  return {
      {"id", "echo-secret"},
      {"name", "echo a secret"},
      {"variables", variables()},
      {"nodes",
       {{{"id", "echo"}, {"type", "shell"}, {"config", {{"command", "echo key=${vars.apiKey}"}}}},
        {{"id", "fail"},
         {"type", "shell"},
         {"config",
          {{"command", {"sh", "-c", "echo \"bad $KEY\" >&2; exit 3"}},
           {"env", {{"KEY", "${input.apiKey}"}}}}}},
        {{"id", "handled"}, {"type", "noop"}},
        {{"id", "write"},
         {"type", "shell"},
         {"config",
          {{"command", {"sh", "-c", "printf '%s' \"$KEY\" > " + out.string() + "; echo $KEY"}},
           {"env", {{"KEY", "${vars.apiKey}"}}}}}}}},
      {"connections",
       {{{"from", "echo"}, {"to", "fail"}},
        {{"from", "fail"}, {"to", "handled"}, {"on", "error"}},
        {{"from", "handled"}, {"to", "write"}}}},
      {"output", "${nodes.echo.output.stdout}"}};
}

/// Waits for the signal `go`, then writes the secret to `out`.
json waiting_workflow(const fs::path& out) {
  return {{"id", "wait-secret"},
          {"name", "wait, then use a secret"},
          {"variables", variables()},
          {"nodes",
           {{{"id", "wait"},
             {"type", "wait_event"},
             {"config", {{"type", "go"}, {"correlationId", "${execution.id}"}}}},
            {{"id", "write"},
             {"type", "shell"},
             {"config",
              {{"command", {"sh", "-c", "printf '%s' \"$KEY\" > " + out.string()}},
               {"env", {{"KEY", "${vars.apiKey}"}}}}}}}},
          {"connections", {{{"from", "wait"}, {"to", "write"}}}}};
}

std::string file_text(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every file under `dir` whose bytes contain `needle`.
std::vector<std::string> files_containing(const fs::path& dir, const std::string& needle) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && file_text(entry.path()).find(needle) != std::string::npos)
      found.push_back(entry.path().string());
  return found;
}

/// The sealed secrets column of every execution of the SQLite store in `dir`.
std::vector<std::string> sealed_columns(const fs::path& dir) {
  auto db = auraos::persistence::sqlite::database::open((dir / "auraos.db").string());
  BOOST_TEST_REQUIRE(db.has_value());
  auto query = auraos::persistence::sqlite::statement::prepare(
      db->handle(), "SELECT secrets FROM workflow_executions WHERE secrets IS NOT NULL", "test");
  BOOST_TEST_REQUIRE(query.has_value());
  std::vector<std::string> out;
  auto read = query->for_each_row(
      [&](const auraos::persistence::sqlite::statement& row) { out.push_back(row.text(0)); });
  BOOST_TEST_REQUIRE(read.has_value());
  return out;
}

std::string start_body() {
  return json{{"input", {{"apiKey", secret_value}, {"region", "eu"}}}}.dump();
}

/// Stores the waiting workflow on `node` and starts it with the secret; the running execution.
std::string start_waiting(secret_node& node, const fs::path& out) {
  BOOST_TEST_REQUIRE(
      node.call("POST", "/api/v1/workflows", waiting_workflow(out).dump()).status == 201);
  auto started = node.call("POST", "/api/v1/workflows/wait-secret/executions", start_body());
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto id = started.json["id"].get<std::string>();
  auraos::test::wait_execution_status(node.port, id, "running", 30s);
  return id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_secrets)

BOOST_AUTO_TEST_CASE(secret_input_is_masked_everywhere_and_reaches_the_shell_node) {
  auraos::test::temp_dir data;
  auraos::test::temp_dir outside;
  auto out = outside.path() / "written.txt";
  secret_node node{data.path()};
  BOOST_TEST_REQUIRE(node.ready);
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", echo_workflow(out).dump()).status ==
                     201);
  auto started = node.call("POST", "/api/v1/workflows/echo-secret/executions", start_body(),
                           {{"Idempotency-Key", "once"}});
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto id = started.json["id"].get<std::string>();
  auto view = auraos::test::wait_execution_status(node.port, id, "completed", 60s);
  BOOST_TEST_REQUIRE(view["status"] == "completed", view.dump());
  BOOST_TEST(file_text(out) == secret_value);
  BOOST_TEST(view["input"] == (json{{"apiKey", "***"}, {"region", "eu"}}));
  BOOST_TEST(view["output"] == "key=***\n");
  // A repeat with the same input answers the same execution; another secret is a conflict.
  auto repeat = node.call("POST", "/api/v1/workflows/echo-secret/executions", start_body(),
                          {{"Idempotency-Key", "once"}});
  BOOST_TEST(repeat.status == 202, repeat.body);
  BOOST_TEST(repeat.json["id"] == id);
  auto other = node.call("POST", "/api/v1/workflows/echo-secret/executions",
                         json{{"input", {{"apiKey", "another"}, {"region", "eu"}}}}.dump(),
                         {{"Idempotency-Key", "once"}});
  BOOST_TEST(other.status == 409, other.body);
  std::vector<std::string> answers;
  for (const auto& target : std::vector<std::string>{
           "/api/v1/executions/" + id, "/api/v1/executions?workflowId=echo-secret",
           "/api/v1/executions/" + id + "/history", "/api/v1/executions/" + id + "/logs"}) {
    auto reply = node.call("GET", target);
    BOOST_TEST(reply.status == 200, target);
    BOOST_TEST(reply.body.find("***") != std::string::npos, target << ": " << reply.body);
    answers.push_back(reply.body);
  }
  for (const auto& body : answers) BOOST_TEST(body.find("s3cr3t") == std::string::npos, body);
  BOOST_TEST(answers[2].find("bad ***") != std::string::npos, answers[2]);
  node.stop();
  BOOST_TEST(node.process.err().find("s3cr3t") == std::string::npos, node.process.err());
  BOOST_TEST(node.process.err().find("***") != std::string::npos);
  BOOST_TEST(files_containing(data.path(), "s3cr3t").empty());
  BOOST_TEST(files_containing(data.path(), "Zq7").empty());
  BOOST_TEST(sealed_columns(data.path()).size() == 1u);
}

BOOST_AUTO_TEST_CASE(rotation_reseals_stored_secrets_and_the_old_key_can_go) {
  auraos::test::temp_dir data;
  auraos::test::temp_dir outside;
  auto out = outside.path() / "written.txt";
  std::string id;
  {
    secret_node node{data.path()};
    BOOST_TEST_REQUIRE(node.ready);
    id = start_waiting(node, out);
    auto rotated = auraos::test::run_process(
        {auraos::test::auraos_binary(), "keys", "rotate", "--data-dir", data.path().string()});
    BOOST_TEST_REQUIRE(rotated.exit_code == 0, rotated.err);
    BOOST_TEST(rotated.out.find("key k2 is now current") != std::string::npos, rotated.out);
    node.process.wait_for_line("every stored secret value is sealed under key k2", 30s);
    node.stop();
  }
  auto sealed = sealed_columns(data.path());
  BOOST_TEST_REQUIRE(sealed.size() == 1u);
  BOOST_TEST(sealed[0].rfind("v1:k2:", 0) == 0u, sealed[0]);
  auto removed = auraos::test::run_process(
      {auraos::test::auraos_binary(), "keys", "remove", "k1", "--data-dir", data.path().string()});
  BOOST_TEST_REQUIRE(removed.exit_code == 0, removed.err);
  auto current = auraos::test::run_process(
      {auraos::test::auraos_binary(), "keys", "remove", "k2", "--data-dir", data.path().string()});
  BOOST_TEST(current.exit_code == 2, current.err);
  secret_node again{data.path()};
  BOOST_TEST_REQUIRE(again.ready);
  auto signal = again.call("POST", "/api/v1/executions/" + id + "/signal", R"({"name":"go"})");
  BOOST_TEST_REQUIRE(signal.status == 202, signal.body);
  auto view = auraos::test::wait_execution_status(again.port, id, "completed", 60s);
  BOOST_TEST(view["status"] == "completed", view.dump());
  BOOST_TEST(file_text(out) == secret_value);
  again.stop();
  BOOST_TEST(files_containing(data.path(), "s3cr3t").empty());
}

BOOST_AUTO_TEST_CASE(a_secret_the_key_file_cannot_open_fails_the_node_that_needs_it) {
  auraos::test::temp_dir data;
  auraos::test::temp_dir outside;
  auto out = outside.path() / "written.txt";
  std::string id;
  {
    secret_node node{data.path()};
    BOOST_TEST_REQUIRE(node.ready);
    id = start_waiting(node, out);
    node.stop();
  }
  fs::remove(data.path() / "keys.json");  // a new key file: the stored secret's key is gone
  secret_node again{data.path()};
  BOOST_TEST_REQUIRE(again.ready);
  auto signal = again.call("POST", "/api/v1/executions/" + id + "/signal", R"({"name":"go"})");
  BOOST_TEST_REQUIRE(signal.status == 202, signal.body);
  auto view = auraos::test::wait_execution_status(again.port, id, "failed", 60s);
  BOOST_TEST(view["status"] == "failed", view.dump());
  BOOST_TEST(view.dump().find("secrets") != std::string::npos, view.dump());
  BOOST_TEST(!fs::exists(out));
  again.stop();
}

BOOST_AUTO_TEST_CASE(a_secret_task_config_field_is_masked_everywhere_and_reaches_the_run) {
  auraos::test::temp_dir data;
  auraos::test::temp_dir outside;
  auto out = outside.path() / "task-written.txt";
  secret_node node{data.path()};
  BOOST_TEST_REQUIRE(node.ready);
  json task{{"id", "secret-task"},
            {"name", "a task with a secret"},
            {"type", "shell"},
            {"config",
             {{"command", {"sh", "-c", "printf '%s' \"$API_TOKEN\" > " + out.string() +
                                           "; echo token=$API_TOKEN"}},
              {"env", {{"API_TOKEN", secret_value}}}}},
            {"secrets", {"config.env.API_TOKEN"}}};
  auto created = node.call("POST", "/api/v1/tasks", task.dump());
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  BOOST_TEST(created.json["config"]["env"]["API_TOKEN"] == "***", created.body);
  auto started = node.call("POST", "/api/v1/tasks/secret-task/executions", "{}");
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto run_id = started.json["id"].get<std::string>();
  json run;
  BOOST_TEST_REQUIRE(auraos::test::wait_until(
      [&] {
        run = node.call("GET", "/api/v1/task-executions/" + run_id).json;
        return run["status"] == "completed" || run["status"] == "failed";
      },
      60s));
  BOOST_TEST(run["status"] == "completed", run.dump());
  BOOST_TEST(file_text(out) == secret_value);
  for (const auto& target : std::vector<std::string>{
           "/api/v1/tasks/secret-task", "/api/v1/tasks", "/api/v1/task-executions/" + run_id,
           "/api/v1/task-executions/" + run_id + "/logs"}) {
    auto reply = node.call("GET", target);
    BOOST_TEST(reply.status == 200, target);
    BOOST_TEST(reply.body.find("s3cr3t") == std::string::npos, target << ": " << reply.body);
  }
  BOOST_TEST(node.call("GET", "/api/v1/task-executions/" + run_id + "/logs")
                     .body.find("token=***") != std::string::npos);
  node.stop();
  BOOST_TEST(node.process.err().find("s3cr3t") == std::string::npos, node.process.err());
  BOOST_TEST(files_containing(data.path(), "s3cr3t").empty());
}

BOOST_AUTO_TEST_SUITE_END()
