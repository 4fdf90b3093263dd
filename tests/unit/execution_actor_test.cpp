// Execution actors on a real actor system and SQLite store: store-then-act, idempotency keys,
// retries, control, cancellation, recovery and passivation.
#include <boost/test/unit_test.hpp>
#include <csignal>
#include <fstream>

#include "tests/unit/execution_harness.hpp"

namespace {

using namespace auraos::test;

json shell(const std::string& id, const std::string& command) {
  return {{"id", id}, {"type", "shell"}, {"config", {{"command", command}}}};
}

json chain(const std::string& id, std::vector<json> nodes) {
  json connections = json::array();
  for (std::size_t i = 1; i < nodes.size(); ++i)
    connections.push_back({{"from", nodes[i - 1]["id"]}, {"to", nodes[i]["id"]}});
  return {{"id", id}, {"name", id}, {"nodes", nodes}, {"connections", connections}};
}

std::vector<std::string> kinds(const json& history) {
  std::vector<std::string> out;
  for (const auto& r : history) out.push_back(r.at("kind"));
  return out;
}

int line_count(const std::string& file) {
  std::ifstream in(file);
  int n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

std::string node_status(const json& view, const std::string& node) {
  for (const auto& n : view.at("nodes"))
    if (n.at("id") == node) return n.at("status");
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(execution_actor)

BOOST_AUTO_TEST_CASE(transform_chain_completes_and_history_is_stored_in_order) {
  execution_harness h;
  h.put_workflow(chain(
      "t3",
      {{{"id", "a"}, {"type", "transform"}, {"config", {{"output", 1}}}},
       {{"id", "b"}, {"type", "transform"}, {"config", {{"output", "${nodes.a.output + 1}"}}}},
       {{"id", "c"}, {"type", "transform"}, {"config", {{"output", "${nodes.b.output + 1}"}}}}}));
  auto id = h.start("t3").at("id").get<std::string>();
  auto end = h.wait_end(id);
  BOOST_TEST(end.at("status") == "completed");
  auto history = h.history(id);
  auto k = kinds(history);
  BOOST_TEST(k.front() == "execution_started");
  BOOST_TEST(k.back() == "execution_completed");
  for (std::size_t i = 0; i < history.size(); ++i) BOOST_TEST(history[i].at("seq") == i + 1);
  std::vector<std::string> completed;
  for (const auto& r : history)
    if (r.at("kind") == "node_completed") completed.push_back(r.at("nodeId"));
  BOOST_TEST(completed == (std::vector<std::string>{"a", "b", "c"}),
             boost::test_tools::per_element());
  auto view = h.get(id);
  BOOST_TEST(view.at("status") == "completed");
  for (const auto& n : view.at("nodes")) {
    BOOST_TEST(n.at("startedAt").is_string(), n.dump());
    BOOST_TEST(n.at("completedAt").is_string(), n.dump());
  }
}

BOOST_AUTO_TEST_CASE(start_refuses_unknown_workflows_and_bad_input_and_repeats_by_key) {
  execution_harness h;
  namespace a = auraos::actors;
  auto unknown = h.ask(a::executions::start_execution_command{"nope", 0, "null", ""});
  BOOST_REQUIRE(!unknown.has_value());
  BOOST_TEST((unknown.error().code == auraos::errc::not_found));
  json wf =
      chain("vars", {{{"id", "a"}, {"type", "transform"}, {"config", {{"output", "${vars.n}"}}}}});
  wf["variables"] = json::array({{{"name", "n"}, {"type", "number"}, {"required", true}},
                                 {{"name", "s"}, {"type", "string"}, {"required", true}}});
  h.put_workflow(wf);
  auto bad = h.ask(a::executions::start_execution_command{"vars", 0, R"({"n": "x"})", ""});
  BOOST_REQUIRE(!bad.has_value());
  BOOST_TEST((bad.error().code == auraos::errc::invalid_input));
  BOOST_TEST(bad.error().details.size() == 2u);
  auto first =
      h.ask(a::executions::start_execution_command{"vars", 0, R"({"n": 1, "s": "y"})", "k1"});
  auto again =
      h.ask(a::executions::start_execution_command{"vars", 0, R"({"n": 1, "s": "y"})", "k1"});
  BOOST_REQUIRE(first.has_value() && again.has_value());
  auto id = auraos::gateway::execution_json(*first).at("id").get<std::string>();
  BOOST_TEST(auraos::gateway::execution_json(*again).at("id") == id);
  BOOST_TEST(h.wait_end(id).at("output").at("a") == 1);
  BOOST_TEST(execution_harness::eventually([&] { return h.counters().at("activeActors") == 0; }));
  BOOST_TEST(h.get(id).at("status") == "completed");
  BOOST_TEST(h.counters().at("executions").at("started") == 1);
}

BOOST_AUTO_TEST_CASE(shell_node_idempotency_key_is_execution_node_attempt) {
  execution_harness h;
  h.put_workflow(chain("key", {shell("sh", "printf %s \"$AURAOS_IDEMPOTENCY_KEY\"")}));
  auto id = h.start("key").at("id").get<std::string>();
  auto end = h.wait_end(id);
  BOOST_REQUIRE(end.at("status") == "completed");
  BOOST_TEST(end.at("output").dump().find(id + "/sh/1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(retry_with_backoff_stores_attempts_and_waits) {
  execution_harness h;
  auto node = shell("flaky", "exit 3");
  node["retry"] = {{"maxAttempts", 3},
                   {"initialIntervalSeconds", 0.2},
                   {"backoffRate", 1.0},
                   {"jitter", "none"},
                   {"retryOn", {"exit_code"}}};
  h.put_workflow(chain("retry", {node}));
  auto id = h.start("retry").at("id").get<std::string>();
  BOOST_TEST(h.wait_end(id).at("status") == "failed");
  std::vector<std::int64_t> started;
  int retries = 0;
  for (const auto& r : h.history(id)) {
    if (r.at("kind") == "attempt_started") started.push_back(r.at("atMs"));
    if (r.at("kind") == "retry_scheduled") ++retries;
  }
  BOOST_REQUIRE_EQUAL(started.size(), 3u);
  BOOST_TEST(retries == 2);
  BOOST_TEST(started[1] - started[0] >= 200);
  BOOST_TEST(started[2] - started[1] >= 200);
}

BOOST_AUTO_TEST_CASE(pause_resume_and_cancel_change_the_status) {
  execution_harness h;
  h.put_workflow(chain("ctl", {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 5}}}}}));
  auto id = h.start("ctl").at("id").get<std::string>();
  auto paused = h.ask(auraos::actors::executions::pause_atom::value, id);
  BOOST_REQUIRE(paused.has_value());
  BOOST_TEST(auraos::gateway::execution_json(*paused).at("status") == "paused");
  auto again = h.ask(auraos::actors::executions::pause_atom::value, id);
  BOOST_REQUIRE(!again.has_value());
  BOOST_TEST((again.error().code == auraos::errc::conflict));
  auto resumed = h.ask(auraos::actors::executions::resume_atom::value, id);
  BOOST_REQUIRE(resumed.has_value());
  BOOST_TEST(auraos::gateway::execution_json(*resumed).at("status") == "running");
  auto cancelled = h.ask(auraos::actors::executions::cancel_atom::value, id);
  BOOST_REQUIRE(cancelled.has_value());
  BOOST_TEST(auraos::gateway::execution_json(*cancelled).at("status") == "cancelled");
  BOOST_TEST(h.wait_end(id).at("status") == "cancelled");
  BOOST_TEST(h.get(id).at("status") == "cancelled");
}

BOOST_AUTO_TEST_CASE(cancelled_shell_command_process_is_gone) {
  execution_harness h;
  auto pid_file = h.dir.file("pid");
  h.put_workflow(chain("sleepy", {shell("s", "echo $$ > " + pid_file + "; exec sleep 30")}));
  auto id = h.start("sleepy").at("id").get<std::string>();
  BOOST_REQUIRE(execution_harness::eventually([&] { return line_count(pid_file) == 1; }));
  int pid = 0;
  std::ifstream(pid_file) >> pid;
  BOOST_REQUIRE(pid > 0);
  BOOST_REQUIRE(h.ask(auraos::actors::executions::cancel_atom::value, id).has_value());
  BOOST_TEST(h.wait_end(id).at("status") == "cancelled");
  BOOST_TEST(
      execution_harness::eventually([&] { return ::kill(pid, 0) != 0; }, std::chrono::seconds(10)));
}

BOOST_AUTO_TEST_CASE(recovery_completes_without_rerunning_completed_nodes) {
  execution_harness h;
  auto lines = h.dir.file("lines");
  h.put_workflow(chain("rec", {shell("first", "echo one >> " + lines),
                               {{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 1.5}}}},
                               shell("second", "echo two >> " + lines)}));
  auto id = h.start("rec").at("id").get<std::string>();
  BOOST_REQUIRE(
      execution_harness::eventually([&] { return node_status(h.get(id), "wait") == "waiting"; }));
  h.stop_system();
  BOOST_TEST(line_count(lines) == 1);
  h.start_system();
  BOOST_TEST(h.wait_end(id).at("status") == "completed");
  BOOST_TEST(line_count(lines) == 2);
}

