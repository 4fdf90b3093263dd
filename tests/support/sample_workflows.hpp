#pragma once
// Workflow definitions that several integration and pg tests start.

#include <string>

#include <nlohmann/json.hpp>

namespace auraos::test {

/// Workflow `id`: waits `seconds` (a durable timer), then computes {"v": 3}; each execution
/// writes before and after the wait, so it spans a fault injected meanwhile.
inline std::string wait_then_compute(const std::string& id, double seconds) {
  using nlohmann::json;
  return json{
      {"id", id},
      {"name", "wait then compute"},
      {"nodes",
       {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", seconds}}}},
        {{"id", "compute"}, {"type", "transform"}, {"config", {{"output", {{"v", "${1 + 2}"}}}}}}}},
      {"connections", {{{"from", "wait"}, {"to", "compute"}}}},
      {"output", "${nodes.compute.output}"}}
      .dump();
}

}  // namespace auraos::test
