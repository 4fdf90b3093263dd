// events_bench: events stored per second, batches POSTed by concurrent clients.

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "bench/support/events_cases.hpp"

namespace auraos::bench {

namespace {

/// The publish request for `body`.
test::http_call publish_call(const std::string& body) {
  return {"POST", "/api/v1/events", body, {{"Content-Type", "application/json"}}};
}

}  // namespace

store_figures measure_store(rest_node& node, const std::string& body, std::size_t batch,
                            const std::string& type, std::int64_t batches, int clients,
                            std::int64_t warmup, bool count) {
  store_figures out;
  for (std::int64_t i = 0; i < warmup; ++i) {
    auto reply = node.call(publish_call(body));
    if (reply.status != 201) {
      out.load.error = "warm-up POST answered " + std::to_string(reply.status) + ": " + reply.body;
      return out;
    }
  }
  out.events = batches * static_cast<std::int64_t>(batch);
  rest_load load{node.port(), publish_call(body), 201, batches, clients};
  out.load = load.wait();
  if (count && out.load.error.empty()) out.stored = count_events(node, type);
  return out;
}

std::int64_t count_events(rest_node& node, const std::string& type) {
  // A connection of its own: the node's may have idled past the server's 30 s read timeout
  // while the load ran.
  test::http_connection connection{"127.0.0.1", node.port(), std::chrono::seconds(60)};
  std::int64_t total = 0;
  std::string cursor;
  while (true) {
    auto reply = connection.request(
        {"GET",
         "/api/v1/events?limit=1000&type=" + type + (cursor.empty() ? "" : "&cursor=" + cursor),
         "",
         {}});
    if (reply.status != 200)
      throw std::runtime_error("GET /api/v1/events answered " + std::to_string(reply.status));
    auto page = nlohmann::json::parse(reply.body);
    total += static_cast<std::int64_t>(page["items"].size());
    if (!page["nextCursor"].is_string()) return total;
    cursor = page["nextCursor"].get<std::string>();
  }
}

}  // namespace auraos::bench
