#pragma once
// REST calls for integration tests: one request per call, JSON bodies, polling with deadlines.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/http_client.hpp"

namespace auraos::test {

/// One answer of the API: status, raw body, and the body as JSON (null when not JSON).
struct api_reply {
  int status = 0;
  std::string body;
  nlohmann::json json;
  std::map<std::string, std::string> headers;
};

/// Calls the node at 127.0.0.1:`port`; connection failures are retried until `deadline`
/// (a restarting HTTP service), then rethrown.
inline api_reply api_call(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body = "",
                          std::map<std::string, std::string> headers = {},
                          std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
  if (!body.empty()) headers.emplace("Content-Type", "application/json");
  http_call call{method, target, body, headers};
  auto until = std::chrono::steady_clock::now() + deadline;
  while (true) {
    try {
      auto reply = http_fetch("127.0.0.1", port, call);
      auto json = nlohmann::json::parse(reply.body, nullptr, false);
      return {reply.status, reply.body, json.is_discarded() ? nlohmann::json() : json,
              reply.headers};
    } catch (const std::runtime_error&) {
      if (std::chrono::steady_clock::now() > until) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

/// Polls `condition` every 50 ms until it holds (true) or `deadline` passes (false).
inline bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds deadline) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

/// Waits until the node at `port` answers /readyz with 200; false at the deadline.
inline bool wait_ready(std::uint16_t port, std::chrono::milliseconds deadline) {
  return wait_until([port] { return api_call(port, "GET", "/readyz").status == 200; }, deadline);
}

/// Polls execution `id` on the node at `port` until its status is `status` or `limit` passed;
/// its last view.
inline nlohmann::json wait_execution_status(std::uint16_t port, const std::string& id,
                                            const std::string& status,
                                            std::chrono::milliseconds limit) {
  nlohmann::json view;
  wait_until(
      [&] {
        view = api_call(port, "GET", "/api/v1/executions/" + id).json;
        return view["status"] == status;
      },
      limit);
  return view;
}

/// The value of the unlabelled series `name` in the node's /metrics, or -1 when it is absent.
inline long long metric_value(std::uint16_t port, const std::string& name) {
  auto body = api_call(port, "GET", "/metrics", "", {}, std::chrono::seconds(10)).body;
  auto at = body.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::stoll(body.substr(at + name.size() + 2));
}

}  // namespace auraos::test
