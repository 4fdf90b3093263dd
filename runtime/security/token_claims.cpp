#include "runtime/security/token_claims.hpp"

#include <array>
#include <utility>

#include "runtime/enum_names.hpp"

namespace auraos::runtime::security {
namespace {

constexpr std::array<std::pair<claims_problem, std::string_view>, 4> problem_names{{
    {claims_problem::expired, "expired"},
    {claims_problem::not_yet_valid, "not_yet_valid"},
    {claims_problem::revoked, "revoked"},
    {claims_problem::unknown_key, "unknown_key"},
}};

}  // namespace

std::string_view to_string(claims_problem problem) {
  return name_of(problem_names, problem);
}

std::optional<claims_problem> check_claims(const token_claims& claims, std::chrono::sys_seconds now,
                                           const std::set<std::string>& revoked_ids,
                                           const std::set<std::string>& key_ids,
                                           std::chrono::seconds skew) {
  if (!key_ids.count(claims.key_id)) return claims_problem::unknown_key;
  if (revoked_ids.count(claims.token_id)) return claims_problem::revoked;
  if (claims.issued_at > now + skew) return claims_problem::not_yet_valid;
  if (now >= claims.expires_at) return claims_problem::expired;
  return std::nullopt;
}

}  // namespace auraos::runtime::security
