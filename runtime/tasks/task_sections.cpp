// A task's `dependencies`, `resources`, `concurrency` and `rateLimit`.

#include <cmath>
#include <initializer_list>
#include <utility>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"
#include "runtime/tasks/task_fields.hpp"

namespace auraos::runtime::tasks {
namespace {

using nlohmann::json;
namespace def = definition;

/// The object at `key`, or nullptr when absent or reported as no object.
const json* object_at(const def::scope& root, const json& document, std::string_view key) {
  const json* value = def::member(document, key);
  if (!value || !def::expect(root, key, *value, value->is_object(), "an object")) return nullptr;
  return value;
}

/// The object at `key` and the scope inside it, its unknown and missing fields reported; nullopt
/// when absent.
std::optional<std::pair<const json*, def::scope>> section(
    const def::scope& root, const json& document, std::string_view key,
    std::initializer_list<std::string_view> allowed,
    std::initializer_list<std::string_view> required) {
  const json* value = object_at(root, document, key);
  if (!value) return std::nullopt;
  auto at = root.field(key);
  def::check_known_fields(at, *value, allowed);
  for (auto field : required)
    if (!def::member(*value, field)) at.report(field, "required");
  return std::pair{value, at};
}

/// True for a number of at most `max_resource_amount` counted in steps of 0.001.
bool is_amount(const json& value) {
  if (!value.is_number()) return false;
  double units = value.get<double>();
  double thousandths = units * 1000;
  return units >= 0 && units <= max_resource_amount &&
         std::fabs(thousandths - std::round(thousandths)) < 1e-6;
}

dependency read_dependency(const def::scope& at, const json& value, std::string_view self,
                           std::map<std::string, std::size_t>& seen, std::size_t index) {
  dependency out;
  if (!def::expect(at, "", value, value.is_object(), "an object")) return out;
  def::check_known_fields(at, value, {"taskId", "condition"});
  if (auto id = def::required_string(at, value, "taskId")) {
    out.task_id = *id;
    if (!def::is_definition_id(*id))
      at.report("taskId", std::string{def::definition_id_rule});
    else if (*id == self)
      at.report("taskId", "a task cannot depend on itself");
    else if (auto [it, fresh] = seen.emplace(*id, index); !fresh)
      at.report("taskId",
                "duplicate dependency (also dependencies[" + std::to_string(it->second) + "])");
  }
  if (def::one_of(at, value, "condition", {"success", "completion"}) == "completion")
    out.condition = dependency_condition::completion;
  return out;
}

}  // namespace

std::vector<dependency> read_dependencies(const def::scope& root, const json& document,
                                          std::string_view self) {
  std::vector<dependency> out;
  const json* list = def::member(document, "dependencies");
  if (!list || !def::expect(root, "dependencies", *list, list->is_array(), "an array")) return out;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto at = root.element("dependencies[" + std::to_string(i) + "]");
    out.push_back(read_dependency(at, (*list)[i], self, seen, i));
  }
  return out;
}

std::map<std::string, double, std::less<>> read_resources(const def::scope& root,
                                                          const json& document) {
  std::map<std::string, double, std::less<>> out;
  const json* resources = object_at(root, document, "resources");
  if (!resources) return out;
  auto at = root.field("resources");
  for (const auto& [name, amount] : resources->items()) {
    if (!def::is_identifier(name))
      at.report(name, "resource names must match [A-Za-z_][A-Za-z0-9_-]*");
    else if (def::expect(at, name, amount, is_amount(amount),
                         "a number from 0 to 1e12 in steps of 0.001"))
      out.emplace(name, amount.get<double>());
  }
  return out;
}

std::optional<concurrency_rule> read_concurrency(const def::scope& root, const json& document) {
  auto found = section(root, document, "concurrency", {"limit", "key"}, {"limit"});
  if (!found) return std::nullopt;
  const auto& [value, at] = *found;
  concurrency_rule out;
  out.limit = static_cast<int>(def::integer_between(at, *value, "limit", 1, max_count).value_or(1));
  if (const json* key = def::member(*value, "key");
      key && def::expect(at, "key", *key, key->is_string(), "a string"))
    out.key = def::read_template(at, "key", *key);
  return out;
}

std::optional<rate_rule> read_rate_limit(const def::scope& root, const json& document) {
  auto found = section(root, document, "rateLimit", {"runs", "perSeconds"}, {"runs", "perSeconds"});
  if (!found) return std::nullopt;
  const auto& [value, at] = *found;
  rate_rule out;
  out.runs = static_cast<int>(def::integer_between(at, *value, "runs", 1, max_count).value_or(1));
  out.per_seconds = def::positive_number(at, *value, "perSeconds").value_or(1);
  return out;
}

}  // namespace auraos::runtime::tasks
