#pragma once
// A task definition's secret config fields (its `secrets` paths, e.g.
// "config.headers.Authorization"): taken out of the stored definition ("***" in their place)
// and put back into the rendered config of an attempt (docs/security.md).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace auraos::runtime::secrets {

/// The keys of a secret path below `config` ("config.headers.Authorization" -> {"headers",
/// "Authorization"}); nullopt when it does not start with "config." or has an empty key.
std::optional<std::vector<std::string>> config_path_keys(std::string_view path);

/// The string at `path` of `config` (the config object, not the definition), or nullptr.
const std::string* config_string_at(const nlohmann::json& config, std::string_view path);

/// A definition with its secret config values taken out.
struct split_config {
  std::string masked;                         ///< The definition's JSON text, "***" at the paths.
  std::map<std::string, std::string> values;  ///< path -> value, of the paths that hold a string.
};

/// Splits the definition `document` (with `config`) by `paths`.
split_config split_config_secrets(const nlohmann::json& document,
                                  const std::vector<std::string>& paths);

/// Puts the plain `values` (path -> value) into a rendered `config`; a path that does not name
/// a string there (a changed definition) is left out.
void put_config_secrets(nlohmann::json& config, const std::map<std::string, std::string>& values);

}  // namespace auraos::runtime::secrets
