#pragma once
// A real `auraos serve` on a free port with its own data directory, for integration tests.

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tests/support/api_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

/// The text of examples/NAME.
inline std::string example_text(const std::string& name) {
  std::ifstream in{source_dir() + "/examples/" + name};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A node started on 127.0.0.1:0 over a fresh data directory, stopped at the end of the test.
struct serve_node {
  temp_dir data;
  serve_process process{{"--http", "127.0.0.1:0", "--data-dir", data.path().string()}};
  std::uint16_t port = process.wait_for_port();

  /// One HTTP request to the node.
  api_reply call(const std::string& method, const std::string& target, const std::string& body = "",
                 std::map<std::string, std::string> headers = {}) {
    return api_call(port, method, target, body, std::move(headers));
  }

  /// Polls execution `id` until its status is `status` or `limit` passed; its last view.
  nlohmann::json wait_status(const std::string& id, const std::string& status,
                             std::chrono::milliseconds limit = std::chrono::seconds(60)) {
    return wait_execution_status(port, id, status, limit);
  }
};

/// A node like serve_node with the test fault hook on (`POST /api/v1/_test/crash/{name}`).
struct faulty_serve_node {
  temp_dir data;
  serve_process process{{"--http", "127.0.0.1:0", "--data-dir", data.path().string()},
                        {{"AURAOS_TEST_FAULTS", "1"}}};
  std::uint16_t port = process.wait_for_port();
};

}  // namespace auraos::test
