#include "runtime/cluster/settings_file.hpp"

#include <functional>
#include <map>

#include <nlohmann/json.hpp>

namespace auraos::runtime::cluster {
namespace {

using applied = result<bool, std::string>;
/// Sets one field from a value; `name` is the key as the file spells it, for errors.
using setter =
    std::function<applied(cluster_settings&, const std::string& name, const nlohmann::json&)>;

setter address(std::optional<host_port> cluster_settings::*field) {
  return [field](cluster_settings& s, const std::string& name, const nlohmann::json& v) -> applied {
    auto parsed = parse_host_port(v.get<std::string>(), "config: " + name);
    if (!parsed) return fail(parsed.error());
    s.*field = *parsed;
    return true;
  };
}

setter text(std::string cluster_settings::*field) {
  return [field](cluster_settings& s, const std::string&, const nlohmann::json& v) -> applied {
    s.*field = v.get<std::string>();
    return true;
  };
}

setter millis(std::chrono::milliseconds cluster_settings::*field) {
  return [field](cluster_settings& s, const std::string& name, const nlohmann::json& v) -> applied {
    if (!v.is_number_unsigned())
      return fail("config: " + name + ": must be a non-negative integer");
    s.*field = std::chrono::milliseconds(v.get<std::uint32_t>());
    return true;
  };
}

// The keys of the `cluster` object.
const std::map<std::string, setter>& nested_setters() {
  static const std::map<std::string, setter> setters{
      {"listen", address(&cluster_settings::listen)},
      {"advertise", address(&cluster_settings::advertise)},
      {"nodeName", text(&cluster_settings::node_name)},
      {"cert", text(&cluster_settings::cert_file)},
      {"key", text(&cluster_settings::key_file)},
      {"ca", text(&cluster_settings::ca_file)},
      {"heartbeatMs", millis(&cluster_settings::heartbeat)},
      {"leaseMs", millis(&cluster_settings::lease)},
      {"forwardTimeoutMs", millis(&cluster_settings::forward_timeout)},
      {"shards",
       [](cluster_settings& s, const std::string& name, const nlohmann::json& v) -> applied {
         if (!v.is_number_integer()) return fail("config: " + name + ": must be an integer");
         s.shards = v.get<std::int64_t>();
         return true;
       }},
      {"insecure",
       [](cluster_settings& s, const std::string&, const nlohmann::json& v) -> applied {
         s.insecure = v.get<bool>();
         return true;
       }},
  };
  return setters;
}

// Top-level keys named like the flags, and the nested key each stands for.
const std::map<std::string, std::string>& top_level_names() {
  static const std::map<std::string, std::string> names{
      {"clusterListen", "listen"},
      {"clusterAdvertise", "advertise"},
      {"nodeName", "nodeName"},
      {"shards", "shards"},
      {"clusterCert", "cert"},
      {"clusterKey", "key"},
      {"clusterCa", "ca"},
      {"insecureCluster", "insecure"},
      {"heartbeatMs", "heartbeatMs"},
      {"leaseMs", "leaseMs"},
      {"forwardTimeoutMs", "forwardTimeoutMs"},
  };
  return names;
}

/// Applies nested key `key` (spelt `name` in the file); a wrong type is an error naming it.
applied apply_nested(cluster_settings& settings, const std::string& key, const std::string& name,
                     const nlohmann::json& value) {
  auto found = nested_setters().find(key);
  if (found == nested_setters().end()) return fail("config: unknown field '" + name + "'");
  try {
    return found->second(settings, name, value);
  } catch (const nlohmann::json::exception&) {
    return fail("config: " + name + ": has the wrong type (" + value.type_name() + ")");
  }
}

applied apply_object(cluster_settings& settings, const nlohmann::json& object) {
  if (!object.is_object()) return fail(std::string("config: cluster: must be a JSON object"));
  for (const auto& [key, value] : object.items()) {
    auto done = apply_nested(settings, key, "cluster." + key, value);
    if (!done) return done;
  }
  return true;
}

}  // namespace

std::optional<result<bool, std::string>> apply_cluster_key(cluster_settings& settings,
                                                           const std::string& key,
                                                           const nlohmann::json& value) {
  static const std::string dotted = "cluster.";
  if (key == "cluster") return apply_object(settings, value);
  if (key.compare(0, dotted.size(), dotted) == 0)
    return apply_nested(settings, key.substr(dotted.size()), key, value);
  auto alias = top_level_names().find(key);
  if (alias == top_level_names().end()) return std::nullopt;
  return apply_nested(settings, alias->second, key, value);
}

}  // namespace auraos::runtime::cluster
