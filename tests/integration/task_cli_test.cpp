// `auraos task ...` driving a real node (spec/interfaces.md "Client commands", spec/tasks.md):
// definitions, runs followed with --wait, a failing run, cancel, retry, logs, queues,
// schedules, bad usage (exit 2), an unreachable node (exit 3), the example tasks and the
// example Python worker.

#include <fstream>
#include <future>

#include <boost/test/unit_test.hpp>

#include "tests/support/process.hpp"
#include "tests/support/tasks_node.hpp"

using namespace std::chrono_literals;
using auraos::test::process_result;
using nlohmann::json;

namespace {

struct cli_fixture {
  auraos::test::temp_dir data;
  auraos::test::temp_dir files;
  auraos::test::tasks_node node{data};
  std::string server = "http://127.0.0.1:" + std::to_string(node.port);
  cli_fixture() { BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s)); }

  /// Runs `auraos task ARGS... --server URL` with a deadline.
  process_result task(std::vector<std::string> args, std::chrono::seconds deadline = 60s) {
    args.insert(args.begin(), {auraos::test::auraos_binary(), "task"});
    args.insert(args.end(), {"--server", server});
    auraos::test::process_options options;
    options.deadline = deadline;
    return auraos::test::run_process(args, options);
  }

  /// `task ARGS... --output json` that must succeed; its stdout as JSON.
  json task_json(std::vector<std::string> args) {
    args.insert(args.end(), {"--output", "json"});
    auto done = task(args);
    BOOST_TEST_REQUIRE(done.exit_code == 0, done.err);
    return json::parse(done.out);
  }

  /// Writes `definition` to a file and stores it with `auraos task create`.
  void create(const json& definition) {
    auto file = files.file(definition["id"].get<std::string>() + ".json");
    std::ofstream{file} << definition.dump();
    auto created = task({"create", file});
    BOOST_TEST_REQUIRE(created.exit_code == 0, created.err);
  }
};

json shell_task(const std::string& id, const std::string& command, json extra = json::object()) {
  json task{{"id", id},
            {"name", id},
            {"type", "shell"},
            {"config", {{"command", {"sh", "-c", command}}}},
            {"retryPolicy", {{"maxAttempts", 1}}}};
  task.update(extra);
  return task;
}

