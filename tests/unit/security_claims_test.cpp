// Token claims: the checks that need no key (key id, revocation, issue time with skew, expiry)
// and the JSON payload a JWT carries.
#include <string>

#include <boost/test/unit_test.hpp>

#include "runtime/security/claims_json.hpp"
#include "runtime/security/token_claims.hpp"

using namespace auraos::runtime::security;
using std::chrono::seconds;
using std::chrono::sys_seconds;

namespace {

const sys_seconds issued{seconds{1'700'000'000}};
const std::set<std::string> keys{"k1", "k2"};

token_claims alice() {
  return {"u-1",
          "alice",
          "operator",
          {permission::workflow_read, permission::task_all},
          "jti-1",
          issued,
          issued + seconds{900},
          "k1"};
}

std::optional<claims_problem> check_at(const token_claims& claims, sys_seconds now,
                                       const std::set<std::string>& revoked = {}) {
  return check_claims(claims, now, revoked, keys);
}

std::string problem(const std::optional<claims_problem>& p) {
  return p ? std::string(to_string(*p)) : "none";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_claims_suite)

BOOST_AUTO_TEST_CASE(a_fresh_token_passes) {
  BOOST_TEST(problem(check_at(alice(), issued)) == "none");
  BOOST_TEST(problem(check_at(alice(), issued + seconds{899})) == "none");
}

BOOST_AUTO_TEST_CASE(a_token_expires_at_its_exp_without_skew) {
  BOOST_TEST(problem(check_at(alice(), issued + seconds{900})) == "expired");
  BOOST_TEST(problem(check_at(alice(), issued + seconds{915})) == "expired");
}

BOOST_AUTO_TEST_CASE(a_token_from_a_clock_ahead_passes_within_the_skew) {
  BOOST_TEST(problem(check_at(alice(), issued - seconds{30})) == "none");
  BOOST_TEST(problem(check_at(alice(), issued - seconds{31})) == "not_yet_valid");
  BOOST_TEST(problem(check_claims(alice(), issued - seconds{31}, {}, keys, seconds{60})) == "none");
}

BOOST_AUTO_TEST_CASE(a_revoked_token_is_refused) {
  BOOST_TEST(problem(check_at(alice(), issued, {"jti-0", "jti-1"})) == "revoked");
  BOOST_TEST(problem(check_at(alice(), issued, {"jti-0"})) == "none");
}

BOOST_AUTO_TEST_CASE(a_token_under_an_unknown_key_is_refused_first) {
  auto claims = alice();
  claims.key_id = "k0";
  BOOST_TEST(problem(check_at(claims, issued + seconds{10000}, {"jti-1"})) == "unknown_key");
  claims.key_id = "";
  BOOST_TEST(problem(check_at(claims, issued)) == "unknown_key");
}

BOOST_AUTO_TEST_CASE(reasons_are_checked_in_a_fixed_order) {
  BOOST_TEST(problem(check_at(alice(), issued + seconds{1000}, {"jti-1"})) == "revoked");
  auto odd = alice();
  odd.expires_at = issued - seconds{100};
  BOOST_TEST(problem(check_at(odd, issued - seconds{50})) == "not_yet_valid");
}

BOOST_AUTO_TEST_CASE(claims_survive_their_json_payload) {
  auto text = claims_to_json(alice());
  BOOST_TEST(text.find("\"perms\":[\"workflow:read\",\"task:*\"]") != std::string::npos, text);
  BOOST_TEST(text.find("\"exp\":1700000900") != std::string::npos, text);
  BOOST_TEST(text.find("k1") == std::string::npos, "the key id travels in the header");
  auto back = claims_from_json(text);
  BOOST_TEST_REQUIRE(back.has_value());
  auto expected = alice();
  expected.key_id.clear();
  BOOST_TEST(back->subject == expected.subject);
  BOOST_TEST(back->user_name == expected.user_name);
  BOOST_TEST(back->role == expected.role);
  BOOST_TEST((back->permissions == expected.permissions));
  BOOST_TEST(back->token_id == expected.token_id);
  BOOST_TEST((back->issued_at == expected.issued_at));
  BOOST_TEST((back->expires_at == expected.expires_at));
  BOOST_TEST(back->key_id.empty());
}

BOOST_AUTO_TEST_CASE(payloads_with_missing_or_mistyped_fields_are_refused) {
  const std::string good =
      R"({"sub":"u","name":"n","role":"r","perms":[],"jti":"j","iat":1,"exp":2})";
  BOOST_TEST(claims_from_json(good).has_value());
  for (std::string bad : {
           std::string(""),
           std::string("[]"),
           std::string("not json"),
           std::string(R"({"name":"n","role":"r","perms":[],"jti":"j","iat":1,"exp":2})"),
           std::string(R"({"sub":1,"name":"n","role":"r","perms":[],"jti":"j","iat":1,"exp":2})"),
           std::string(
               R"({"sub":"u","name":"n","role":"r","perms":"admin","jti":"j","iat":1,"exp":2})"),
           std::string(
               R"({"sub":"u","name":"n","role":"r","perms":["root"],"jti":"j","iat":1,"exp":2})"),
           std::string(
               R"({"sub":"u","name":"n","role":"r","perms":[1],"jti":"j","iat":1,"exp":2})"),
           std::string(
               R"({"sub":"u","name":"n","role":"r","perms":[],"jti":"j","iat":1.5,"exp":2})"),
           std::string(
               R"({"sub":"u","name":"n","role":"r","perms":[],"jti":"j","iat":1,"exp":"2"})"),
       })
    BOOST_TEST(!claims_from_json(bad).has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()
