// The gateway's limits on a real node with small configured limits: rate limits per token and
// per client address (429 with Retry-After, others unaffected, recovery after the wait), header
// and target size (431, 414), open connections (503) and open streams per caller (429). Client
// addresses other than 127.0.0.1 (127.0.0.0/8 is all local) stand for other machines.
#include <chrono>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/events_node.hpp"
#include "tests/support/https_client.hpp"

using namespace std::chrono_literals;
using auraos::test::events_node;
using auraos::test::http_call;
using auraos::test::http_reply;
using auraos::test::https_connection;
using auraos::test::wait_until;
using json = nlohmann::json;

namespace {

std::unique_ptr<https_connection> connect_from(const events_node& node, const std::string& source) {
  return std::make_unique<https_connection>("127.0.0.1", node.port,
                                            auraos::test::connect_options{"", source});
}

http_call health(const std::string& token = "") {
  http_call call{"GET", "/healthz", "", {}};
  if (!token.empty()) call.headers["Authorization"] = "Bearer " + token;
  return call;
}

/// The error code of an error answer.
std::string code_of(const http_reply& reply) {
  return json::parse(reply.body)["error"]["code"].get<std::string>();
}

std::string message_of(const http_reply& reply) {
  return json::parse(reply.body)["error"]["message"].get<std::string>();
}

/// Opens GET /api/v1/stream on `connection` (with `token` if any); the status of its head.
int open_stream(https_connection& connection, const std::string& token = "") {
  http_call call{"GET", "/api/v1/stream", "", {{"Accept", "text/event-stream"}}};
  if (!token.empty()) call.headers["Authorization"] = "Bearer " + token;
  connection.send(call);
  auto head = connection.read_until("\r\n\r\n", 10s);
  return std::stoi(head.substr(head.find(' ') + 1, 3));
}

/// Sends requests until one is refused; that answer (status 0 when none was within `most`).
http_reply first_refusal(https_connection& connection, const http_call& call, int most) {
  for (int i = 0; i < most; ++i) {
    auto reply = connection.request(call);
    if (reply.status != 200) return reply;
  }
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_limits_suite)

BOOST_AUTO_TEST_CASE(a_token_over_its_rate_is_refused_429_and_recovers_after_the_wait) {
  events_node node{{{"limits",
                     {{"perTokenPerSecond", 1},
                      {"perTokenBurst", 3},
                      {"perAddressPerSecond", 50},
                      {"perAddressBurst", 50},
                      {"limitLoopback", true}}}}};
  auto client = connect_from(node, "127.0.0.10");
  auto refused = first_refusal(*client, health("token-a"), 6);
  BOOST_TEST_REQUIRE(refused.status == 429, refused.body);
  BOOST_TEST(refused.headers["retry-after"] == "1");
  BOOST_TEST(code_of(refused) == "too_many_requests");
  BOOST_TEST(message_of(refused).find("with this token") != std::string::npos, refused.body);
  // Another token, the same address, and another address without a token are unaffected.
  BOOST_TEST(client->request(health("token-b")).status == 200);
  BOOST_TEST(connect_from(node, "127.0.0.11")->request(health()).status == 200);
  // The same connection was kept open, and the token passes again after the wait.
  auto started = std::chrono::steady_clock::now();
  BOOST_TEST(wait_until([&] { return client->request(health("token-a")).status == 200; }, 5s));
  BOOST_TEST((std::chrono::steady_clock::now() - started < 2s));
}

BOOST_AUTO_TEST_CASE(an_address_over_its_rate_is_refused_429_and_others_are_not) {
  events_node node{
      {{"limits", {{"perAddressPerSecond", 1}, {"perAddressBurst", 4}, {"limitLoopback", true}}}}};
  auto client = connect_from(node, "127.0.0.20");
  auto refused = first_refusal(*client, health(), 8);
  BOOST_TEST_REQUIRE(refused.status == 429, refused.body);
  BOOST_TEST(std::stoi(refused.headers["retry-after"]) >= 1);
  BOOST_TEST(message_of(refused).find("from 127.0.0.20") != std::string::npos, refused.body);
  BOOST_TEST(connect_from(node, "127.0.0.21")->request(health()).status == 200);
  BOOST_TEST(wait_until([&] { return client->request(health()).status == 200; }, 5s));
}

BOOST_AUTO_TEST_CASE(loopback_callers_have_no_address_limit_by_default) {
  events_node node{{{"limits", {{"perAddressPerSecond", 1}, {"perAddressBurst", 1}}}}};
  auto client = connect_from(node, "127.0.0.30");
  BOOST_TEST(first_refusal(*client, health(), 20).status == 0);
}

BOOST_AUTO_TEST_CASE(headers_and_targets_above_their_limits_are_refused_not_failed) {
  events_node node{{{"limits", {{"maxHeaderBytes", 2048}, {"maxTargetBytes", 256}}}}};
  auto big_header = health();
  big_header.headers["X-Padding"] = std::string(4000, 'a');
  auto headers = connect_from(node, "127.0.0.40")->request(big_header);
  BOOST_TEST(headers.status == 431, headers.body);
  BOOST_TEST(code_of(headers) == "headers_too_large");

  auto client = connect_from(node, "127.0.0.41");
  auto long_query =
      client->request({"GET", "/api/v1/workflows?q=" + std::string(300, 'x'), "", {}});
  BOOST_TEST(long_query.status == 414, long_query.body);
  BOOST_TEST(code_of(long_query) == "uri_too_long");
  BOOST_TEST(message_of(long_query).find("limits.maxTargetBytes") != std::string::npos);
  // Just under both limits passes, on the same kept-alive connection.
  auto fits = http_call{"GET", "/api/v1/workflows?q=" + std::string(200, 'x'), "", {}};
  fits.headers["X-Padding"] = std::string(1000, 'a');
  BOOST_TEST(client->request(fits).status == 200);
}

BOOST_AUTO_TEST_CASE(a_connection_over_the_limit_is_answered_503_until_one_closes) {
  events_node node{{{"limits", {{"maxConnections", 3}}}}};
  // The readiness polls' connections may still be counted for a moment: open until admitted.
  std::vector<std::unique_ptr<https_connection>> open;
  for (int i = 0; i < 3; ++i)
    BOOST_TEST_REQUIRE(wait_until(
        [&] {
          auto connection = connect_from(node, "127.0.0.50");
          if (connection->request(health()).status != 200) return false;
          open.push_back(std::move(connection));
          return true;
        },
        5s));
  auto over = connect_from(node, "127.0.0.51");
  auto refused = over->request(health());
  BOOST_TEST(refused.status == 503, refused.body);
  BOOST_TEST(refused.headers["retry-after"] == "1");
  BOOST_TEST(code_of(refused) == "unavailable");
  BOOST_TEST(message_of(refused).find("limits.maxConnections") != std::string::npos);
  BOOST_TEST(over->closed_by_server());
  for (const auto& connection : open) BOOST_TEST(connection->request(health()).status == 200);
  open.pop_back();
  BOOST_TEST(wait_until(
      [&] { return connect_from(node, "127.0.0.52")->request(health()).status == 200; }, 5s));
}

BOOST_AUTO_TEST_CASE(streams_over_the_limit_of_a_caller_are_refused_429) {
  events_node node{{{"limits", {{"maxSubscriptions", 2}}}}};
  auto first = connect_from(node, "127.0.0.60");
  auto second = connect_from(node, "127.0.0.60");
  BOOST_TEST_REQUIRE(open_stream(*first, "token-a") == 200);
  BOOST_TEST_REQUIRE(open_stream(*second, "token-a") == 200);
  auto refused =
      connect_from(node, "127.0.0.60")
          ->request({"GET",
                     "/api/v1/stream",
                     "",
                     {{"Accept", "text/event-stream"}, {"Authorization", "Bearer token-a"}}});
  BOOST_TEST(refused.status == 429, refused.body);
  BOOST_TEST(code_of(refused) == "too_many_requests");
  BOOST_TEST(message_of(refused).find("limits.maxSubscriptions") != std::string::npos);
  // A WebSocket is a stream too.
  BOOST_TEST(connect_from(node, "127.0.0.60")
                 ->upgrade_websocket("/api/v1/events/stream",
                                     {{"Authorization", "Bearer token-a"}}) == 429);
  auto socket = connect_from(node, "127.0.0.60");
  BOOST_TEST_REQUIRE(socket->upgrade_websocket("/api/v1/events/stream") == 101);

  // Another token has streams of its own.
  auto other_token = connect_from(node, "127.0.0.60");
  BOOST_TEST(open_stream(*other_token, "token-b") == 200);
  // Callers without a token count by address: the WebSocket above and one more, then 429.
  auto anonymous = connect_from(node, "127.0.0.60");
  BOOST_TEST(open_stream(*anonymous) == 200);
  BOOST_TEST(open_stream(*connect_from(node, "127.0.0.60")) == 429);
  BOOST_TEST(open_stream(*connect_from(node, "127.0.0.61")) == 200);
  // A closed stream frees its place.
  first.reset();
  BOOST_TEST(wait_until(
      [&] { return open_stream(*connect_from(node, "127.0.0.62"), "token-a") == 200; }, 5s));
}

BOOST_AUTO_TEST_SUITE_END()
