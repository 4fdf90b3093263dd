#include "runtime/node_config.hpp"

#include <charconv>
#include <tuple>

#include <nlohmann/json.hpp>

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
    const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    return fail("--http: '" + text + "' is not HOST:PORT");
  }
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto digits = std::string_view{text}.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc{} || end != digits.data() + digits.size() || port > 65535) {
    return fail("--http: '" + std::string(digits) + "' is not a port number (0-65535)");
  }
  return std::pair{host, static_cast<std::uint16_t>(port)};
}

namespace {

// Applies one config file field; throws nlohmann::json::type_error on a wrong type.
result<bool, std::string> apply_field(node_config& config, const std::string& key,
                                      const nlohmann::json& value) {
  bool counted = key == "maxBodyBytes" || key == "passivateAfterMs" || key == "maxRestarts" ||
                 key == "restartPeriodMs";
  if (counted && !value.is_number_unsigned()) {
    return fail("config: " + key + ": must be a non-negative integer");
  }
  if (key == "dataDir") {
    config.data_dir = value.get<std::string>();
  } else if (key == "db") {
    auto location = parse_database_url(value.get<std::string>());
    if (!location) return fail(location.error());
    config.database = *location;
  } else if (key == "http") {
    auto address = parse_listen_address(value.get<std::string>());
    if (!address) return fail(address.error());
    std::tie(config.http_host, config.http_port) = *address;
  } else if (key == "maxBodyBytes") {
    config.max_body_bytes = value.get<std::size_t>();
  } else if (key == "passivateAfterMs") {
    config.passivate_after = std::chrono::milliseconds(value.get<std::uint32_t>());
  } else if (key == "maxRestarts") {
    config.max_restarts = value.get<int>();
  } else if (key == "restartPeriodMs") {
    config.restart_period = std::chrono::milliseconds(value.get<std::uint32_t>());
  } else {
    return fail("config: unknown field '" + key + "'");
  }
  return true;
}

}  // namespace

result<node_config, std::string> apply_config_file(node_config base, const std::string& json_text) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    return fail(std::string("config: ") + e.what());
  }
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
  return config;
}

}  // namespace auraos::runtime
