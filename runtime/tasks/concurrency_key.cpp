#include "runtime/tasks/concurrency_key.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::runtime::tasks {

result<std::optional<std::string>, expr::evaluation_error> render_concurrency_key(
    const concurrency_rule& rule, const nlohmann::json& input) {
  if (!rule.key) return std::optional<std::string>{};
  auto rendered = rule.key->render(nlohmann::json{{"input", input}});
  if (!rendered) return fail(std::move(rendered).error());
  const auto& value = rendered.value();
  if (value.is_null())
    return fail(expr::evaluation_error{"the concurrency key \"" +
                                       rule.key->source().get<std::string>() +
                                       "\" is null for this input (is the field missing?)"});
  return std::optional<std::string>{value.is_string() ? value.get<std::string>()
                                                      : dump_json(value)};
}

}  // namespace auraos::runtime::tasks
