// Security config keys and the loopback rule.

#include "runtime/security/security_settings.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace auraos::runtime::security {
namespace {

/// A whole number of `unit` from `low` to `high`, or the error naming `key`.
result<std::int64_t, std::string> bounded(const std::string& key, const nlohmann::json& value,
                                          std::int64_t low, std::int64_t high) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < low ||
      value.get<std::int64_t>() > high)
    return fail(fmt::format("config: {}: must be a whole number from {} to {}", key, low, high));
  return value.get<std::int64_t>();
}

}  // namespace

std::optional<result<bool, std::string>> apply_security_key(security_settings& settings,
                                                            const std::string& key,
                                                            const nlohmann::json& value) {
  using result_t = result<bool, std::string>;
  if (key == "auth" || key == "insecureHttp") {
    if (!value.is_boolean()) return result_t{fail("config: " + key + ": must be true or false")};
    (key == "auth" ? settings.auth : settings.insecure_http) = value.get<bool>();
    return result_t{true};
  }
  if (key == "keyFile") {
    if (!value.is_string() || value.get<std::string>().empty())
      return result_t{fail(std::string{"config: keyFile: must be a file path"})};
    settings.key_file = value.get<std::string>();
    return result_t{true};
  }
  if (key == "accessTokenTtlSeconds" || key == "refreshTokenTtlSeconds") {
    auto seconds = bounded(key, value, 1, 365LL * 24 * 3600);
    if (!seconds) return result_t{fail(seconds.error())};
    (key == "accessTokenTtlSeconds" ? settings.access_token_ttl : settings.refresh_token_ttl) =
        std::chrono::seconds(*seconds);
    return result_t{true};
  }
  if (key == "revocationPollMs") {
    auto ms = bounded(key, value, 10, 60000);
    if (!ms) return result_t{fail(ms.error())};
    settings.revocation_poll = std::chrono::milliseconds(*ms);
    return result_t{true};
  }
  return std::nullopt;
}

bool is_loopback_host(std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host == "localhost" || host == "::1") return true;
  if (host.substr(0, 4) != "127.") return false;
  // 127.a.b.c with digits and dots only (a name like 127.example.com is not loopback).
  return host.find_first_not_of("0123456789.", 4) == std::string_view::npos;
}

std::optional<std::string> exposure_refusal(const security_settings& settings,
                                            std::string_view host, std::string_view flag) {
  if (settings.auth || settings.insecure_http || is_loopback_host(host)) return std::nullopt;
  return fmt::format(
      "{} {}: a node reachable beyond this machine needs authentication: start it with "
      "--auth (docs/security.md), or with --insecure-http to serve it unprotected",
      flag, host);
}

std::optional<std::string> exposure_warning(const security_settings& settings,
                                            std::string_view http_host) {
  if (settings.auth || is_loopback_host(http_host)) return std::nullopt;
  return fmt::format(
      "insecure-http: the API on {} needs no token; anyone who reaches it can run commands on "
      "this node",
      http_host);
}

}  // namespace auraos::runtime::security
