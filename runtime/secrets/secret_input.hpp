#pragma once
// An execution's input split by the workflow's secret variables: what is stored and shown
// ("***" in place of each secret value) and the secret values, sealed apart
// (docs/security.md, "Secrets and key rotation").

#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/workflow.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::secrets {

/// An input with its secret values taken out, as JSON texts.
struct split_input {
  std::string masked;   ///< The input with "***" in place of every secret value given.
  std::string secrets;  ///< {variable: value} of the secret variables given; empty when none.
};

/// Splits `input` (an object or null, checked against the variables) by `wf`'s secret
/// variables.
split_input split_secret_input(const definition::workflow& wf, const nlohmann::json& input);

/// True when `wf` declares a secret variable.
bool has_secret_variables(const definition::workflow& wf);

/// The values of the secrets object's JSON text ({name: string}); an error when it is not
/// such an object.
result<std::map<std::string, std::string>, std::string> secret_values(std::string_view json_text);

}  // namespace auraos::runtime::secrets
