// Rate limiting by token and by address.

#include "runtime/security/request_limiter.hpp"

#include <cctype>

#include <fmt/format.h>

#include "runtime/security/security_settings.hpp"

namespace auraos::runtime::security {
namespace {

/// The refusal of a bucket's answer, naming whose limit it is and its config keys.
rate_refusal refusal_of(const bucket_answer& answer, const rate_limit& limit,
                        const std::string& whose, const char* keys) {
  return {answer.retry_after_seconds(),
          fmt::format("too many requests {}: at most {:g} at once and {:g} per second (config "
                      "limits.{}); retry in {} s",
                      whose, limit.burst, limit.per_second, keys, answer.retry_after_seconds())};
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

std::string caller_key::subscription_key() const {
  return token_hash.empty() ? "address:" + address : "token:" + token_hash;
}

std::string_view bearer_credential(std::string_view authorization) {
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size() ||
      !equal_ignoring_case(authorization.substr(0, scheme.size()), scheme))
    return {};
  auto credential = authorization.substr(scheme.size());
  auto first = credential.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  credential.remove_prefix(first);
  return credential.substr(0, credential.find_last_not_of(' ') + 1);
}

request_limiter::request_limiter(const http_limits& limits)
    : limits_(limits),
      tokens_(limits.per_token.burst, limits.per_token.per_second, limits.tracked_keys),
      addresses_(limits.per_address.burst, limits.per_address.per_second, limits.tracked_keys) {}

std::optional<rate_refusal> request_limiter::admit(const caller_key& caller, steady_time now) {
  std::lock_guard lock{mutex_};
  if (!caller.token_hash.empty() && limits_.per_token.enabled()) {
    auto answer = tokens_.try_take(caller.token_hash, now);
    if (!answer.allowed)
      return refusal_of(answer, limits_.per_token, "with this token", "perToken*");
  }
  bool exempt = !limits_.limit_loopback && is_loopback_host(caller.address);
  if (limits_.per_address.enabled() && !exempt) {
    auto answer = addresses_.try_take(caller.address, now);
    if (!answer.allowed)
      return refusal_of(answer, limits_.per_address, "from " + caller.address, "perAddress*");
  }
  return std::nullopt;
}

}  // namespace auraos::runtime::security
