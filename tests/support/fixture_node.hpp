#pragma once
// `auraos serve` on a store loaded from a fixture of tests/fixtures/ (an earlier release's).

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdint>
#include <string>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/sqlite_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

/// A node serving a copy of a fixture store in a temp data dir.
struct fixture_node {
  /// Loads tests/fixtures/`fixture` into DATA_DIR/auraos.db, then starts the node on it.
  explicit fixture_node(const std::string& fixture)
      : loaded((load_sqlite_fixture(db_path, fixture), true)) {}

  /// Calls the node's API.
  api_reply call(const std::string& method, const std::string& target,
                 const std::string& body = "") {
    return api_call(port, method, target, body);
  }

  /// Waits (at most 30 s) until an execution has `status`; its view.
  nlohmann::json wait_status(const std::string& id, const std::string& status) {
    return wait_execution_status(port, id, status, std::chrono::seconds(30));
  }

  temp_dir data;                                 ///< The data dir.
  std::string db_path = data.file("auraos.db");  ///< The store.
  bool loaded;                                   ///< True once the fixture is in place.
  serve_process process{{"--http", "127.0.0.1:0", "--data-dir", data.path().string()}};
  std::uint16_t port = process.wait_for_port();             ///< Its HTTP port.
  bool ready = wait_ready(port, std::chrono::seconds(30));  ///< True once /readyz answers.
};

/// Checks an execution of a fixture that waits on a durable timer due at `deadline_ms`: before
/// the deadline it was recovered and waits (a cancel ends it); after it, the timer fired at its
/// original deadline and the execution completed (fixtures age: both are right).
template <class Node>
void check_waiting_execution(Node& node, const std::string& id, std::int64_t deadline_ms) {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  if (now >= deadline_ms - 60'000) {  // due, or due during the test
    BOOST_TEST(node.wait_status(id, "completed")["status"] == "completed");
    return;
  }
  BOOST_TEST(node.call("GET", "/api/v1/executions/" + id).json["status"] == "running");
  BOOST_TEST(node.call("POST", "/api/v1/executions/" + id + "/cancel").status == 202);
  node.wait_status(id, "cancelled");
}

}  // namespace auraos::test
