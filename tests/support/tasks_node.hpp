#pragma once
// Helpers of the task integration tests: a node with a pool config, task definitions, runs.

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

/// A node whose config file sets `config` (e.g. a pool), over `data` (kept across restarts).
struct tasks_node {
  /// Starts `auraos serve` with `config` written to DATA/../config.json.
  tasks_node(const temp_dir& data, const nlohmann::json& config = nlohmann::json::object())
      : process{args_for(data, config)}, port{process.wait_for_port()} {}

  /// One HTTP request.
  api_reply call(const std::string& method, const std::string& target, const std::string& body = "",
                 std::map<std::string, std::string> headers = {}) {
    return api_call(port, method, target, body, std::move(headers));
  }

  /// Stores a task definition; its answer.
  api_reply create(const nlohmann::json& task) { return call("POST", "/api/v1/tasks", task.dump()); }

  /// Starts a run of `task` with `input`; the run's JSON (the test fails if it was not 202).
  nlohmann::json start(const std::string& task, const nlohmann::json& input = nullptr) {
    auto reply = call("POST", "/api/v1/tasks/" + task + "/executions",
                      nlohmann::json{{"input", input}}.dump());
    if (reply.status != 202) throw std::runtime_error("start " + task + ": " + reply.body);
    return reply.json;
  }

  /// The run `id` as stored.
  nlohmann::json run(const std::string& id) {
    return call("GET", "/api/v1/task-executions/" + id).json;
  }

  /// Polls run `id` until its status is one of `statuses` or `limit` passes; its last view.
  nlohmann::json wait_run(const std::string& id, const std::vector<std::string>& statuses,
                          std::chrono::milliseconds limit = std::chrono::seconds(30)) {
    nlohmann::json view;
    wait_until(
        [&] {
          view = run(id);
          for (const auto& s : statuses)
            if (view["status"] == s) return true;
          return false;
        },
        limit);
    return view;
  }

  serve_process process;
  std::uint16_t port;

 private:
  static std::vector<std::string> args_for(const temp_dir& data, const nlohmann::json& config) {
    auto file = data.path().string() + ".config.json";
    std::ofstream{file} << config.dump();
    return {"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--config", file};
  }
};

/// Milliseconds since the epoch of an RFC 3339 UTC time as the API writes it.
inline std::int64_t ms_of(const nlohmann::json& time) {
  auto text = time.get<std::string>();
  std::tm tm{};
  ::strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  std::int64_t ms = static_cast<std::int64_t>(::timegm(&tm)) * 1000;
  auto dot = text.find('.');
  if (dot != std::string::npos) ms += std::stoll(text.substr(dot + 1, 3));
  return ms;
}

}  // namespace auraos::test
