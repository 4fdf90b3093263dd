// events_bench: trigger → execution latency, timed to the executions' live messages.

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "bench/support/events_cases.hpp"
#include "runtime/rfc3339.hpp"
#include "tests/support/sse_client.hpp"

namespace auraos::bench {

namespace {

using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

constexpr const char* workflow_id = "on-bench";
constexpr auto step_deadline = 10s;

/// One transform node, started by each stored `bench.trigger` event.
nlohmann::json triggered_workflow() {
  return {{"id", workflow_id},
          {"name", workflow_id},
          {"nodes", {{{"id", "a"}, {"type", "transform"}, {"config", {{"output", 1}}}}}},
          {"connections", nlohmann::json::array()},
          {"triggers", {{{"event", {{"type", "bench.trigger"}}}}}}};
}

/// The execution message's JSON when `m` is one about an execution of the bench workflow.
nlohmann::json execution_of(const test::sse_message& m) {
  if (m.event != "execution") return nullptr;
  auto data = nlohmann::json::parse(m.data, nullptr, false);
  if (!data.is_object() || data.value("workflowId", "") != workflow_id) return nullptr;
  return data;
}

double ms_between(clock_type::time_point from, clock_type::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

/// Milliseconds from `sent` (wall clock) to the RFC 3339 time `stamp`.
double ms_until_stamp(std::chrono::system_clock::time_point sent, const std::string& stamp) {
  auto at = runtime::parse_rfc3339(stamp);
  if (!at) throw std::runtime_error("execution message: startedAt '" + stamp + "' is not RFC 3339");
  return std::chrono::duration<double, std::milli>(*at - sent).count();
}

/// Publishes event `i` and waits for its execution's first message and the one showing it
/// started; appends the latencies when `timed` and moves `from` past its messages. An error
/// text, or "".
std::string run_one(rest_node& node, test::sse_client& stream, int i, bool timed, std::size_t& from,
                    trigger_figures& out) {
  auto sent_wall = std::chrono::system_clock::now();
  auto sent = clock_type::now();
  auto reply = node.call(
      {"POST",
       "/api/v1/events",
       R"({"type":"bench.trigger","source":"bench","data":{"i":)" + std::to_string(i) + "}}",
       {{"Content-Type", "application/json"}}});
  auto answered = clock_type::now();
  if (reply.status != 201) return "POST /api/v1/events answered " + reply.body;
  int created =
      stream.wait_for([](auto& m) { return !execution_of(m).is_null(); }, step_deadline, from);
  if (created < 0) return "no execution message within 10 s after event " + std::to_string(i);
  auto id = execution_of(stream.messages()[std::size_t(created)])["id"].get<std::string>();
  int started = stream.wait_for(
      [&id](const test::sse_message& m) {
        auto data = execution_of(m);
        return !data.is_null() && data["id"] == id && data["startedAt"].is_string();
      },
      step_deadline, std::size_t(created));
  if (started < 0) return "execution " + id + " was not seen started within 10 s";
  auto messages = stream.messages();
  auto first = execution_of(messages[std::size_t(created)]);
  auto begun = execution_of(messages[std::size_t(started)]);
  if (out.first_status.empty()) {
    out.first_status = first["status"].get<std::string>();
    out.started_status = begun["status"].get<std::string>();
  }
  if (timed) {
    out.post_ms.push_back(ms_between(sent, answered));
    out.created_ms.push_back(ms_between(sent, messages[std::size_t(created)].received));
    out.started_ms.push_back(ms_between(sent, messages[std::size_t(started)].received));
    out.started_at_ms.push_back(ms_until_stamp(sent_wall, begun["startedAt"].get<std::string>()));
  }
  from = std::size_t(started) + 1;
  return "";
}

}  // namespace

trigger_figures measure_triggers(rest_node& node, int count, int warmup) {
  trigger_figures out;
  auto created = node.call({"POST",
                            "/api/v1/workflows",
                            triggered_workflow().dump(),
                            {{"Content-Type", "application/json"}}});
  if (created.status != 201) {
    out.error = "POST /api/v1/workflows: " + created.body;
    return out;
  }
  test::sse_client stream{node.port(), "/api/v1/stream?topics=executions"};
  if (stream.wait_for([](auto& m) { return m.event == "hello"; }, step_deadline) < 0) {
    out.error = "GET /api/v1/stream?topics=executions sent no hello";
    return out;
  }
  std::size_t from = 0;
  for (int i = 0; i < warmup + count && out.error.empty(); ++i)
    out.error = run_one(node, stream, i, i >= warmup, from, out);
  return out;
}

}  // namespace auraos::bench
