// The node's supervision tree under injected faults: restarts, counts, escalation.

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

/// A test node with the fault hook on.
struct faulty_node {
  auraos::test::temp_dir data;
  auraos::test::serve_process process{{"--http", "127.0.0.1:0", "--data-dir", data.path().string()},
                                      {{"AURAOS_TEST_FAULTS", "1"}}};
  std::uint16_t port = process.wait_for_port();

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

BOOST_AUTO_TEST_CASE(crashes_beyond_the_intensity_escalate_and_stop_the_node) {
  faulty_node node;
  BOOST_TEST_REQUIRE(api_call(node.port, "POST", "/api/v1/_test/crash/http").status == 202);
  BOOST_TEST_REQUIRE(
      auraos::test::wait_until([&] { return node.child("http")["restarts"] == 1; }, 15s));
  BOOST_TEST_REQUIRE(api_call(node.port, "POST", "/api/v1/_test/crash/http").status == 202);
  BOOST_TEST(node.process.wait_exit(30s) == 1, node.process.err());
  BOOST_TEST(node.process.err().find("exceeded its restart intensity") != std::string::npos,
             node.process.err());
}

BOOST_AUTO_TEST_SUITE_END()
