// `auraos workflow|execution|cluster|completion ...` driving a real node (spec/interfaces.md
// "Client commands"): definitions, an execution started and followed to its end (--wait, watch)
// with the exit codes of `auraos run`, reads, pause/resume/cancel, signals, the cluster, tables
// fitted to the terminal width, the bash completion script, bad usage (exit 2) and a node that
// cannot be reached (exit 3).

#include <algorithm>
#include <fstream>
#include <future>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/process.hpp"
#include "tests/support/tasks_node.hpp"

using namespace std::chrono_literals;
using auraos::test::process_result;
using nlohmann::json;

namespace {

struct client_fixture {
  auraos::test::temp_dir data;
  auraos::test::temp_dir files;
  auraos::test::tasks_node node{data};
  std::string server = "http://127.0.0.1:" + std::to_string(node.port);
  client_fixture() { BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s)); }

  /// Runs `auraos ARGS... --server URL` with a deadline and extra environment.
  process_result cli(std::vector<std::string> args, std::map<std::string, std::string> env = {},
                     std::chrono::seconds deadline = 60s) {
    args.insert(args.begin(), auraos::test::auraos_binary());
    args.insert(args.end(), {"--server", server});
    auraos::test::process_options options;
    options.deadline = deadline;
    options.env = std::move(env);
    return auraos::test::run_process(args, options);
  }

  /// `ARGS... --output json` that must succeed; its stdout as JSON.
  json cli_json(std::vector<std::string> args) {
    args.insert(args.end(), {"--output", "json"});
    auto done = cli(args);
    BOOST_TEST_REQUIRE(done.exit_code == 0, done.err);
    return json::parse(done.out);
  }

  /// Writes `definition` to a file; its path.
  std::string file_of(const json& definition) {
    auto file = files.file(definition["id"].get<std::string>() + ".json");
    std::ofstream{file} << definition.dump();
    return file;
  }

  /// Stores a workflow with `auraos workflow create`.
  void create(const json& definition) {
    auto created = cli({"workflow", "create", file_of(definition)});
    BOOST_TEST_REQUIRE(created.exit_code == 0, created.err);
  }

  /// Starts `workflow` (no --wait); the execution's id.
  std::string start(const std::string& workflow) {
    return cli_json({"execution", "start", workflow})["id"];
  }

  /// Waits until execution `id` has status `status` (read with `execution get`).
  void wait_status(const std::string& id, const std::string& status) {
    BOOST_TEST_REQUIRE(auraos::test::wait_until(
        [&] { return cli_json({"execution", "get", id})["status"] == status; }, 20s));
  }
};

json workflow(const std::string& id, json nodes, json connections = json::array()) {
  return {{"id", id}, {"name", id}, {"nodes", std::move(nodes)},
          {"connections", std::move(connections)}};
}

json shell_node(const std::string& id, const std::string& command) {
  return {{"id", id}, {"type", "shell"}, {"config", {{"command", command}}}};
}

