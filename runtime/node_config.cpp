#include "runtime/node_config.hpp"

#include <charconv>
#include <functional>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "runtime/cluster/settings_file.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

result<database_location, std::string> parse_database_url(const std::string& url) {
  if (starts_with(url, "sqlite:")) {
    auto path = url.substr(7);
    if (path.empty())
      return fail(std::string("--db: sqlite: needs a file path, e.g. sqlite:/var/lib/auraos.db"));
    return database_location{"sqlite", path};
  }
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    return database_location{"postgresql", url};
  }
  return fail("--db: '" + url + "' is neither sqlite:PATH nor a postgresql:// URL");
}

result<std::pair<std::string, std::uint16_t>, std::string> parse_listen_address(
    const std::string& text, std::string_view flag) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    return fail(std::string(flag) + ": '" + text + "' is not HOST:PORT");
  }
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto digits = std::string_view{text}.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc{} || end != digits.data() + digits.size() || port > 65535) {
    return fail(std::string(flag) + ": '" + std::string(digits) +
                "' is not a port number (0-65535)");
  }
  return std::pair{host, static_cast<std::uint16_t>(port)};
}

namespace {

using field_setter = std::function<result<bool, std::string>(node_config&, const nlohmann::json&)>;

/// A setter of a non-negative integer field.
template <class Apply>
field_setter counted(const std::string& key, Apply apply) {
  return
      [key, apply](node_config& config, const nlohmann::json& value) -> result<bool, std::string> {
        if (!value.is_number_unsigned())
          return fail("config: " + key + ": must be a non-negative integer");
        apply(config, value.get<std::uint32_t>());
        return true;
      };
}

// `pool: {capacity: {NAME: AMOUNT...}, workers: N, agingSeconds: N}`.
result<bool, std::string> apply_pool(node_config& config, const nlohmann::json& value) {
  if (!value.is_object()) return fail(std::string("config: pool: must be an object"));
  for (const auto& [key, member] : value.items()) {
    if (key == "capacity") {
      if (!member.is_object()) return fail(std::string("config: pool.capacity: must be an object"));
      for (const auto& [name, amount] : member.items()) {
        if (!amount.is_number() || amount.get<double>() < 0 || amount.get<double>() > 1e12)
          return fail("config: pool.capacity." + name + ": must be a number from 0 to 1e12");
        config.pool_capacity[name] = amount.get<double>();
      }
    } else if (key == "workers" || key == "agingSeconds") {
      if (!member.is_number_unsigned() || member.get<std::uint64_t>() < 1 ||
          member.get<std::uint64_t>() > 100000)
        return fail("config: pool." + key + ": must be a whole number from 1 to 100000");
      (key == "workers" ? config.pool_workers : config.pool_aging_seconds) =
          static_cast<std::int64_t>(member.get<std::uint64_t>());
    } else {
      return fail("config: pool: unknown field '" + key + "' (capacity, workers, agingSeconds)");
    }
  }
  return true;
}

// The setter of every config file key; a setter throws nlohmann::json::type_error on a wrong type.
const std::map<std::string, field_setter>& field_setters() {
  using ms = std::chrono::milliseconds;
  static const std::map<std::string, field_setter> setters{
      {"dataDir",
       [](node_config& c, const nlohmann::json& v) -> result<bool, std::string> {
         c.data_dir = v.get<std::string>();
         return true;
       }},
      {"definitionsDir",
       [](node_config& c, const nlohmann::json& v) -> result<bool, std::string> {
         c.definitions_dir = v.get<std::string>();
         return true;
       }},
      {"db",
       [](node_config& c, const nlohmann::json& v) -> result<bool, std::string> {
         auto location = parse_database_url(v.get<std::string>());
         if (!location) return fail(location.error());
         c.database = *location;
         return true;
       }},
      {"http",
       [](node_config& c, const nlohmann::json& v) -> result<bool, std::string> {
         auto address = parse_listen_address(v.get<std::string>());
         if (!address) return fail(address.error());
         std::tie(c.http_host, c.http_port) = *address;
         return true;
       }},
      {"apiListen",
       [](node_config& c, const nlohmann::json& v) -> result<bool, std::string> {
         auto address = parse_listen_address(v.get<std::string>(), "config: apiListen");
         if (!address) return fail(address.error());
         std::tie(c.api_host, c.api_port) = *address;
         return true;
       }},
      {"logLevel",
       [](node_config& c, const nlohmann::json& v) -> result<bool, std::string> {
         auto level = parse_log_level(v.get<std::string>());
         if (!level) return fail("config: logLevel: " + level.error());
         c.log_level = *level;
         return true;
       }},
      {"maxBodyBytes",
       counted("maxBodyBytes", [](node_config& c, std::uint32_t n) { c.max_body_bytes = n; })},
      {"passivateAfterMs",
       counted("passivateAfterMs",
               [](node_config& c, std::uint32_t n) { c.passivate_after = ms(n); })},
      {"eventRetentionIntervalMs",
       counted("eventRetentionIntervalMs",
               [](node_config& c, std::uint32_t n) { c.event_retention_interval = ms(n); })},
      {"eventFollowIntervalMs",
       counted("eventFollowIntervalMs",
               [](node_config& c, std::uint32_t n) { c.event_follow_interval = ms(n); })},
      {"subscriberBufferEvents",
       counted("subscriberBufferEvents",
               [](node_config& c, std::uint32_t n) { c.subscriber_buffer_events = n; })},
      {"pool", apply_pool},
      {"maxRestarts",
       counted("maxRestarts",
               [](node_config& c, std::uint32_t n) { c.max_restarts = static_cast<int>(n); })},
      {"restartPeriodMs",
       counted("restartPeriodMs",
               [](node_config& c, std::uint32_t n) { c.restart_period = ms(n); })},
  };
  return setters;
}

result<bool, std::string> apply_field(node_config& config, const std::string& key,
                                      const nlohmann::json& value) {
  auto setter = field_setters().find(key);
  if (setter == field_setters().end()) {
    auto cluster_key = cluster::apply_cluster_key(config.cluster, key, value);
    if (cluster_key) return *cluster_key;
    auto security_key = security::apply_security_key(config.security, key, value);
    if (security_key) return *security_key;
    if (auto tls_key = security::apply_tls_key(config.http_tls, key, value)) return *tls_key;
    if (auto limits_key = security::apply_limits_key(config.http_limits, key, value))
      return *limits_key;
    return fail("config: unknown field '" + key + "'");
  }
  return setter->second(config, value);
}

}  // namespace