std::string example(const std::string& path) {
  return auraos::test::source_dir() + "/examples/" + path;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(task_cli, cli_fixture)

BOOST_AUTO_TEST_CASE(tasks_are_created_listed_read_and_run_to_their_output) {
  create(shell_task("hello", "echo '{\"n\": 7}'"));
  for (auto file : {"tasks/greeting.json", "tasks/disk-report.json", "tasks/resize-image.json"}) {
    auto created = task({"create", example(file)});
    BOOST_TEST(created.exit_code == 0, created.err);
  }
  BOOST_TEST(task_json({"list"})["items"].size() == 4u);
  auto shells = task_json({"list", "--type", "shell"})["items"];
  BOOST_TEST(shells.size() == 2u);
  BOOST_TEST(task_json({"list", "--tag", "transform"})["items"][0]["id"] == "greeting");
  BOOST_TEST(task_json({"get", "greeting"})["type"] == "transform");
  auto table = task({"list", "--output", "table"});
  BOOST_TEST(table.out.find("ID") == 0u, table.out);
  BOOST_TEST(table.out.find("disk-report") != std::string::npos, table.out);

  auto greeted =
      task({"run", "greeting", "--input", R"({"name": "Ada", "items": [1, 2]})", "--wait"});
  BOOST_TEST_REQUIRE(greeted.exit_code == 0, greeted.err);
  auto output = json::parse(greeted.out);
  BOOST_TEST(output["greeting"] == "Hello, Ada!");
  BOOST_TEST(output["itemCount"] == 2);
  auto echoed = task({"run", "hello", "--wait"});
  BOOST_TEST_REQUIRE(echoed.exit_code == 0, echoed.err);
  BOOST_TEST(json::parse(echoed.out)["json"]["n"] == 7, echoed.out);
  auto report = task({"run", "disk-report", "--wait"});  // no input: the root directory
  BOOST_TEST_REQUIRE(report.exit_code == 0, report.err);
  BOOST_TEST(json::parse(report.out)["json"]["path"] == "/", report.out);
  BOOST_TEST(json::parse(report.out)["json"]["freeKiB"].is_number(), report.out);

  auto first = task_json({"run", "hello", "--idempotency-key", "k1"});
  BOOST_TEST(first["status"] == "queued");
  BOOST_TEST(task_json({"run", "hello", "--idempotency-key", "k1"})["id"] == first["id"]);
  auto runs = task_json({"runs", "--task", "hello"})["items"];
  BOOST_TEST(runs.size() == 2u);
  auto runs_table = task({"runs", "--task", "hello", "--output", "table"});
  for (auto column : {"ID", "TASK", "STATUS", "ATTEMPTS", "QUEUED", "STARTED", "ENDED"})
    BOOST_TEST(runs_table.out.find(column) != std::string::npos, runs_table.out);
  BOOST_TEST(task_json({"metrics", "hello"})["runs"]["total"] == 2);
  BOOST_TEST(task_json({"queues"})["queues"].is_array());
  BOOST_TEST(task({"queues", "--output", "table"}).out.find("QUEUE") != std::string::npos);
  BOOST_TEST(task({"delete", "hello"}).exit_code == 0);
  auto gone = task({"get", "hello"});
  BOOST_TEST(gone.exit_code == 1);
  BOOST_TEST(!gone.err.empty());
}

BOOST_AUTO_TEST_CASE(a_failing_run_exits_1_and_is_retried_with_its_logs) {
  create(shell_task("broken", "echo 'disk on fire' >&2; exit 3"));
  auto failed = task({"run", "broken", "--wait"});
  BOOST_TEST(failed.exit_code == 1, failed.err);
  BOOST_TEST(failed.err.find("failed") != std::string::npos, failed.err);
  BOOST_TEST(failed.out.empty());
  auto runs = task_json({"runs", "--task", "broken", "--status", "failed"})["items"];
  BOOST_TEST_REQUIRE(runs.size() == 1u);
  std::string id = runs[0]["id"];
  BOOST_TEST(task_json({"status", id})["status"] == "failed");
  auto lines = task_json({"logs", id})["items"];
  BOOST_TEST(lines.dump().find("disk on fire") != std::string::npos, lines.dump());
  BOOST_TEST(task({"logs", id, "--output", "table"}).out.find("disk on fire") != std::string::npos);
  auto retried = task_json({"retry", id});
  BOOST_TEST(retried["retryOf"] == id);
  BOOST_TEST(retried["id"] != id);
}

BOOST_AUTO_TEST_CASE(a_cancelled_run_ends_a_waiting_client_with_1) {
  create(shell_task("slow", "sleep 30", {{"timeout", 60}}));
  auto waiting = std::async(std::launch::async, [this] { return task({"run", "slow", "--wait"}); });
  json running;
  BOOST_TEST_REQUIRE(auraos::test::wait_until(
      [&] {
        running = task_json({"runs", "--task", "slow", "--status", "running"})["items"];
        return !running.empty();
      },
      20s));
  std::string id = running[0]["id"];
  BOOST_TEST(task({"cancel", id}).exit_code == 0);
  BOOST_TEST_REQUIRE((waiting.wait_for(20s) == std::future_status::ready));
  auto ended = waiting.get();
  BOOST_TEST(ended.exit_code == 1, ended.err);
  BOOST_TEST(ended.err.find("cancelled") != std::string::npos, ended.err);
  BOOST_TEST(task_json({"status", id})["status"] == "cancelled");
}

BOOST_AUTO_TEST_CASE(a_schedule_every_second_starts_runs_until_it_is_removed) {
  create({{"id", "tick"},
          {"name", "tick"},
          {"type", "transform"},
          {"config", {{"output", "${input}"}}}});
  auto schedule = task_json({"schedule", "tick", "--every", "1", "--input", R"({"n": 1})"});
  BOOST_TEST(schedule["every"] == 1);
  BOOST_TEST(schedule["nextFireTimes"].size() == 5u, schedule.dump());
  BOOST_TEST(task_json({"schedule-get", "tick"})["input"]["n"] == 1);
  BOOST_TEST(task({"schedule-get", "tick", "--output", "table"}).out.find("next fire times") !=
             std::string::npos);
  BOOST_TEST(auraos::test::wait_until(
      [&] {
        return !task_json({"runs", "--task", "tick", "--status", "completed"})["items"].empty();
      },
      20s));
  BOOST_TEST(task({"unschedule", "tick"}).exit_code == 0);
  BOOST_TEST(task({"schedule-get", "tick"}).exit_code == 1);
  auto paused = task_json({"schedule", "tick", "--cron", "0 2 * * *", "--tz", "Europe/Berlin",
                           "--paused", "--overlap", "buffer_one"});
  BOOST_TEST(paused["paused"] == true);
  BOOST_TEST(paused["timezone"] == "Europe/Berlin");
  auto refused = task({"schedule", "tick", "--cron", "0 0 30 2 *"});
  BOOST_TEST(refused.exit_code == 1, refused.err);
}

BOOST_AUTO_TEST_CASE(the_example_worker_completes_an_external_run) {
  auto created = task({"create", example("tasks/resize-image.json")});
  BOOST_TEST_REQUIRE(created.exit_code == 0, created.err);
  auraos::test::process_options bounded;
  bounded.deadline = 60s;
  auto worker = std::async(std::launch::async, [&] {
    return auraos::test::run_process(
        {"python3", example("workers/external_worker.py"), "--server", server, "--queue", "images",
         "--worker-id", "py-1", "--wait", "5", "--runs", "1"},
        bounded);
  });
  auto done =
      task({"run", "resize-image", "--input", R"({"image": "cat.png", "seconds": 1.5})", "--wait"});
  BOOST_TEST_REQUIRE(done.exit_code == 0, done.err);
  auto output = json::parse(done.out);
  BOOST_TEST(output["worker"] == "py-1", done.out);
  BOOST_TEST(output["echo"]["image"] == "cat.png", done.out);
  auto stopped = worker.get();
  BOOST_TEST(stopped.exit_code == 0, stopped.err);
  BOOST_TEST(stopped.err.find("completed") != std::string::npos, stopped.err);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(bad_usage_exits_2_and_an_unreachable_node_3) {
  using auraos::test::auraos_binary;
  using auraos::test::run_process;
  auto exit_of = [](std::vector<std::string> args) {
    args.insert(args.begin(), {auraos_binary(), "task"});
    args.insert(args.end(), {"--server", "http://127.0.0.1:1"});
    return run_process(args);
  };
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"run"},
           {"frobnicate", "x"},
           {"create", "/nonexistent/task.json"},
           {"run", "x", "--input", "{"},
           {"list", "--output", "yaml"},
           {"schedule", "x"},
           {"schedule", "x", "--every", "5", "--cron", "* * * * *"},
           {"schedule", "x", "--every", "5", "--tz", "UTC"},
           {"schedule", "x", "--every", "-1"}}) {
    auto done = exit_of(args);
    BOOST_TEST(done.exit_code == 2, args[0] << ": " << done.err);
    BOOST_TEST(std::count(done.err.begin(), done.err.end(), '\n') == 1, done.err);
  }
  BOOST_TEST(run_process({auraos_binary(), "task"}).exit_code == 2);
  BOOST_TEST(run_process({auraos_binary(), "task", "runs", "--server", "ftp://x"}).exit_code == 2);
  auto away = exit_of({"list"});
  BOOST_TEST(away.exit_code == 3, away.err);
  BOOST_TEST(exit_of({"run", "x", "--wait"}).exit_code == 3);
}

BOOST_AUTO_TEST_CASE(help_lists_the_task_commands) {
  using auraos::test::auraos_binary;
  using auraos::test::run_process;
  BOOST_TEST(run_process({auraos_binary(), "--help"}).out.find("task") != std::string::npos);
  auto task = run_process({auraos_binary(), "help", "task"});
  BOOST_TEST(task.exit_code == 0, task.err);
  for (auto command :
       {"create", "update", "get", "list", "delete", "run", "runs", "status", "cancel", "retry",
        "logs", "metrics", "queues", "schedule", "schedule-get", "unschedule"})
    BOOST_TEST(task.out.find(std::string{"  "} + command) != std::string::npos, command);
  auto help = run_process({auraos_binary(), "help", "task", "run"});
  auto flag = run_process({auraos_binary(), "task", "run", "--help"});
  BOOST_TEST(help.exit_code == 0, help.err);
  BOOST_TEST(help.out == flag.out);
  BOOST_TEST(help.out.find("--wait") != std::string::npos, help.out);
}
