#include "runtime/tasks/task_json.hpp"

#include <nlohmann/json.hpp>

#include "runtime/definition/retry_json.hpp"

namespace auraos::runtime::tasks {
namespace {

using definition::number_json;
using nlohmann::json;

json dependencies_json(const std::vector<dependency>& dependencies) {
  json out = json::array();
  for (const auto& d : dependencies)
    out.push_back(
        {{"taskId", d.task_id},
         {"condition", d.condition == dependency_condition::success ? "success" : "completion"}});
  return out;
}

json resources_json(const std::map<std::string, double, std::less<>>& resources) {
  json out = json::object();
  for (const auto& [name, amount] : resources) out[name] = number_json(amount);
  return out;
}

void put_limits(json& out, const task_definition& task) {
  if (task.timeout_seconds) out["timeout"] = number_json(*task.timeout_seconds);
  if (task.concurrency) {
    out["concurrency"] = {{"limit", task.concurrency->limit}};
    if (task.concurrency->key) out["concurrency"]["key"] = task.concurrency->key->source();
  }
  if (task.rate_limit)
    out["rateLimit"] = {{"runs", task.rate_limit->runs},
                        {"perSeconds", number_json(task.rate_limit->per_seconds)}};
}

}  // namespace

json to_json(const task_definition& task) {
  json out = {{"id", task.id},
              {"name", task.name},
              {"description", task.description},
              {"type", to_string(task.type)},
              {"config", task.config.source()},
              {"dependencies", dependencies_json(task.dependencies)},
              {"resources", resources_json(task.resources)},
              {"retryPolicy", definition::retry_policy_json(task.retry)},
              {"priority", task.priority},
              {"queue", task.queue},
              {"tags", task.tags},
              {"metadata", task.metadata ? *task.metadata : json::object()}};
  put_limits(out, task);
  if (!task.secrets.empty()) out["secrets"] = task.secrets;
  return out;
}

}  // namespace auraos::runtime::tasks
