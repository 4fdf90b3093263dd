// Streamed responses: SSE framing, the server's chunked streams, client disconnects, stop.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "gateway/http_server.hpp"
#include "gateway/sse.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/sse_client.hpp"

namespace gw = auraos::gateway;
using auraos::test::sse_client;
using auraos::test::sse_message;
using namespace std::chrono_literals;

namespace {

/// A server whose every request opens a stream; the test holds the writers.
struct streaming_server {
  explicit streaming_server(gw::stream_options options = {}, gw::server_options server = {}) {
    server.access_log = false;
    server_.emplace(server, [this, options](const gw::http_request&, gw::responder respond) {
      gw::http_response head;
      head.content_type = std::string{gw::sse_content_type};
      auto writer = respond.stream(std::move(head), options);
      std::lock_guard lock{mutex};
      writers.push_back(writer);
    });
    port = *server_->start();
  }

  std::shared_ptr<gw::stream_writer> writer(std::size_t index, std::chrono::seconds wait = 10s) {
    auto until = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < until) {
      {
        std::lock_guard lock{mutex};
        if (writers.size() > index) return writers[index];
      }
      std::this_thread::sleep_for(5ms);
    }
    return nullptr;
  }

  std::mutex mutex;
  std::vector<std::shared_ptr<gw::stream_writer>> writers;
  std::optional<gw::http_server> server_;
  std::uint16_t port = 0;
};

auto named(std::string event) {
  return [event](const sse_message& m) { return m.event == event; };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_stream)

BOOST_AUTO_TEST_CASE(sse_events_put_every_line_of_data_in_its_own_field) {
  BOOST_TEST(gw::sse_event("hello", R"({"a":1})") == "event: hello\ndata: {\"a\":1}\n\n");
  BOOST_TEST(gw::sse_event("x", "one\ntwo\r\nthree\rfour") ==
             "event: x\ndata: one\ndata: two\ndata: three\ndata: four\n\n");
  BOOST_TEST(gw::sse_event("x", "") == "event: x\ndata: \n\n");
  BOOST_TEST(gw::sse_event("x", "end\n") == "event: x\ndata: end\ndata: \n\n");
  BOOST_TEST(gw::sse_comment("ping") == ": ping\n\n");
}

BOOST_AUTO_TEST_CASE(a_stream_sends_its_head_then_each_chunk_then_ends_when_closed) {
  streaming_server server;
  sse_client client{server.port, "/s"};
  BOOST_TEST(client.wait_status() == 200);
  BOOST_TEST(client.headers()["content-type"] == "text/event-stream");
  BOOST_TEST(client.headers()["transfer-encoding"] == "chunked");
  auto writer = server.writer(0);
  BOOST_REQUIRE(writer);
  writer->push(gw::sse_event("one", "1"));
  BOOST_TEST(client.wait_for(named("one"), 5s) == 0);
  writer->push(gw::sse_event("two", "2"));
  writer->close(gw::sse_event("bye", "3"));
  BOOST_TEST(client.wait_for(named("bye"), 5s) == 2);
  BOOST_TEST(client.wait_closed(5s));
  BOOST_TEST(writer->ended());
}

BOOST_AUTO_TEST_CASE(a_client_that_goes_away_ends_its_stream_at_once) {
  streaming_server server;
  std::atomic<bool> ended{false};
  {
    sse_client client{server.port, "/s"};
    BOOST_TEST(client.wait_status() == 200);
    auto writer = server.writer(0);
    BOOST_REQUIRE(writer);
    writer->on_end([&] { ended = true; });
    client.close();
  }
  auto until = std::chrono::steady_clock::now() + 5s;
  while (!ended && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(5ms);
  BOOST_TEST(ended.load());
  BOOST_TEST(!server.writer(0)->push("late"));
}

BOOST_AUTO_TEST_CASE(an_idle_stream_gets_its_heartbeat) {
  streaming_server server{{100, 50ms, gw::sse_comment("ping"), false, {}}};
  sse_client client{server.port, "/s"};
  BOOST_TEST(client.wait_status() == 200);
  BOOST_TEST(client.wait_for(
                 [](const sse_message& m) { return m.event.empty() && m.data == "ping"; }, 5s) >=
             0);
}

BOOST_AUTO_TEST_CASE(stopping_the_server_ends_open_streams_without_waiting_for_the_drain) {
  gw::server_options options;
  options.drain_timeout = 20s;
  streaming_server server{{}, options};
  sse_client client{server.port, "/s"};
  BOOST_TEST(client.wait_status() == 200);
  BOOST_REQUIRE(server.writer(0));
  auto began = std::chrono::steady_clock::now();
  server.server_->stop();
  BOOST_TEST((std::chrono::steady_clock::now() - began < 3s));
  BOOST_TEST(client.wait_closed(5s));
  BOOST_TEST(server.writer(0)->ended());
}

BOOST_AUTO_TEST_CASE(head_of_a_stream_answers_the_head_and_closes) {
  streaming_server server;
  auto reply = auraos::test::http_fetch("127.0.0.1", server.port, {"HEAD", "/s", "", {}});
  BOOST_TEST(reply.status == 200);
  BOOST_TEST(reply.headers["content-type"] == "text/event-stream");
  BOOST_TEST(reply.body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
