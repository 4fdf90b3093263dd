#pragma once
// The workflow executions_bench and rest_bench run: three transform nodes in a chain.

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace auraos::bench {

/// A transform node whose output is `output` (a value or a CEL template).
inline nlohmann::json transform_node(const std::string& id, nlohmann::json output) {
  return {{"id", id}, {"type", "transform"}, {"config", {{"output", std::move(output)}}}};
}

/// Workflow `t3`: a -> b -> c, each adding 1 to the one before.
inline nlohmann::json three_node_chain() {
  return {{"id", "t3"},
          {"name", "t3"},
          {"nodes",
           {transform_node("a", 1), transform_node("b", "${nodes.a.output + 1}"),
            transform_node("c", "${nodes.b.output + 1}")}},
          {"connections", {{{"from", "a"}, {"to", "b"}}, {{"from", "b"}, {"to", "c"}}}}};
}

}  // namespace auraos::bench
