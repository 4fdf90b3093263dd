// The node's supervision tree under injected faults: restarts, counts, escalation.

#include <set>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_node.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

/// A test node with the fault hook on.
struct faulty_node : auraos::test::faulty_serve_node {
  /// Starts `count` executions of a workflow that waits `seconds`, then returns its ids.
  std::vector<std::string> start_waiting(int count, double seconds) {
    json workflow{
        {"id", "waits"},
        {"name", "waits"},
        {"nodes", {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", seconds}}}}}}};
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
    BOOST_TEST_REQUIRE(api_call(port, "POST", "/api/v1/workflows", workflow.dump()).status == 201);
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) {
      auto started = api_call(port, "POST", "/api/v1/workflows/waits/executions", "{}");
      BOOST_TEST_REQUIRE(started.status == 202, started.body);
      ids.push_back(started.json["id"].get<std::string>());
    }
    return ids;
  }

  /// True once every execution of `ids` answers status completed.
  bool all_completed(const std::vector<std::string>& ids) {
    for (const auto& id : ids)
      if (api_call(port, "GET", "/api/v1/executions/" + id, "", {}, 15s).json["status"] !=
          "completed")
        return false;
    return true;
  }

  json child(const std::string& name) {
    auto tree = api_call(port, "GET", "/api/v1/supervision", "", {}, 15s).json;
    for (const auto& node : tree["children"])
      if (node["name"] == name) return node;
    return nullptr;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(supervision)

BOOST_AUTO_TEST_CASE(crashed_http_service_restarts_and_its_count_grows) {
  faulty_node node;
  BOOST_TEST(node.child("http")["restarts"] == 0);
  auto crash = api_call(node.port, "POST", "/api/v1/_test/crash/http");
  BOOST_TEST_REQUIRE(crash.status == 202, crash.body);
  BOOST_TEST(crash.json["crashed"] == "http");
  BOOST_TEST(auraos::test::wait_until(
      [&] {
        auto http = node.child("http");
        return http["restarts"] == 1 && http["status"] == "running";
      },
      15s));
  auto http = node.child("http");
  BOOST_TEST(http["lastFailure"].get<std::string>().find("injected fault") != std::string::npos,
             http.dump());
  BOOST_TEST(node.child("store")["restarts"] == 0);
  auto metrics = api_call(node.port, "GET", "/metrics");
  BOOST_TEST(metrics.body.find("auraos_actor_restarts_total 1") != std::string::npos, metrics.body);
}

BOOST_AUTO_TEST_CASE(unknown_crash_target_is_404) {
  faulty_node node;
  auto crash = api_call(node.port, "POST", "/api/v1/_test/crash/nobody");
  BOOST_TEST(crash.status == 404, crash.body);
  BOOST_TEST(crash.json["error"]["code"] == "not_found");
}

BOOST_AUTO_TEST_CASE(two_unrelated_faults_within_5_s_leave_the_node_running) {
  faulty_node node;
  auto ids = node.start_waiting(10, 1.5);
  BOOST_TEST_REQUIRE(api_call(node.port, "POST", "/api/v1/_test/crash/store").status == 202);
  // The store's restart restarts the services after it, http included: one restart each.
  BOOST_TEST_REQUIRE(auraos::test::wait_until(
      [&] {
        auto http = node.child("http");
        return http["restarts"] == 1 && http["status"] == "running";
      },
      5s));
  BOOST_TEST_REQUIRE(api_call(node.port, "POST", "/api/v1/_test/crash/http").status == 202);
  BOOST_TEST(auraos::test::wait_until(
      [&] {
        auto http = node.child("http");
        return http["restarts"] == 2 && http["status"] == "running";
      },
      15s));
  BOOST_TEST(node.process.wait_exit(0ms) == -1, node.process.err());
  BOOST_TEST(auraos::test::wait_ready(node.port, 10s));
  BOOST_TEST(auraos::test::wait_until([&] { return node.all_completed(ids); }, 30s));
}

BOOST_AUTO_TEST_CASE(a_crash_loop_exceeds_the_node_intensity_and_the_node_exits_1) {
  faulty_node node;
  // Crash http again as soon as it answers, until the node gives up.
  int crashes = 0;
  auto until = std::chrono::steady_clock::now() + 30s;
  while (node.process.wait_exit(0ms) == -1 && std::chrono::steady_clock::now() < until) {
    try {
      if (api_call(node.port, "POST", "/api/v1/_test/crash/http", "", {}, 2s).status == 202)
        ++crashes;
    } catch (const std::exception&) {
      // The node stopped listening: its exit is checked below.
    }
  }
  BOOST_TEST(node.process.wait_exit(10s) == 1, node.process.err());
  BOOST_TEST(crashes > 3, "crashes: " << crashes);
  auto err = node.process.err();
  BOOST_TEST(err.find("the node supervisor ended") != std::string::npos, err);
  BOOST_TEST(err.find("exceeded its restart intensity (3 restarts within 30000 ms); last failure "
                      "of 'http'") != std::string::npos,
             err);
}

BOOST_AUTO_TEST_CASE(tree_shows_the_execution_supervisor_and_its_live_executions) {
  faulty_node node;
  auto ids = node.start_waiting(2, 30);
  auto service = node.child("executions-service");
  BOOST_TEST_REQUIRE(service["children"].size() == 1u, service.dump());
  auto executions = service["children"][0];
  BOOST_TEST(executions["name"] == "executions");
  BOOST_TEST(executions["kind"] == "supervisor");
  BOOST_TEST(executions["strategy"] == "simple_one_for_one");
  std::set<std::string> names;
  for (const auto& kid : executions["children"]) names.insert(kid["name"].get<std::string>());
  for (const auto& id : ids) BOOST_TEST(names.count(id) == 1u, executions.dump());
}

BOOST_AUTO_TEST_CASE(crashed_store_restarts_the_services_after_it_and_executions_finish) {
  faulty_node node;
  auto ids = node.start_waiting(20, 1.5);
  auto crash = api_call(node.port, "POST", "/api/v1/_test/crash/store");
  BOOST_TEST_REQUIRE(crash.status == 202, crash.body);
  BOOST_TEST(auraos::test::wait_until(
      [&] {
        return node.child("store")["restarts"] == 1 &&
               node.child("executions-service")["restarts"] == 1 &&
               node.child("http")["restarts"] == 1;
      },
      20s));
  BOOST_TEST(node.child("store")["lastFailure"].get<std::string>().find("injected fault") !=
             std::string::npos);
  BOOST_TEST(auraos::test::wait_until([&] { return node.all_completed(ids); }, 30s));
}

BOOST_AUTO_TEST_CASE(crashed_execution_supervisor_restarts_the_service_and_executions_finish) {
  faulty_node node;
  auto ids = node.start_waiting(20, 1.5);
  auto crash = api_call(node.port, "POST", "/api/v1/_test/crash/executions");
  BOOST_TEST_REQUIRE(crash.status == 202, crash.body);
  BOOST_TEST(crash.json["crashed"] == "executions");
  BOOST_TEST(auraos::test::wait_until(
      [&] { return node.child("executions-service")["restarts"] == 1; }, 20s));
  BOOST_TEST(node.child("store")["restarts"] == 0);
  BOOST_TEST(auraos::test::wait_until([&] { return node.all_completed(ids); }, 30s));
}

BOOST_AUTO_TEST_SUITE_END()
