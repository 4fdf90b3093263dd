// Taking a task's secret config values out of its definition and putting them back.
#include "runtime/secrets/config_secrets.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"
#include "runtime/secrets/masking.hpp"

namespace auraos::runtime::secrets {
namespace {

constexpr std::string_view config_prefix = "config.";

/// The member at `keys` of `value`, or nullptr.
nlohmann::json* member_at(nlohmann::json& value, const std::vector<std::string>& keys) {
  nlohmann::json* at = &value;
  for (const auto& key : keys) {
    if (!at->is_object()) return nullptr;
    auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

}  // namespace

std::optional<std::vector<std::string>> config_path_keys(std::string_view path) {
  if (path.substr(0, config_prefix.size()) != config_prefix) return std::nullopt;
  std::vector<std::string> keys;
  auto rest = path.substr(config_prefix.size());
  while (true) {
    auto dot = rest.find('.');
    auto key = rest.substr(0, dot);
    if (key.empty()) return std::nullopt;
    keys.emplace_back(key);
    if (dot == std::string_view::npos) return keys;
    rest = rest.substr(dot + 1);
  }
}

const std::string* config_string_at(const nlohmann::json& config, std::string_view path) {
  auto keys = config_path_keys(path);
  if (!keys) return nullptr;
  const auto* at = member_at(const_cast<nlohmann::json&>(config), *keys);
  return at && at->is_string() ? &at->get_ref<const std::string&>() : nullptr;
}

split_config split_config_secrets(const nlohmann::json& document,
                                  const std::vector<std::string>& paths) {
  auto masked = document;
  std::map<std::string, std::string> values;
  if (masked.is_object() && masked.contains("config")) {
    for (const auto& path : paths) {
      auto keys = config_path_keys(path);
      auto* at = keys ? member_at(masked["config"], *keys) : nullptr;
      if (!at || !at->is_string()) continue;
      values[path] = at->get<std::string>();
      *at = std::string{mask};
    }
  }
  return {dump_json(masked), std::move(values)};
}

void put_config_secrets(nlohmann::json& config, const std::map<std::string, std::string>& values) {
  for (const auto& [path, value] : values) {
    auto keys = config_path_keys(path);
    auto* at = keys ? member_at(config, *keys) : nullptr;
    if (at && at->is_string()) *at = value;
  }
}

}  // namespace auraos::runtime::secrets
