#include "runtime/definition/workflow.hpp"

#include <algorithm>

namespace auraos::runtime::definition {

std::ptrdiff_t find_node(const workflow& wf, std::string_view id) {
  auto it =
      std::find_if(wf.nodes.begin(), wf.nodes.end(), [&](const node& n) { return n.id == id; });
  return it == wf.nodes.end() ? -1 : it - wf.nodes.begin();
}

retry_policy effective_retry(const workflow& wf, const node& n) {
  if (n.retry) return *n.retry;
  if (wf.settings.retry) return *wf.settings.retry;
  return retry_policy{};
}

std::string_view to_string(node_type type) {
  switch (type) {
    case node_type::shell:
      return "shell";
    case node_type::http:
      return "http";
    case node_type::transform:
      return "transform";
    case node_type::delay:
      return "delay";
    case node_type::wait_event:
      return "wait_event";
    case node_type::publish_event:
      return "publish_event";
    case node_type::subworkflow:
      return "subworkflow";
    case node_type::task:
      return "task";
    case node_type::decision:
      return "decision";
    case node_type::fail:
      return "fail";
    case node_type::noop:
      return "noop";
  }
  return "unknown";
}

}  // namespace auraos::runtime::definition