result<std::string, std::string> parse_log_level(const std::string& text) {
  for (const char* level : {"trace", "debug", "info", "warn", "error", "off"})
    if (text == level) return text;
  return fail("unknown log level '" + text + "' (levels: trace, debug, info, warn, error, off)");
}

result<node_config, std::string> apply_config_file(node_config base, const std::string& json_text) {
  auto parsed = parse_json(json_text);
  if (!parsed) return fail("config: " + parsed.error().to_string());
  auto& doc = *parsed;
  if (!doc.is_object()) return fail(std::string("config: must be a JSON object"));
  for (const auto& [key, value] : doc.items()) {
    try {
      auto applied = apply_field(base, key, value);
      if (!applied) return fail(applied.error());
    } catch (const nlohmann::json::exception&) {
      return fail("config: " + key + ": has the wrong type (" + value.type_name() + ")");
    }
  }
  return base;
}

node_config finalize(node_config config) {
  if (config.database.backend == "sqlite" && config.database.target.empty()) {
    config.database.target = config.data_dir + "/auraos.db";
  }
  if (config.definitions_dir.empty()) config.definitions_dir = config.data_dir + "/definitions";
  if (config.security.key_file.empty()) config.security.key_file = config.data_dir + "/keys.json";
  return config;
}

}  // namespace auraos::runtime
