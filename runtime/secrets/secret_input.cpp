// Splitting an execution input by the secret variables.
#include "runtime/secrets/secret_input.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"
#include "runtime/secrets/masking.hpp"

namespace auraos::runtime::secrets {

split_input split_secret_input(const definition::workflow& wf, const nlohmann::json& input) {
  auto masked = input;
  auto secrets = nlohmann::json::object();
  if (input.is_object()) {
    for (const auto& var : wf.variables) {
      if (!var.secret || !input.contains(var.name)) continue;
      secrets[var.name] = input.at(var.name);
      masked[var.name] = std::string{mask};
    }
  }
  return {dump_json(masked), secrets.empty() ? std::string{} : dump_json(secrets)};
}

bool has_secret_variables(const definition::workflow& wf) {
  return std::any_of(wf.variables.begin(), wf.variables.end(),
                     [](const definition::variable& var) { return var.secret; });
}

result<std::map<std::string, std::string>, std::string> secret_values(std::string_view json_text) {
  auto doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return fail(std::string{"the opened secrets are not a JSON object"});
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : doc.items()) {
    if (!value.is_string()) return fail("the opened secret '" + name + "' is not a string");
    out.emplace(name, value.get<std::string>());
  }
  return out;
}

}  // namespace auraos::runtime::secrets
