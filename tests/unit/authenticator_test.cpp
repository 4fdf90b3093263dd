// The node's token checks (gateway/auth/authenticator.hpp): access tokens issued and checked,
// expiry, foreign keys, revocations of one token and of a whole user, and remembered API-token
// lookups; and the loopback rule of a node's security settings.
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "gateway/auth/authenticator.hpp"
#include "runtime/crypto/random.hpp"
#include "runtime/security/roles.hpp"
#include "runtime/security/security_settings.hpp"

namespace auth = auraos::gateway::auth;
namespace crypto = auraos::runtime::crypto;
namespace sec = auraos::runtime::security;

namespace {

crypto::key_ring ring(const std::string& id, char fill) {
  return *crypto::key_ring::make({{id, std::string(32, fill)}}, id);
}

sec::security_settings on() {
  sec::security_settings settings;
  settings.auth = true;
  settings.access_token_ttl = std::chrono::seconds(60);
  return settings;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const sec::permission_set& viewer() { return sec::find_builtin_role("viewer")->permissions; }

}  // namespace

BOOST_AUTO_TEST_SUITE(authenticator)

BOOST_AUTO_TEST_CASE(an_issued_token_names_its_user_role_and_permissions_until_it_expires) {
  auth::authenticator checks(ring("s1", 'a'), on());
  auto issued = checks.issue("u-1", "alice", "viewer", viewer());
  auto check = checks.check(issued.token, now_ms());
  BOOST_TEST_REQUIRE(check.caller.has_value(), check.problem);
  BOOST_TEST(check.caller->who.user_id == "u-1");
  BOOST_TEST(check.caller->user_name == "alice");
  BOOST_TEST(check.caller->who.role == "viewer");
  BOOST_TEST((check.caller->who.permissions == viewer()));
  BOOST_TEST(check.caller->token_id == issued.token_id);
  auto later = checks.check(issued.token, issued.expires_at);
  BOOST_TEST(!later.caller.has_value());
  BOOST_TEST(later.problem == "the token expired");
}

BOOST_AUTO_TEST_CASE(a_token_of_another_key_or_a_changed_token_is_refused) {
  auth::authenticator mine(ring("s1", 'a'), on());
  auth::authenticator theirs(ring("s1", 'b'), on());
  auto foreign = theirs.issue("u-1", "alice", "admin", sec::all_permissions()).token;
  BOOST_TEST(!mine.check(foreign, now_ms()).caller.has_value());
  auto token = mine.issue("u-1", "alice", "viewer", viewer()).token;
  token[token.size() / 2] = token[token.size() / 2] == 'A' ? 'B' : 'A';
  auto changed = mine.check(token, now_ms());
  BOOST_TEST(!changed.caller.has_value());
  BOOST_TEST(changed.problem.find("not valid") != std::string::npos);
  BOOST_TEST(!mine.check("not a token", now_ms()).caller.has_value());
  BOOST_TEST(!mine.check("", now_ms()).caller.has_value());
}

BOOST_AUTO_TEST_CASE(a_revoked_token_and_the_tokens_of_a_revoked_user_are_refused) {
  auth::authenticator checks(ring("s1", 'a'), on());
  auto first = checks.issue("u-1", "alice", "viewer", viewer());
  auto other = checks.issue("u-2", "bob", "viewer", viewer());
  auto now = now_ms();
  checks.apply({{7, first.token_id, first.expires_at, now}});
  BOOST_TEST(checks.last_revocation_seq() == 7);
  BOOST_TEST(checks.check(first.token, now).problem == "the token is revoked");
  BOOST_TEST(checks.check(other.token, now).caller.has_value());
  // Revoking bob refuses what he holds; a token issued later (iat in a later second) is good.
  checks.apply({{8, auth::user_revocation_entry("u-2", now), now + 60000, now}});
  BOOST_TEST(checks.check(other.token, now).problem == "the token is revoked");
  BOOST_TEST(checks.last_revocation_seq() == 8);
}

BOOST_AUTO_TEST_CASE(an_api_token_needs_a_lookup_until_remembered_and_honours_revocations) {
  auth::authenticator checks(ring("s1", 'a'), on());
  auto token = std::string{auth::api_token_prefix} + crypto::random_token();
  auto now = now_ms();
  BOOST_TEST(checks.check(token, now).needs_lookup);
  auth::checked_caller caller;
  caller.who = {true, "u-3", "operator", sec::find_builtin_role("operator")->permissions};
  caller.user_name = "ci";
  caller.token_id = "t-9";
  checks.remember_api_token(crypto::sha256_hex(token), caller, now);
  auto found = checks.check(token, now + 10);
  BOOST_TEST_REQUIRE(found.caller.has_value());
  BOOST_TEST(found.caller->who.user_id == "u-3");
  // Remembered only briefly: a role change shows at the next lookup.
  BOOST_TEST(checks.check(token, now + auth::authenticator::remember_for_ms + 1).needs_lookup);
  checks.apply({{1, "t-9", now + 100000, now + 5}});
  BOOST_TEST(checks.check(token, now + 10).problem == "the API token is revoked");
}

BOOST_AUTO_TEST_CASE(a_non_loopback_address_needs_auth_or_insecure_http) {
  sec::security_settings off;
  for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"}) {
    BOOST_TEST(sec::is_loopback_host(host), host);
    BOOST_TEST(!sec::exposure_refusal(off, host).has_value(), host);
  }
  for (const char* host : {"0.0.0.0", "::", "192.168.1.10", "127.example.com", "example.org"}) {
    BOOST_TEST(!sec::is_loopback_host(host), host);
    auto refusal = sec::exposure_refusal(off, host);
    BOOST_TEST_REQUIRE(refusal.has_value(), host);
    BOOST_TEST(refusal->find("--auth") != std::string::npos);
    BOOST_TEST(!sec::exposure_warning(off, host).has_value() == false);
  }
  auto api = sec::exposure_refusal(off, "0.0.0.0", "--api-listen");
  BOOST_TEST_REQUIRE(api.has_value());
  BOOST_TEST(api->rfind("--api-listen 0.0.0.0: ", 0) == 0u, *api);
  auto insecure = off;
  insecure.insecure_http = true;
  BOOST_TEST(!sec::exposure_refusal(insecure, "0.0.0.0").has_value());
  BOOST_TEST(sec::exposure_warning(insecure, "0.0.0.0").has_value());
  BOOST_TEST(!sec::exposure_refusal(on(), "0.0.0.0").has_value());
  BOOST_TEST(!sec::exposure_warning(on(), "0.0.0.0").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
