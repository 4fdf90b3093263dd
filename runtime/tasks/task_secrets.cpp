// A task's `secrets`: paths of string fields of its config whose values are secret.

#include <set>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/secrets/config_secrets.hpp"
#include "runtime/tasks/task_fields.hpp"

namespace auraos::runtime::tasks {

std::vector<std::string> read_secrets(const definition::scope& root, const nlohmann::json& document,
                                      task_type type) {
  auto paths = definition::string_list(root, document, "secrets");
  if (!paths || paths->empty()) return {};
  if (type != task_type::shell && type != task_type::http) {
    root.report("secrets", "only shell and http tasks take secret config fields, found type " +
                               std::string{to_string(type)});
    return {};
  }
  const nlohmann::json* config = definition::member(document, "config");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < paths->size(); ++i) {
    const auto& path = (*paths)[i];
    auto at = "secrets[" + std::to_string(i) + "]";
    if (!secrets::config_path_keys(path))
      root.report(at,
                  "must be a path into config such as \"config.headers.Authorization\", "
                  "found \"" +
                      path + "\"");
    else if (!seen.insert(path).second)
      root.report(at, "duplicate path \"" + path + "\"");
    else if (!config || !secrets::config_string_at(*config, path))
      root.report(at, path + " must name a string field of config");
  }
  return *paths;
}

}  // namespace auraos::runtime::tasks