BOOST_AUTO_TEST_CASE(stop_records_running_attempt_as_interrupted_and_next_start_reruns_it) {
  execution_harness h;
  auto lines = h.dir.file("lines");
  h.put_workflow(chain(
      "stop", {shell("work", "n=$(cat " + lines +
                                 " 2>/dev/null | wc -l); echo \"$AURAOS_IDEMPOTENCY_KEY\" >> " +
                                 lines + "; [ $n -ge 1 ] || exec sleep 30")}));
  auto id = h.start("stop").at("id").get<std::string>();
  BOOST_REQUIRE(execution_harness::eventually([&] { return line_count(lines) == 1; }));
  h.stop_system();
  h.start_system();
  BOOST_TEST(h.wait_end(id).at("status") == "completed");
  BOOST_REQUIRE(line_count(lines) == 2);
  std::ifstream in(lines);
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  BOOST_TEST(first == id + "/work/1");
  BOOST_TEST(second == first);
  std::vector<std::string> reasons;
  for (const auto& r : h.history(id))
    if (r.at("kind") == "attempt_interrupted") reasons.push_back(r.at("data").at("reason"));
  BOOST_TEST(reasons == (std::vector<std::string>{"shutdown", "recovered"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(passivated_execution_completes_when_its_timer_reactivates_it) {
  execution_harness h;
  h.stop_system();
  h.start_system(milliseconds(200));
  h.put_workflow(chain("nap", {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 2}}}}}));
  auto id = h.start("nap").at("id").get<std::string>();
  // It passivates after 200 ms of simulated time, well before its 2 s deadline.
  BOOST_TEST(h.advance_until(
      [&] {
        auto c = h.counters();
        return c.at("passivations").get<int>() >= 1 && c.at("activeActors").get<int>() == 0;
      },
      milliseconds(50), milliseconds(1500)));
  BOOST_TEST(!h.ended(id));
  BOOST_TEST(h.wait_end(id).at("status") == "completed");
  BOOST_TEST(h.counters().at("activations").get<int>() >= 2);
}

BOOST_AUTO_TEST_SUITE_END()