/// A workflow that waits up to a minute for the signal `go` of its own execution.
json waiting_for_go() {
  return workflow("gate", {{{"id", "gate"},
                            {"type", "wait_event"},
                            {"config",
                             {{"type", "go"},
                              {"correlationId", "${execution.id}"},
                              {"timeoutSeconds", 60}}}}});
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// Characters of UTF-8 `text`.
std::size_t characters(const std::string& text) {
  return std::size_t(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_client, client_fixture)

BOOST_AUTO_TEST_CASE(workflows_are_created_listed_read_updated_and_deleted) {
  auto diamond = auraos::test::source_dir() + "/examples/diamond.json";
  auto created = cli({"workflow", "create", diamond, "--output", "json"});
  BOOST_TEST_REQUIRE(created.exit_code == 0, created.err);
  BOOST_TEST(json::parse(created.out)["revision"] == 1);
  create(workflow("one", {shell_node("a", "echo 1")}));
  BOOST_TEST(cli_json({"workflow", "list"})["items"].size() == 2u);
  BOOST_TEST(cli_json({"workflow", "list", "--search", "Diamond"})["items"].size() == 1u);
  BOOST_TEST(cli_json({"workflow", "get", "one"})["definition"]["nodes"][0]["id"] == "a");
  auto next = workflow("one", {shell_node("b", "echo 2")});
  auto updated = cli({"workflow", "update", "one", file_of(next), "--output", "json"});
  BOOST_TEST_REQUIRE(updated.exit_code == 0, updated.err);
  BOOST_TEST(json::parse(updated.out)["revision"] == 2);
  auto table = cli({"workflow", "list", "--output", "table"});
  BOOST_TEST(table.out.find("ID") == 0, table.out);
  BOOST_TEST(table.out.find("Diamond with parallel branches") != std::string::npos, table.out);
  BOOST_TEST(cli({"workflow", "delete", "one"}).exit_code == 0);
  auto gone = cli({"workflow", "get", "one"});
  BOOST_TEST(gone.exit_code == 1);
  BOOST_TEST(gone.err.find("one") != std::string::npos, gone.err);
  BOOST_TEST(cli({"workflow", "create", diamond}).exit_code == 1);  // 409: the id exists
}

BOOST_AUTO_TEST_CASE(start_wait_prints_progress_on_stderr_and_exits_as_auraos_run) {
  create(workflow("ok", {shell_node("a", "echo '{\"n\": 7}'")}));
  create(workflow("broken", {shell_node("a", "echo boom >&2; exit 3")}));
  auto ok = cli({"execution", "start", "ok", "--input", "{\"x\": 1}", "--wait"});
  BOOST_TEST(ok.exit_code == 0, ok.err);
  BOOST_TEST(json::parse(ok.out)["a"]["json"] == json({{"n", 7}}), ok.out);
  for (auto kind : {"execution_started", "attempt_started", "node_completed", "execution_completed"})
    BOOST_TEST(ok.err.find(kind) != std::string::npos, kind << " in " << ok.err);
  auto failed = cli({"execution", "start", "broken", "--wait"});
  BOOST_TEST(failed.exit_code == 1, failed.err);
  BOOST_TEST(failed.out.empty(), failed.out);
  BOOST_TEST(failed.err.find("ended failed") != std::string::npos, failed.err);
  BOOST_TEST(failed.err.find("exit_code") != std::string::npos, failed.err);
  // The same idempotency key answers the first execution.
  auto first = cli_json({"execution", "start", "ok", "--idempotency-key", "k1"});
  auto again = cli_json({"execution", "start", "ok", "--idempotency-key", "k1"});
  BOOST_TEST(first["id"] == again["id"]);
}

BOOST_AUTO_TEST_CASE(executions_are_listed_and_read_with_history_and_logs) {
  create(workflow("ok", {shell_node("a", "echo hi")}));
  auto done = cli({"execution", "start", "ok", "--wait"});
  BOOST_TEST_REQUIRE(done.exit_code == 0, done.err);
  auto listed = cli_json({"execution", "list", "--workflow", "ok", "--status", "completed"});
  BOOST_TEST_REQUIRE(listed["items"].size() == 1u);
  std::string id = listed["items"][0]["id"];
  BOOST_TEST(cli_json({"execution", "get", id})["nodes"][0]["status"] == "completed");
  auto history = cli_json({"execution", "history", id})["items"];
  BOOST_TEST(history.front()["kind"] == "execution_started");
  BOOST_TEST(history.back()["kind"] == "execution_completed");
  auto logs = cli({"execution", "logs", id, "--output", "table"});
  BOOST_TEST(logs.exit_code == 0, logs.err);
  BOOST_TEST(lines_of(logs.out).size() == history.size(), logs.out);
  auto text = cli({"execution", "history", id, "--output", "table"});
  BOOST_TEST(text.out.find("s#1  execution_started") != std::string::npos, text.out);
  BOOST_TEST(cli_json({"execution", "list", "--status", "failed"})["items"].empty());
  BOOST_TEST(cli({"execution", "get", "00000000-0000-0000-0000-000000000000"}).exit_code == 1);
  BOOST_TEST(cli({"execution", "list", "--status", "nonsense"}).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(watch_follows_an_execution_until_a_signal_completes_it) {
  create(waiting_for_go());
  auto id = start("gate");
  auto watching = std::async(std::launch::async, [this, id] {
    return cli({"execution", "watch", id, "--output", "table"});
  });
  wait_status(id, "running");
  auto signal = cli({"execution", "signal", id, "go", "--data", "{\"by\": \"ada\"}"});
  BOOST_TEST(signal.exit_code == 0, signal.err);
  BOOST_TEST_REQUIRE((watching.wait_for(30s) == std::future_status::ready));
  auto watched = watching.get();
  BOOST_TEST(watched.exit_code == 0, watched.err);
  auto lines = lines_of(watched.out);
  BOOST_TEST_REQUIRE(lines.size() >= 3u, watched.out);
  BOOST_TEST(lines.front().find("execution_started") != std::string::npos, watched.out);
  BOOST_TEST(lines[lines.size() - 2].find("execution_completed") != std::string::npos,
             watched.out);
  BOOST_TEST(json::parse(lines.back())["gate"]["data"] == json({{"by", "ada"}}), lines.back());
  // A finished execution takes no signal (409), an unknown one is 404: both exit 1.
  BOOST_TEST(cli({"execution", "signal", id, "go"}).exit_code == 1);
  BOOST_TEST(cli({"execution", "signal", "nope", "go"}).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(pause_resume_and_cancel_end_a_watch_with_1) {
  create(waiting_for_go());
  auto id = start("gate");
  wait_status(id, "running");
  BOOST_TEST(cli_json({"execution", "pause", id})["status"] == "paused");
  BOOST_TEST(cli({"execution", "pause", id}).exit_code == 1);  // 409: already paused
  BOOST_TEST(cli_json({"execution", "resume", id})["status"] == "running");
  auto watching = std::async(std::launch::async, [this, id] {
    return cli({"execution", "watch", id, "--output", "json"});
  });
  BOOST_TEST(cli({"execution", "cancel", id}).exit_code == 0);
  BOOST_TEST_REQUIRE((watching.wait_for(30s) == std::future_status::ready));
  auto watched = watching.get();
  BOOST_TEST(watched.exit_code == 1, watched.err);
  BOOST_TEST(watched.err.find("ended cancelled") != std::string::npos, watched.err);
  for (const auto& line : lines_of(watched.out))  // each record a line of JSON
    BOOST_TEST(json::parse(line).contains("kind"), line);
  BOOST_TEST(watched.out.find("execution_cancelled") != std::string::npos, watched.out);
}

BOOST_AUTO_TEST_CASE(cluster_status_shows_the_node_alone) {
  auto cluster = cli_json({"cluster", "status"});
  BOOST_TEST_REQUIRE(cluster["nodes"].size() == 1u);
  BOOST_TEST(cluster["nodes"][0]["status"] == "up");
  auto table = cli({"cluster", "status", "--output", "table"});
  BOOST_TEST(table.exit_code == 0, table.err);
  BOOST_TEST(table.out.find("NODE") != std::string::npos, table.out);
  BOOST_TEST(table.out.find(cluster["self"].get<std::string>()) != std::string::npos, table.out);
}

BOOST_AUTO_TEST_CASE(tables_fit_the_terminal_width) {
  create(workflow("a-workflow-with-a-rather-long-identifier-for-the-table", {shell_node("a", "true")}));
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(cli({"execution", "start", "a-workflow-with-a-rather-long-identifier-for-the-table",
                    "--wait"})
                   .exit_code == 0);
  auto wide = cli({"execution", "list", "--output", "table"}, {{"COLUMNS", "200"}});
  auto narrow = cli({"execution", "list", "--output", "table"}, {{"COLUMNS", "72"}});
  BOOST_TEST_REQUIRE(narrow.exit_code == 0, narrow.err);
  BOOST_TEST(lines_of(wide.out).size() == 4u, wide.out);
  BOOST_TEST(lines_of(narrow.out).size() == 4u, narrow.out);
  BOOST_TEST(characters(lines_of(wide.out)[1]) > 72u, wide.out);
  for (const auto& line : lines_of(narrow.out)) BOOST_TEST(characters(line) <= 72u, line);
  BOOST_TEST(narrow.out.find("…") != std::string::npos, narrow.out);
}

BOOST_AUTO_TEST_CASE(the_bash_completion_script_offers_every_command_and_flag) {
  using auraos::test::auraos_binary;
  using auraos::test::run_process;
  auto script = run_process({auraos_binary(), "completion", "bash"});
  BOOST_TEST_REQUIRE(script.exit_code == 0, script.err);
  auto file = files.file("auraos.bash");
  std::ofstream{file} << script.out;
  auto complete = [&](const std::string& words, int current) {
    auto command = "source " + file + "; COMP_WORDS=(" + words + "); COMP_CWORD=" +
                   std::to_string(current) + "; _auraos; echo \"${COMPREPLY[*]}\"";
    auto done = run_process({"bash", "-c", command});
    BOOST_TEST(done.exit_code == 0, done.err);
    return done.out;
  };
  BOOST_TEST(complete("auraos ex", 1) == "execution\n");
  BOOST_TEST(complete("auraos execution w", 2) == "watch\n");
  BOOST_TEST(complete("auraos execution start wf --w", 4) == "--wait\n");
  auto top = complete("auraos ''", 1);
  for (auto command : {"workflow", "execution", "task", "event", "cluster", "serve", "run"})
    BOOST_TEST(top.find(command) != std::string::npos, command);
}

BOOST_AUTO_TEST_CASE(every_other_route_has_its_command) {
  // Workflows: status, revisions, metrics.
  create(workflow("ok", {shell_node("a", "echo hi")}));
  BOOST_TEST(cli_json({"workflow", "status", "ok", "active"})["status"] == "active");
  BOOST_TEST(cli({"workflow", "status", "ok", "retired"}).exit_code == 1);  // 400 from the node
  BOOST_TEST(cli({"execution", "start", "ok", "--wait"}).exit_code == 0);
  BOOST_TEST(cli_json({"workflow", "revisions", "ok"})["items"].size() == 1u);
  BOOST_TEST(cli_json({"workflow", "revision", "ok", "1"})["revision"] == 1);
  BOOST_TEST(cli_json({"workflow", "metrics", "ok"})["executions"]["completed"] == 1);
  BOOST_TEST(cli_json({"execution", "metrics", "--interval", "600"})["intervalSeconds"] == 600);
  BOOST_TEST(cli({"execution", "metrics", "--interval", "0"}).exit_code == 1);
  // Events: one, a correlation, metrics, cleanup, retention and pattern rules.
  auto published = cli({"event", "publish", "--type", "order.paid", "--source", "shop",
                        "--correlation-id", "c1", "--output", "json"});
  BOOST_TEST_REQUIRE(published.exit_code == 0, published.err);
  std::string event_id = json::parse(published.out)["items"][0]["id"];
  BOOST_TEST(cli_json({"event", "get", event_id})["type"] == "order.paid");
  BOOST_TEST(cli_json({"event", "correlation", "c1"})["events"].size() == 1u);
  BOOST_TEST(cli_json({"event", "metrics"})["total"] == 1);
  BOOST_TEST(cli({"event", "cleanup"}).exit_code == 2);  // --older-than is required
  BOOST_TEST(cli_json({"event", "cleanup", "--older-than", "2000-01-01T00:00:00Z"})["deleted"] == 0);
  auto rule = cli_json({"event", "retention", "set", "order.paid", "--max-count", "10"});
  BOOST_TEST(rule["maxCount"] == 10);
  BOOST_TEST(cli({"event", "retention", "set", "order.paid", "--max-count", "ten"}).exit_code == 2);
  BOOST_TEST(cli_json({"event", "retention", "list"})["items"].size() == 1u);
  BOOST_TEST(cli_json({"event", "retention", "get", "order.paid"})["maxCount"] == 10);
  BOOST_TEST(cli({"event", "retention", "delete", "order.paid"}).exit_code == 0);
  BOOST_TEST(cli({"event", "retention", "get", "order.paid"}).exit_code == 1);
  json pattern{{"id", "fast"},
               {"name", "paid then shipped"},
               {"kind", "sequence"},
               {"steps", {{{"type", "order.paid"}}, {{"type", "order.shipped"}}}},
               {"within", 600},
               {"emit", {{"type", "order.fast"}, {"source", "patterns"}}}};
  BOOST_TEST(cli({"event", "pattern", "create", file_of(pattern)}).exit_code == 0);
  pattern["within"] = 60;
  BOOST_TEST(cli_json({"event", "pattern", "update", "fast", file_of(pattern)})["within"] == 60);
  BOOST_TEST(cli_json({"event", "pattern", "get", "fast"})["matches"] == 0);
  BOOST_TEST(cli_json({"event", "pattern", "list"})["items"].size() == 1u);
  BOOST_TEST(cli({"event", "pattern", "delete", "fast"}).exit_code == 0);
  BOOST_TEST(cli({"event", "pattern", "get", "fast"}).exit_code == 1);
  // The node itself and the cluster's shards.
  BOOST_TEST(cli_json({"node", "health"})["status"] == "ok");
  BOOST_TEST(cli_json({"node", "ready"})["status"] == "ready");
  auto tree = cli({"node", "supervision", "--output", "table"});
  BOOST_TEST(tree.out.find("\n  store  service  running") != std::string::npos, tree.out);
  BOOST_TEST(cli({"node", "metrics"}).out.find("auraos_store_up 1") != std::string::npos);
  BOOST_TEST(cli_json({"cluster", "shards"}).size() == 64u);
  // Tasks: a batch, and an external worker's claim, heartbeat, complete and fail.
  json external{{"id", "ext"}, {"name", "ext"}, {"type", "external"}, {"queue", "q"},
                {"retryPolicy", {{"maxAttempts", 1}}}};
  std::ofstream{files.file("ext.json")} << external.dump();
  BOOST_TEST_REQUIRE(cli({"task", "create", files.file("ext.json")}).exit_code == 0);
  std::ofstream{files.file("batch.json")}
      << json{{"runs", {{{"taskId", "ext"}, {"input", 1}}, {{"taskId", "ext"}, {"input", 2}}}}}
             .dump();
  auto batch = cli_json({"task", "batch", files.file("batch.json")});
  BOOST_TEST_REQUIRE(batch["runs"].size() == 2u);
  auto claimed = cli_json({"task", "claim", "q", "--worker", "w1", "--max", "2",
                           "--wait-seconds", "10"})["items"];
  BOOST_TEST_REQUIRE(claimed.size() == 2u, claimed.dump());
  std::string first = claimed[0]["runId"], first_lease = claimed[0]["leaseId"];
  std::string second = claimed[1]["runId"], second_lease = claimed[1]["leaseId"];
  BOOST_TEST(cli({"task", "heartbeat", first, "--lease", first_lease}).exit_code == 0);
  BOOST_TEST(cli({"task", "heartbeat", first, "--lease", "stale"}).exit_code == 1);  // 409
  BOOST_TEST(cli_json({"task", "complete", first, "--lease", first_lease, "--result",
                       "{\"size\": 3}"})["status"] == "completed");
  BOOST_TEST(cli_json({"task", "fail", second, "--lease", second_lease, "--error",
                       "{\"type\": \"bad_image\", \"message\": \"no pixels\"}"})["status"] ==
             "failed");
  BOOST_TEST(cli_json({"task", "status", first})["output"] == json({{"size", 3}}));
  BOOST_TEST(cli({"task", "fail", second, "--lease", "x"}).exit_code == 2);  // --error required
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(bad_usage_exits_2_and_an_unreachable_node_3) {
  using auraos::test::auraos_binary;
  using auraos::test::run_process;
  auto away = [](std::vector<std::string> args) {
    args.insert(args.begin(), auraos_binary());
    args.insert(args.end(), {"--server", "http://127.0.0.1:1"});
    return run_process(args);
  };
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"workflow"},
           {"workflow", "create"},
           {"workflow", "create", "/nonexistent/workflow.json"},
           {"workflow", "list", "--output", "yaml"},
           {"execution", "start"},
           {"execution", "start", "x", "--input", "{"},
           {"execution", "signal", "x"},
           {"execution", "signal", "x", "go", "--data", "@/nonexistent"},
           {"execution", "frobnicate"},
           {"cluster"},
           {"completion", "zsh"}}) {
    auto done = away(args);
    BOOST_TEST(done.exit_code == 2, args.back() << ": " << done.err);
  }
  BOOST_TEST(run_process({auraos_binary(), "execution", "list", "--server", "ftp://x"}).exit_code ==
             2);
  auto unknown = run_process({auraos_binary(), "event", "retention", "purge"});
  BOOST_TEST(unknown.exit_code == 2);
  BOOST_TEST(unknown.err ==
                 "auraos: unknown command 'purge' of 'auraos event retention' (run 'auraos event "
                 "retention --help' for usage)\n",
             unknown.err);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"workflow", "list"},
           {"execution", "list"},
           {"execution", "start", "x", "--wait"},
           {"execution", "watch", "x"},
           {"execution", "cancel", "x"},
           {"cluster", "status"}}) {
    auto done = away(args);
    BOOST_TEST(done.exit_code == 3, args.back() << ": " << done.err);
    BOOST_TEST(done.err.find("cannot connect") != std::string::npos, done.err);
  }
}
