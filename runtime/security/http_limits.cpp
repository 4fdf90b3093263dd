// The `limits` object of a node's config file.

#include "runtime/security/http_limits.hpp"

#include <functional>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace auraos::runtime::security {
namespace {

using setter = std::function<result<bool, std::string>(http_limits&, const nlohmann::json&)>;

/// A setter of a number from `low` to `high` (fractions allowed).
setter number(std::string name, double low, double high,
              std::function<void(http_limits&, double)> apply) {
  return [=](http_limits& limits, const nlohmann::json& value) -> result<bool, std::string> {
    if (!value.is_number() || value.get<double>() < low || value.get<double>() > high)
      return fail(
          fmt::format("config: limits.{}: must be a number from {} to {}", name, low, high));
    apply(limits, value.get<double>());
    return true;
  };
}

/// A setter of a whole number from `low` to `high`.
setter count(std::string name, std::size_t low, std::size_t high, std::size_t http_limits::*field) {
  return [=](http_limits& limits, const nlohmann::json& value) -> result<bool, std::string> {
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() < low ||
        value.get<std::uint64_t>() > high)
      return fail(
          fmt::format("config: limits.{}: must be a whole number from {} to {}", name, low, high));
    limits.*field = static_cast<std::size_t>(value.get<std::uint64_t>());
    return true;
  };
}

const std::map<std::string, setter>& setters() {
  constexpr double most = 1e9;
  static const std::map<std::string, setter> all{
      {"perTokenPerSecond", number("perTokenPerSecond", 0, most,
                                   [](http_limits& l, double v) { l.per_token.per_second = v; })},
      {"perTokenBurst",
       number("perTokenBurst", 1, most, [](http_limits& l, double v) { l.per_token.burst = v; })},
      {"perAddressPerSecond",
       number("perAddressPerSecond", 0, most,
              [](http_limits& l, double v) { l.per_address.per_second = v; })},
      {"perAddressBurst", number("perAddressBurst", 1, most,
                                 [](http_limits& l, double v) { l.per_address.burst = v; })},
      {"limitLoopback",
       [](http_limits& l, const nlohmann::json& v) -> result<bool, std::string> {
         if (!v.is_boolean())
           return fail(std::string("config: limits.limitLoopback: must be true or false"));
         l.limit_loopback = v.get<bool>();
         return true;
       }},
      {"maxHeaderBytes", count("maxHeaderBytes", 1024, 1 << 20, &http_limits::max_header_bytes)},
      {"maxTargetBytes", count("maxTargetBytes", 16, 1 << 20, &http_limits::max_target_bytes)},
      {"maxConnections", count("maxConnections", 1, 1000000, &http_limits::max_connections)},
      {"maxSubscriptions", count("maxSubscriptions", 1, 1000000, &http_limits::max_subscriptions)},
      {"trackedKeys", count("trackedKeys", 1, 10000000, &http_limits::tracked_keys)},
  };
  return all;
}

}  // namespace

std::optional<result<bool, std::string>> apply_limits_key(http_limits& limits,
                                                          const std::string& key,
                                                          const nlohmann::json& value) {
  using result_t = result<bool, std::string>;
  if (key != "limits") return std::nullopt;
  if (!value.is_object()) return result_t{fail(std::string("config: limits: must be an object"))};
  for (const auto& [name, member] : value.items()) {
    auto found = setters().find(name);
    if (found == setters().end()) {
      std::string known;
      for (const auto& [known_name, unused] : setters())
        known += (known.empty() ? "" : ", ") + known_name;
      return result_t{fail(fmt::format("config: limits: unknown field '{}' ({})", name, known))};
    }
    auto applied = found->second(limits, member);
    if (!applied) return result_t{fail(applied.error())};
  }
  return result_t{true};
}

}  // namespace auraos::runtime::security
