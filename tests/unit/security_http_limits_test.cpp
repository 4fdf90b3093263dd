// The gateway's limits as plain logic: config keys, rate limiting by token and by address, and
// the open connection and stream counts; on a simulated clock, no sockets.
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/node_config.hpp"
#include "runtime/security/http_limits.hpp"
#include "runtime/security/http_tls.hpp"
#include "runtime/security/open_counts.hpp"
#include "runtime/security/request_limiter.hpp"

using namespace auraos::runtime::security;
using std::chrono::milliseconds;

namespace {

steady_time at_ms(std::int64_t ms) {
  return steady_time(milliseconds(ms));
}

http_limits small_limits() {
  http_limits limits;
  limits.per_token = {1, 2};
  limits.per_address = {1, 3};
  limits.limit_loopback = true;
  return limits;
}

caller_key caller(std::string token, std::string address) {
  return {std::move(token), std::move(address)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_http_limits_suite)

BOOST_AUTO_TEST_CASE(the_limits_object_sets_every_field) {
  http_limits limits;
  auto applied = apply_limits_key(limits, "limits", nlohmann::json::parse(R"({
    "perTokenPerSecond": 5, "perTokenBurst": 10, "perAddressPerSecond": 0.5,
    "perAddressBurst": 2, "limitLoopback": true, "maxHeaderBytes": 4096,
    "maxTargetBytes": 512, "maxConnections": 3, "maxSubscriptions": 2, "trackedKeys": 50})"));
  BOOST_REQUIRE(applied.has_value());
  BOOST_TEST(applied->has_value());
  BOOST_TEST(limits.per_token.per_second == 5);
  BOOST_TEST(limits.per_token.burst == 10);
  BOOST_TEST(limits.per_address.per_second == 0.5);
  BOOST_TEST(limits.per_address.burst == 2);
  BOOST_TEST(limits.limit_loopback);
  BOOST_TEST(limits.max_header_bytes == 4096u);
  BOOST_TEST(limits.max_target_bytes == 512u);
  BOOST_TEST(limits.max_connections == 3u);
  BOOST_TEST(limits.max_subscriptions == 2u);
  BOOST_TEST(limits.tracked_keys == 50u);
}

BOOST_AUTO_TEST_CASE(a_bad_limits_field_is_refused_naming_it) {
  struct bad_case {
    const char* json;
    const char* named;
  };
  for (auto [json, named] : {
           bad_case{R"({"maxConnections": 0})", "limits.maxConnections"},
           bad_case{R"({"maxConnections": -1})", "limits.maxConnections"},
           bad_case{R"({"maxHeaderBytes": "big"})", "limits.maxHeaderBytes"},
           bad_case{R"({"perTokenBurst": 0})", "limits.perTokenBurst"},
           bad_case{R"({"perAddressPerSecond": -2})", "limits.perAddressPerSecond"},
           bad_case{R"({"limitLoopback": 1})", "limits.limitLoopback"},
           bad_case{R"({"maxConection": 5})", "unknown field 'maxConection'"},
           bad_case{R"([1])", "limits: must be an object"},
       }) {
    http_limits limits;
    auto applied = apply_limits_key(limits, "limits", nlohmann::json::parse(json));
    BOOST_REQUIRE(applied.has_value());
    BOOST_TEST_INFO(json);
    BOOST_REQUIRE(!applied->has_value());
    BOOST_TEST(applied->error().find(named) != std::string::npos, applied->error());
  }
  http_limits limits;
  BOOST_TEST(!apply_limits_key(limits, "http", "127.0.0.1:1").has_value());
}

BOOST_AUTO_TEST_CASE(the_certificate_and_key_come_together) {
  BOOST_TEST(!tls_pair_refusal({}).has_value());
  BOOST_TEST(!tls_pair_refusal({"c.pem", "k.pem"}).has_value());
  auto cert_only = tls_pair_refusal({"c.pem", ""});
  BOOST_REQUIRE(cert_only.has_value());
  BOOST_TEST(cert_only->find("--tls-cert c.pem needs --tls-key") != std::string::npos);
  auto key_only = tls_pair_refusal({"", "k.pem"});
  BOOST_REQUIRE(key_only.has_value());
  BOOST_TEST(key_only->find("--tls-key k.pem needs --tls-cert") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_config_file_takes_tls_files_and_limits) {
  auto config = auraos::runtime::apply_config_file(
      {}, R"({"tlsCert": "/etc/a.pem", "tlsKey": "/etc/a.key", "limits": {"maxConnections": 7}})");
  BOOST_REQUIRE(config.has_value());
  BOOST_TEST(config->http_tls.cert_file == "/etc/a.pem");
  BOOST_TEST(config->http_tls.key_file == "/etc/a.key");
  BOOST_TEST(config->http_limits.max_connections == 7u);
  auto empty = auraos::runtime::apply_config_file({}, R"({"tlsKey": ""})");
  BOOST_REQUIRE(!empty.has_value());
  BOOST_TEST(empty.error().find("tlsKey: must be a file path") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bearer_credential_is_taken_from_the_header) {
  BOOST_TEST(bearer_credential("Bearer abc.def") == "abc.def");
  BOOST_TEST(bearer_credential("bearer   xyz  ") == "xyz");
  BOOST_TEST(bearer_credential("Basic dXNlcjpwdw==").empty());
  BOOST_TEST(bearer_credential("Bearer ").empty());
  BOOST_TEST(bearer_credential("Bearer    ").empty());
  BOOST_TEST(bearer_credential("").empty());
}

BOOST_AUTO_TEST_CASE(streams_count_per_token_else_per_address) {
  BOOST_TEST(caller("", "10.0.0.1").subscription_key() == "address:10.0.0.1");
  BOOST_TEST(caller("ab12", "10.0.0.1").subscription_key() == "token:ab12");
}

BOOST_AUTO_TEST_CASE(a_token_over_its_burst_is_refused_and_others_are_not) {
  request_limiter limiter(small_limits());
  BOOST_TEST(!limiter.admit(caller("a", "10.0.0.1"), at_ms(0)).has_value());
  BOOST_TEST(!limiter.admit(caller("a", "10.0.0.2"), at_ms(0)).has_value());
  auto refused = limiter.admit(caller("a", "10.0.0.3"), at_ms(0));
  BOOST_REQUIRE(refused.has_value());
  BOOST_TEST(refused->retry_after_seconds == 1);
  BOOST_TEST(refused->message.find("with this token") != std::string::npos);
  BOOST_TEST(refused->message.find("limits.perToken") != std::string::npos);
  BOOST_TEST(!limiter.admit(caller("b", "10.0.0.3"), at_ms(0)).has_value());
  BOOST_TEST(!limiter.admit(caller("a", "10.0.0.4"), at_ms(1000)).has_value());
}

BOOST_AUTO_TEST_CASE(an_address_over_its_burst_is_refused_and_others_are_not) {
  request_limiter limiter(small_limits());
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(!limiter.admit(caller("", "10.0.0.1"), at_ms(0)).has_value());
  auto refused = limiter.admit(caller("", "10.0.0.1"), at_ms(500));
  BOOST_REQUIRE(refused.has_value());
  BOOST_TEST(refused->message.find("from 10.0.0.1") != std::string::npos);
  BOOST_TEST(refused->message.find("limits.perAddress") != std::string::npos);
  BOOST_TEST(!limiter.admit(caller("", "10.0.0.2"), at_ms(500)).has_value());
  BOOST_TEST(!limiter.admit(caller("", "10.0.0.1"), at_ms(1000)).has_value());
}

BOOST_AUTO_TEST_CASE(a_token_refusal_takes_nothing_from_the_address) {
  auto limits = small_limits();
  limits.per_token = {1, 1};
  request_limiter limiter(limits);
  BOOST_TEST(!limiter.admit(caller("a", "10.0.0.1"), at_ms(0)).has_value());
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(limiter.admit(caller("a", "10.0.0.1"), at_ms(0)).has_value());
  BOOST_TEST(!limiter.admit(caller("", "10.0.0.1"), at_ms(0)).has_value());
  BOOST_TEST(!limiter.admit(caller("", "10.0.0.1"), at_ms(0)).has_value());
}

BOOST_AUTO_TEST_CASE(loopback_has_no_address_bucket_by_default_but_tokens_do) {
  auto limits = small_limits();
  limits.limit_loopback = false;
  request_limiter limiter(limits);
  for (int i = 0; i < 100; ++i) {
    BOOST_TEST(!limiter.admit(caller("", "127.0.0.1"), at_ms(0)).has_value());
    BOOST_TEST(!limiter.admit(caller("", "::1"), at_ms(0)).has_value());
  }
  BOOST_TEST(!limiter.admit(caller("t", "127.0.0.1"), at_ms(0)).has_value());
  BOOST_TEST(!limiter.admit(caller("t", "127.0.0.1"), at_ms(0)).has_value());
  BOOST_TEST(limiter.admit(caller("t", "127.0.0.1"), at_ms(0)).has_value());
}

BOOST_AUTO_TEST_CASE(a_rate_of_zero_turns_its_bucket_off) {
  http_limits limits;
  limits.per_token = {0, 1};
  limits.per_address = {0, 1};
  request_limiter limiter(limits);
  for (int i = 0; i < 100; ++i)
    BOOST_TEST(!limiter.admit(caller("t", "10.0.0.1"), at_ms(0)).has_value());
}

BOOST_AUTO_TEST_CASE(connections_are_counted_up_to_their_limit) {
  open_counts open(2, 1);
  BOOST_TEST(open.open_connection());
  BOOST_TEST(open.open_connection());
  BOOST_TEST(!open.open_connection());
  BOOST_TEST(open.connections() == 2u);
  open.close_connection();
  BOOST_TEST(open.open_connection());
}

BOOST_AUTO_TEST_CASE(streams_are_counted_per_key_and_forgotten_at_zero) {
  open_counts open(10, 2);
  BOOST_TEST(open.open_subscription("token:a"));
  BOOST_TEST(open.open_subscription("token:a"));
  BOOST_TEST(!open.open_subscription("token:a"));
  BOOST_TEST(open.open_subscription("token:b"));
  BOOST_TEST(open.subscriptions("token:a") == 2u);
  open.close_subscription("token:a");
  BOOST_TEST(open.open_subscription("token:a"));
  open.close_subscription("token:a");
  open.close_subscription("token:a");
  open.close_subscription("token:b");
  open.close_subscription("token:b");  // one close too many changes nothing
  BOOST_TEST(open.subscribers() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
