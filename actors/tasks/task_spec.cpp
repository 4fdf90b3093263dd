#include "actors/tasks/task_spec.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace auraos::actors::tasks {

namespace rt = runtime::tasks;

result<task_spec_ptr, std::string> spec_of(const std::string& definition_json) {
  auto parsed = rt::parse_task_definition_text(definition_json);
  if (!parsed) return fail(parsed.error().front().to_string());
  auto definition = std::make_shared<const rt::task_definition>(std::move(*parsed));
  auto spec = std::make_shared<task_spec>();
  spec->id = definition->id;
  spec->type = std::string{rt::to_string(definition->type)};
  spec->queue = definition->queue;
  spec->priority = definition->priority;
  spec->resources = rt::to_amounts(definition->resources);
  spec->retry = definition->retry;
  if (definition->timeout_seconds)
    spec->timeout_ms = std::llround(*definition->timeout_seconds * 1000.0);
  if (definition->concurrency) spec->concurrency_limit = definition->concurrency->limit;
  if (definition->rate_limit) {
    spec->rate_runs = definition->rate_limit->runs;
    spec->rate_window_ms = std::llround(definition->rate_limit->per_seconds * 1000.0);
  }
  for (const auto& dep : definition->dependencies)
    spec->dependencies.push_back(
        {dep.task_id, dep.condition == rt::dependency_condition::success ? "success"
                                                                          : "completion"});
  spec->heartbeat_ms = std::llround(definition->heartbeat_seconds * 1000.0);
  spec->definition = std::move(definition);
  return task_spec_ptr{std::move(spec)};
}

}  // namespace auraos::actors::tasks
