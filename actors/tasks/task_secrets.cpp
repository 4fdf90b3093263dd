// Sealing, opening and masking a task's secret config values.
#include "actors/tasks/task_secrets.hpp"

#include <nlohmann/json.hpp>

#include "runtime/crypto/secret_keys.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/secrets/config_secrets.hpp"
#include "runtime/secrets/masking.hpp"
#include "runtime/secrets/secret_input.hpp"

namespace auraos::actors::tasks {
namespace {

runtime::secrets::secret_set set_of(const task_spec& spec) {
  runtime::secrets::secret_set set;
  for (const auto& [path, value] : spec.secret_values) set.add(value);
  return set;
}

/// The values `task` sends, with "***" replaced by the values of `previous`; an error names a
/// "***" without a stored value.
result<std::map<std::string, std::string>, std::string> values_to_store(
    std::map<std::string, std::string> values, const task_spec_ptr& previous) {
  for (auto& [path, value] : values) {
    if (value != runtime::secrets::mask) continue;
    auto none = "secrets: " + path + " is \"***\", which keeps the stored value, but the task " +
                "has none; send the value";
    if (!previous) return fail(std::move(none));
    auto kept = previous->secret_values.find(path);
    if (kept == previous->secret_values.end()) return fail(std::move(none));
    value = kept->second;
  }
  return values;
}

}  // namespace

result<task_spec_ptr, std::string> seal_task_secrets(persistence::task_record& task,
                                                     const task_spec_ptr& previous,
                                                     runtime::crypto::secret_keys& keys) {
  auto spec = spec_of(task.definition);
  if (!spec) return fail(spec.error());
  task.secrets.reset();
  const auto& paths = (*spec)->definition->secrets;
  if (paths.empty()) return spec;
  auto document = runtime::parse_json(task.definition);
  if (!document) return fail(std::string{"the definition is not JSON"});
  auto split = runtime::secrets::split_config_secrets(*document, paths);
  auto values = values_to_store(std::move(split.values), previous);
  if (!values) return fail(values.error());
  auto sealed = keys.seal(nlohmann::json(*values).dump(), task.id);
  if (!sealed) return fail(sealed.error());
  task.definition = std::move(split.masked);
  task.secrets = std::move(*sealed);
  auto stored = spec_of(task.definition);
  if (!stored) return fail(stored.error());
  auto out = std::make_shared<task_spec>(**stored);
  out->secret_values = std::move(*values);
  return task_spec_ptr{std::move(out)};
}

task_spec_ptr with_secrets(task_spec_ptr spec, const persistence::task_record& task,
                           runtime::crypto::secret_keys& keys) {
  if (!task.secrets) return spec;
  auto out = std::make_shared<task_spec>(*spec);
  auto opened = keys.open(*task.secrets, task.id);
  std::string problem = opened ? std::string{} : opened.error();
  if (opened) {
    auto values = runtime::secrets::secret_values(*opened);
    if (values) {
      out->secret_values = std::move(*values);
      return out;
    }
    problem = values.error();
  }
  out->secrets_problem = "task " + task.id + ": " + problem;
  return out;
}

runtime::handlers::work_result masked_result(const task_spec& spec,
                                             runtime::handlers::work_result result) {
  if (spec.secret_values.empty()) return result;
  auto set = set_of(spec);
  if (result.output)
    result.output = std::make_shared<const nlohmann::json>(set.masked_json(*result.output));
  result.error.message = set.masked(result.error.message);
  if (result.error.fields)
    result.error.fields =
        std::make_shared<const nlohmann::json>(set.masked_json(*result.error.fields));
  return result;
}

std::string masked_text(const task_spec& spec, const std::string& text) {
  return spec.secret_values.empty() ? text : set_of(spec).masked(text);
}

}  // namespace auraos::actors::tasks
