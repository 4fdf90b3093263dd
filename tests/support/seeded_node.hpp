#pragma once
// A real node seeded with one resource of each kind before a sweep of hostile requests, and a
// snapshot of everything it stores to prove the sweep changed nothing.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/events_node.hpp"

namespace auraos::test {

/// A node holding one workflow (with a completed execution), event, task (with a completed
/// run), user and custom role, each named "sentinel...".
struct seeded_node : events_node {
  /// Starts the node with `config` and stores the resources.
  explicit seeded_node(const nlohmann::json& config = nlohmann::json::object())
      : events_node(config) {
    require(call("POST", "/api/v1/tasks",
                 R"({"id": "sentinel-task", "name": "Sentinel task", "type": "transform",
                     "config": {"output": {"n": 1}}})"),
            201);
    require(call("POST", "/api/v1/workflows",
                 R"({"id": "sentinel", "name": "Sentinel", "description": "seeded",
                     "nodes": [{"id": "start", "type": "noop"}]})"),
            201);
    execution_id = require(
        call("POST", "/api/v1/workflows/sentinel/executions", R"({"input": {"n": 1}})"), 202)["id"];
    BOOST_TEST_REQUIRE(wait_execution_status(port, execution_id, "completed",
                                             std::chrono::seconds(20))["status"] == "completed");
    event_id = publish({{"type", "sentinel.created"},
                        {"source", "sweep"},
                        {"correlationId", "sentinel-correlation"},
                        {"data", {{"n", 1}}}})[0]["id"];
    run_id = require(call("POST", "/api/v1/tasks/sentinel-task/executions", "{}"), 202)["id"];
    BOOST_TEST_REQUIRE(
        wait_until([&] { return run()["status"] == "completed"; }, std::chrono::seconds(20)));
    user_id = require(call("POST", "/api/v1/users",
                           R"({"username": "sentinel", "password": "sentinel-password",
                               "role": "viewer"})"),
                      201)["id"];
    require(call("PUT", "/api/v1/roles/sentinel-role", R"({"permissions": ["workflow:read"]})"),
            200);
  }

  std::string execution_id;
  std::string event_id;
  std::string run_id;
  std::string user_id;

  /// `pattern` with each `{name}` replaced by the seeded resource's id ("" when none fits).
  std::string seeded_path(const std::string& pattern) const {
    const std::vector<std::pair<std::string, std::string>> ids{
        {"/api/v1/workflows/{id}", "sentinel"},
        {"/api/v1/executions/{id}", execution_id},
        {"/api/v1/events/{id}", event_id},
        {"/api/v1/tasks/{id}", "sentinel-task"},
        {"/api/v1/task-executions/{id}", run_id},
        {"/api/v1/users/{id}", user_id},
        {"/api/v1/roles/{name}", "sentinel-role"},
        {"/api/v1/task-queues/{queue}", "default"},
        {"/api/v1/event-retention/{type}", "sentinel.created"},
        {"/api/v1/events/correlations/{correlationId}", "sentinel-correlation"}};
    for (const auto& [prefix, id] : ids) {
      if (pattern.rfind(prefix, 0) != 0) continue;
      auto path = pattern.substr(0, prefix.find('{')) + id + pattern.substr(prefix.size());
      if (auto n = path.find("{n}"); n != std::string::npos) path.replace(n, 3, "1");
      return path.find('{') == std::string::npos ? path : "";
    }
    return pattern.find('{') == std::string::npos ? pattern : "";
  }

  /// How many items each list holds and each seeded resource as read: equal before and after
  /// a sweep that must change nothing.
  nlohmann::json snapshot() {
    nlohmann::json out;
    for (const char* list :
         {"/api/v1/workflows", "/api/v1/executions", "/api/v1/events", "/api/v1/tasks",
          "/api/v1/task-executions", "/api/v1/users", "/api/v1/event-patterns"})
      out[list] = count(list);
    for (const char* whole : {"/api/v1/roles", "/api/v1/event-retention"})
      out[whole] = require(call("GET", whole), 200)["items"];
    for (const auto& one : {std::string{"/api/v1/workflows/sentinel"},
                            "/api/v1/executions/" + execution_id, "/api/v1/events/" + event_id,
                            std::string{"/api/v1/tasks/sentinel-task"}, "/api/v1/users/" + user_id})
      out[one] = require(call("GET", one), 200);
    out["run"] = run();
    return out;
  }

  /// The items of the list at `target`, every page.
  std::size_t count(const std::string& target) {
    std::size_t total = 0;
    std::string cursor;
    do {
      auto page = require(
          call("GET", target + "?limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor)), 200);
      total += page["items"].size();
      cursor = page["nextCursor"].is_string() ? page["nextCursor"].get<std::string>() : "";
    } while (!cursor.empty());
    return total;
  }

  /// The seeded task run as read now.
  nlohmann::json run() { return call("GET", "/api/v1/task-executions/" + run_id).json; }

  /// The JSON of `reply`, which must have `status`.
  static nlohmann::json require(const api_reply& reply, int status) {
    BOOST_TEST_REQUIRE(reply.status == status, reply.status << " " << reply.body);
    return reply.json;
  }
};

}  // namespace auraos::test
