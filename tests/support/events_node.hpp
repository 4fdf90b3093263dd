#pragma once
// A real `auraos serve` for the event tests: a config file of its own, and helpers that publish
// and list events.

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

/// Writes `config` into `dir`/config.json; the path.
inline std::string write_config(const temp_dir& dir, const nlohmann::json& config) {
  auto path = (dir.path() / "config.json").string();
  std::ofstream{path} << config.dump();
  return path;
}

/// A ready node on 127.0.0.1:0 over a fresh data directory with `config` (camelCase keys).
struct events_node {
  /// Starts the node and waits until it is ready.
  explicit events_node(const nlohmann::json& config = nlohmann::json::object())
      : process({"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--config",
                 write_config(data, config)}) {
    BOOST_TEST_REQUIRE(wait_ready(port, std::chrono::seconds(30)));
  }

  temp_dir data;
  serve_process process;
  std::uint16_t port = process.wait_for_port();

  /// One request.
  api_reply call(const std::string& method, const std::string& target, const std::string& body = "",
                 std::map<std::string, std::string> headers = {}) {
    return api_call(port, method, target, body, std::move(headers));
  }
  /// Publishes `body` and requires 201; the stored events.
  nlohmann::json publish(const nlohmann::json& body) {
    auto reply = call("POST", "/api/v1/events", body.dump());
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    return reply.json["items"];
  }
  /// Every event of the list at `query` ("type=a&..."), following nextCursor.
  nlohmann::json list_all(const std::string& query, int limit = 1000) {
    auto all = nlohmann::json::array();
    std::string cursor;
    while (true) {
      auto target = "/api/v1/events?limit=" + std::to_string(limit) +
                    (query.empty() ? "" : "&" + query) +
                    (cursor.empty() ? "" : "&cursor=" + cursor);
      auto page = call("GET", target);
      BOOST_TEST_REQUIRE(page.status == 200, page.body);
      for (const auto& item : page.json["items"]) all.push_back(item);
      if (!page.json["nextCursor"].is_string()) return all;
      cursor = page.json["nextCursor"];
    }
  }
};

/// The ids of `events` in order.
inline std::vector<std::string> ids_of(const nlohmann::json& events) {
  std::vector<std::string> ids;
  for (const auto& e : events) ids.push_back(e["id"]);
  return ids;
}

}  // namespace auraos::test
