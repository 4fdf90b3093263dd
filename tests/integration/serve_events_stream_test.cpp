// GET /api/v1/events/stream on a real node, as Server-Sent Events and as a WebSocket: live
// events through the filters, resume with `after` and `Last-Event-ID` while events are
// published continuously (no gap, no duplicate), a slow subscriber closed (`overflow`, close
// code 1008) while publishing stays fast; and the CLI.

#include <algorithm>
#include <atomic>
#include <thread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "tests/support/events_node.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sse_client.hpp"
#include "tests/support/websocket_client.hpp"

using namespace std::chrono_literals;
using auraos::test::events_node;
using auraos::test::ids_of;
using auraos::test::sse_client;
using auraos::test::sse_message;
using auraos::test::websocket_client;
using nlohmann::json;

namespace {

bool is_event(const sse_message& m) { return m.event == "event"; }
bool is_live(const sse_message& m) { return m.event.empty() && m.data == "live"; }

/// The ids of the `event` messages of `stream` so far.
std::vector<std::string> streamed_ids(const sse_client& stream) {
  std::vector<std::string> ids;
  for (const auto& m : stream.messages())
    if (is_event(m)) ids.push_back(json::parse(m.data)["id"]);
  return ids;
}

/// Waits until `stream` has sent `count` events; false at the deadline.
bool wait_events(const sse_client& stream, std::size_t count, std::chrono::milliseconds limit) {
  return auraos::test::wait_until([&] { return streamed_ids(stream).size() >= count; }, limit);
}

/// The ids of the events a WebSocket received so far.
std::vector<std::string> received_ids(const websocket_client& socket) {
  std::vector<std::string> ids;
  for (const auto& m : socket.messages()) ids.push_back(json::parse(m)["id"]);
  return ids;
}

/// Publishes one `tick` event after another until stopped.
class ticker {
 public:
  explicit ticker(std::uint16_t port)
      : thread_([this, port] {
          for (int n = 0; !stop_; ++n) {
            json tick{{"type", "tick"}, {"source", "clock"}, {"data", {{"n", n}}}};
            auraos::test::api_call(port, "POST", "/api/v1/events", tick.dump());
          }
        }) {}
  ~ticker() { stop(); }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_events_stream)

BOOST_AUTO_TEST_CASE(live_events_pass_the_filters_with_the_event_id_as_sse_id) {
  events_node node;
  sse_client stream{node.port, "/api/v1/events/stream?type=a&type=b&where=event.data.n%20%3E%201"};
  BOOST_TEST_REQUIRE(stream.wait_status() == 200);
  BOOST_TEST(stream.headers()["content-type"] == "text/event-stream");
  BOOST_TEST_REQUIRE(stream.wait_for(is_live, 10s) >= 0);
  auto stored = node.publish(json::array({{{"type", "a"}, {"source", "s"}, {"data", {{"n", 1}}}},
                                          {{"type", "a"}, {"source", "s"}, {"data", {{"n", 2}}}},
                                          {{"type", "c"}, {"source", "s"}, {"data", {{"n", 3}}}},
                                          {{"type", "b"}, {"source", "s"}, {"data", {{"n", 4}}}}}));
  BOOST_TEST_REQUIRE(wait_events(stream, 2, 10s));
  BOOST_TEST(streamed_ids(stream) == (std::vector<std::string>{stored[1]["id"], stored[3]["id"]}));
  auto messages = stream.messages();
  auto first = std::find_if(messages.begin(), messages.end(), is_event);
  BOOST_TEST(json::parse(first->data) == stored[1]);
}

BOOST_AUTO_TEST_CASE(bad_stream_queries_are_refused_before_the_stream_opens) {
  events_node node;
  BOOST_TEST(node.call("GET", "/api/v1/events/stream?after=unknown").status == 404);
  BOOST_TEST(node.call("GET", "/api/v1/events/stream?from=noon").status == 400);
  BOOST_TEST(node.call("GET", "/api/v1/events/stream?where=(").status == 400);
}

BOOST_AUTO_TEST_CASE(resuming_with_after_then_last_event_id_loses_and_repeats_nothing) {
  events_node node;
  auto marker = node.publish({{"type", "mark"}, {"source", "test"}})[0]["id"].get<std::string>();
  ticker publisher{node.port};
  std::vector<std::string> seen;
  {
    sse_client first{node.port, "/api/v1/events/stream?type=tick&after=" + marker};
    BOOST_TEST_REQUIRE(wait_events(first, 200, 60s));
    first.close();
    seen = streamed_ids(first);
  }
  // The URL still names the first resume point: Last-Event-ID, as a browser sends it, wins.
  sse_client second{node.port, "/api/v1/events/stream?type=tick&after=" + marker,
                    {{"Last-Event-ID", seen.back()}}};
  BOOST_TEST_REQUIRE(wait_events(second, 200, 60s));
  publisher.stop();
  auto stored = ids_of(node.list_all("type=tick"));
  BOOST_TEST_REQUIRE(wait_events(second, stored.size() - seen.size(), 30s));
  auto resumed = streamed_ids(second);
  seen.insert(seen.end(), resumed.begin(), resumed.end());
  BOOST_TEST(seen == stored);
}

BOOST_AUTO_TEST_CASE(a_slow_subscriber_is_closed_with_overflow_and_publishing_stays_fast) {
  events_node node{{{"subscriberBufferEvents", 200}}};
  // A client that reads nothing, with a tiny receive window, so the node's queue fills.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int small = 4096;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(node.port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_TEST_REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  std::string request = "GET /api/v1/events/stream HTTP/1.1\r\nHost: x\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  sse_client fast{node.port, "/api/v1/events/stream"};
  BOOST_TEST_REQUIRE(fast.wait_for(is_live, 10s) >= 0);
  auto batch = json::array();
  for (int i = 0; i < 50; ++i)
    batch.push_back({{"type", "big"}, {"source", "s"}, {"data", std::string(8000, 'x')}});
  for (int round = 0; round < 40; ++round) {
    auto started = std::chrono::steady_clock::now();
    node.publish(batch);
    BOOST_TEST((std::chrono::steady_clock::now() - started < 5s));
  }
  std::string received;
  char buffer[65536];
  auto until = std::chrono::steady_clock::now() + 60s;
  timeval wait{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  while (std::chrono::steady_clock::now() < until) {
    auto got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got == 0) break;
    if (got > 0) received.append(buffer, static_cast<std::size_t>(got));
    auto overflow = received.find("event: overflow");
    if (overflow != std::string::npos && received.find("\n\n", overflow) != std::string::npos)
      break;
  }
  ::close(fd);
  BOOST_TEST(received.find("event: overflow") != std::string::npos);
  BOOST_TEST(received.find("subscriberBufferEvents") != std::string::npos);
  BOOST_TEST(wait_events(fast, 2000, 60s));  // the other subscriber got everything
}

BOOST_AUTO_TEST_CASE(a_websocket_gets_one_json_event_per_message_through_the_filters) {
  events_node node;
  websocket_client socket{node.port, "/api/v1/events/stream?type=a&type=b&where=event.data.n%20%3E%201"};
  BOOST_TEST_REQUIRE(socket.status() == 101);
  // Subscribed before the 101 was sent: what is published now is not missed.
  auto stored = node.publish(json::array({{{"type", "a"}, {"source", "s"}, {"data", {{"n", 1}}}},
                                          {{"type", "a"}, {"source", "s"}, {"data", {{"n", 2}}}},
                                          {{"type", "c"}, {"source", "s"}, {"data", {{"n", 3}}}},
                                          {{"type", "b"}, {"source", "s"}, {"data", {{"n", 4}}}}}));
  BOOST_TEST_REQUIRE(socket.wait_messages(2, 10s));
  auto messages = socket.messages();
  BOOST_TEST(json::parse(messages[0]) == stored[1]);
  BOOST_TEST(json::parse(messages[1]) == stored[3]);
  node.publish({{"type", "a"}, {"source", "s"}, {"data", {{"n", 0}}}});
  auto last = node.publish({{"type", "b"}, {"source", "s"}, {"data", {{"n", 9}}}});
  BOOST_TEST_REQUIRE(socket.wait_messages(3, 10s));
  BOOST_TEST(received_ids(socket).back() == last[0]["id"]);
  BOOST_TEST(socket.messages().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_websocket_upgrade_with_a_bad_query_is_refused_with_its_status) {
  events_node node;
  websocket_client unknown{node.port, "/api/v1/events/stream?after=unknown"};
  BOOST_TEST(unknown.status() == 404);
  BOOST_TEST(unknown.refusal().find("after") != std::string::npos, unknown.refusal());
  websocket_client bad_where{node.port, "/api/v1/events/stream?where=("};
  BOOST_TEST(bad_where.status() == 400);
  // A route that streams nothing answers an upgrade as a plain request.
  websocket_client elsewhere{node.port, "/api/v1/events"};
  BOOST_TEST(elsewhere.status() == 200);
}

BOOST_AUTO_TEST_CASE(a_websocket_resumes_with_after_then_last_event_id_losing_and_repeating_nothing) {
  events_node node;
  auto marker = node.publish({{"type", "mark"}, {"source", "test"}})[0]["id"].get<std::string>();
  ticker publisher{node.port};
  std::vector<std::string> seen;
  {
    websocket_client first{node.port, "/api/v1/events/stream?type=tick&after=" + marker};
    BOOST_TEST_REQUIRE(first.status() == 101);
    BOOST_TEST_REQUIRE(first.wait_messages(200, 60s));
    first.drop();
    first.wait_closed(10s);
    seen = received_ids(first);
  }
  websocket_client second{node.port, "/api/v1/events/stream?type=tick&after=" + marker,
                          {{"Last-Event-ID", seen.back()}}};
  BOOST_TEST_REQUIRE(second.status() == 101);
  BOOST_TEST_REQUIRE(second.wait_messages(200, 60s));
  publisher.stop();
  auto stored = ids_of(node.list_all("type=tick"));
  BOOST_TEST_REQUIRE(second.wait_messages(stored.size() - seen.size(), 30s));
  auto resumed = received_ids(second);
  seen.insert(seen.end(), resumed.begin(), resumed.end());
  BOOST_TEST(seen == stored);
}

BOOST_AUTO_TEST_CASE(a_slow_websocket_is_closed_with_1008_and_publishing_stays_fast) {
  events_node node{{{"subscriberBufferEvents", 200}}};
  websocket_client slow{node.port, "/api/v1/events/stream", {}, /*paused=*/true};
  BOOST_TEST_REQUIRE(slow.status() == 101);
  websocket_client fast{node.port, "/api/v1/events/stream"};
  BOOST_TEST_REQUIRE(fast.status() == 101);
  auto batch = json::array();
  for (int i = 0; i < 50; ++i)
    batch.push_back({{"type", "big"}, {"source", "s"}, {"data", std::string(8000, 'x')}});
  for (int round = 0; round < 40; ++round) {
    auto started = std::chrono::steady_clock::now();
    node.publish(batch);
    BOOST_TEST((std::chrono::steady_clock::now() - started < 5s));
  }
  slow.resume();
  BOOST_TEST_REQUIRE(slow.wait_closed(60s));
  BOOST_TEST(slow.close_code() == 1008);
  BOOST_TEST(slow.close_reason().find("subscriberBufferEvents") != std::string::npos,
             slow.close_reason());
  BOOST_TEST(slow.messages().size() < 2000u);
  BOOST_TEST(fast.wait_messages(2000, 60s));  // the other subscriber got everything
}

BOOST_AUTO_TEST_CASE(the_cli_publishes_lists_and_tails_events) {
  events_node node;
  using auraos::test::auraos_binary;
  using auraos::test::run_process;
  auto server = "http://127.0.0.1:" + std::to_string(node.port);
  auto published = run_process({auraos_binary(), "event", "publish", "--type", "order.paid",
                                "--source", "shop", "--data", R"({"n": 1})", "--server", server});
  BOOST_TEST_REQUIRE(published.exit_code == 0, published.err);
  auto first = json::parse(published.out)["items"][0];
  BOOST_TEST(first["data"] == json({{"n", 1}}));
  auraos::test::process_options from_stdin;
  from_stdin.stdin_data = R"([{"type": "order.paid", "source": "shop", "data": {"n": 2}},
                              {"type": "other", "source": "shop"}])";
  auto batch = run_process({auraos_binary(), "event", "publish", "--server", server}, from_stdin);
  BOOST_TEST_REQUIRE(batch.exit_code == 0, batch.err);
  auto listed = run_process({auraos_binary(), "event", "list", "--type", "order.paid",
                             "--output", "json", "--server", server});
  BOOST_TEST_REQUIRE(listed.exit_code == 0, listed.err);
  BOOST_TEST(json::parse(listed.out)["items"].size() == 2u);
  auraos::test::process_options bounded;
  bounded.deadline = 30s;
  auto tail = run_process({auraos_binary(), "event", "tail", "--after", first["id"], "--count",
                           "2", "--server", server},
                          bounded);
  BOOST_TEST_REQUIRE(tail.exit_code == 0, tail.err);
  auto lines = tail.out;
  BOOST_TEST(json::parse(lines.substr(0, lines.find('\n')))["data"] == json({{"n", 2}}));
  BOOST_TEST(std::count(lines.begin(), lines.end(), '\n') == 2);
  auto invalid = run_process({auraos_binary(), "event", "publish", "{", "--server", server});
  BOOST_TEST(invalid.exit_code == 2);
  auto refused = run_process({auraos_binary(), "event", "publish", R"({"type": "a b", "source": "s"})",
                              "--server", server});
  BOOST_TEST(refused.exit_code == 1);
  BOOST_TEST(refused.err.find("type") != std::string::npos);
  auto away = run_process(
      {auraos_binary(), "event", "list", "--server", "http://127.0.0.1:1"});
  BOOST_TEST(away.exit_code == 3);
}

BOOST_AUTO_TEST_SUITE_END()
