// The HTTP server: keep-alive, limits, concurrency, late and dropped answers, graceful stop.

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "gateway/http_server.hpp"
#include "tests/support/http_client.hpp"

namespace gw = auraos::gateway;
using auraos::test::http_call;
using auraos::test::http_connection;
using auraos::test::http_fetch;
using namespace std::chrono_literals;

namespace {

/// Responders a handler parked, with a way to wait until enough have arrived.
struct parked_requests {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<std::pair<std::string, gw::responder>> parked;

  gw::http_handler handler() {
    return [this](const gw::http_request& request, gw::responder respond) {
      std::lock_guard lock{mutex};
      parked.emplace_back(request.target, std::move(respond));
      arrived.notify_all();
    };
  }

  bool wait_for(std::size_t count, std::chrono::seconds deadline = 20s) {
    std::unique_lock lock{mutex};
    return arrived.wait_for(lock, deadline, [&] { return parked.size() >= count; });
  }
};

gw::http_response text(std::string body) {
  gw::http_response response;
  response.body = std::move(body);
  response.content_type = "text/plain";
  return response;
}

gw::http_handler echo_target() {
  return [](const gw::http_request& request, gw::responder respond) {
    respond(text(request.method + " " + request.target));
  };
}

/// A started server on 127.0.0.1 and a free port.
struct running_server {
  explicit running_server(gw::http_handler handler, gw::server_options options = {})
      : server(std::move(options), std::move(handler)) {
    auto bound = server.start();
    BOOST_REQUIRE_MESSAGE(bound.has_value(), "server start failed");
    port = *bound;
  }
  gw::http_server server;
  std::uint16_t port = 0;
};

bool wait_until(const std::function<bool()>& condition, std::chrono::seconds deadline) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::yield();
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_server)

BOOST_AUTO_TEST_CASE(port_zero_binds_a_free_port_that_answers) {
  running_server running{echo_target()};
  BOOST_TEST(running.port != 0);
  BOOST_TEST(running.server.port() == running.port);
  auto reply = http_fetch("127.0.0.1", running.port, {"GET", "/hello?x=1", "", {}});
  BOOST_TEST(reply.status == 200);
  BOOST_TEST(reply.body == "GET /hello?x=1");
  BOOST_TEST(reply.headers["content-type"] == "text/plain");
}

BOOST_AUTO_TEST_CASE(start_on_a_port_in_use_fails_naming_the_address) {
  running_server first{echo_target()};
  gw::server_options options;
  options.port = first.port;
  gw::http_server second{options, echo_target()};
  auto bound = second.start();
  BOOST_REQUIRE(!bound.has_value());
  BOOST_TEST(bound.error().find("127.0.0.1:" + std::to_string(first.port)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(keep_alive_serves_several_requests_on_one_connection) {
  running_server running{echo_target()};
  http_connection connection{"127.0.0.1", running.port};
  for (int i = 0; i < 5; ++i) {
    auto reply = connection.request({"GET", "/n/" + std::to_string(i), "", {}});
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.body == "GET /n/" + std::to_string(i));
  }
  BOOST_TEST(running.server.connections_accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(idle_connection_is_closed_after_the_read_timeout) {
  gw::server_options options;
  options.read_timeout = 200ms;
  running_server running{echo_target(), options};
  http_connection connection{"127.0.0.1", running.port, 10s};
  BOOST_TEST(connection.request({"GET", "/", "", {}}).status == 200);
  auto before = std::chrono::steady_clock::now();
  BOOST_TEST(connection.closed_by_server());
  BOOST_TEST((std::chrono::steady_clock::now() - before < 5s));
}

BOOST_AUTO_TEST_CASE(request_headers_are_looked_up_ignoring_case) {
  running_server running{[](const gw::http_request& request, gw::responder respond) {
    respond(text(request.headers.get("x-request-id").value_or("missing")));
  }};
  auto reply = http_fetch("127.0.0.1", running.port, {"GET", "/", "", {{"X-Request-ID", "r-7"}}});
  BOOST_TEST(reply.body == "r-7");
}

BOOST_AUTO_TEST_CASE(oversized_body_is_answered_413_in_the_error_envelope) {
  gw::server_options options;
  options.body_limit = 1024;
  running_server running{echo_target(), options};
  auto reply =
      http_fetch("127.0.0.1", running.port, {"POST", "/upload", std::string(64 * 1024, 'x'), {}});
  BOOST_TEST(reply.status == 413);
  auto body = nlohmann::json::parse(reply.body);
  BOOST_TEST(body["error"]["code"] == "payload_too_large");
  BOOST_TEST(body["error"]["message"].get<std::string>().find("1024") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(oversized_headers_are_answered_431) {
  gw::server_options options;
  options.header_limit = 1024;
  running_server running{echo_target(), options};
  auto reply =
      http_fetch("127.0.0.1", running.port, {"GET", "/", "", {{"X-Big", std::string(4096, 'h')}}});
  BOOST_TEST(reply.status == 431);
  BOOST_TEST(nlohmann::json::parse(reply.body)["error"]["code"] == "headers_too_large");
}

BOOST_AUTO_TEST_CASE(two_hundred_concurrent_requests_are_all_answered) {
  parked_requests requests;
  running_server running{requests.handler()};
  constexpr int clients = 10;
  constexpr int per_client = 20;
  std::vector<std::future<int>> answered;
  for (int c = 0; c < clients; ++c) {
    answered.push_back(std::async(std::launch::async, [&, c] {
      std::vector<std::unique_ptr<http_connection>> connections;
      for (int i = 0; i < per_client; ++i) {
        auto target = "/c" + std::to_string(c) + "/" + std::to_string(i);
        connections.push_back(std::make_unique<http_connection>("127.0.0.1", running.port, 30s));
        connections.back()->send({"GET", target, "", {}});
      }
      int good = 0;
      for (int i = 0; i < per_client; ++i) {
        auto reply = connections[i]->receive();
        good +=
            reply.status == 200 && reply.body == "/c" + std::to_string(c) + "/" + std::to_string(i);
      }
      return good;
    }));
  }
  BOOST_REQUIRE(requests.wait_for(clients * per_client));
  for (auto& [target, respond] : requests.parked) respond(text(target));
  int total = 0;
  for (auto& future : answered) total += future.get();
  BOOST_TEST(total == clients * per_client);
}

BOOST_AUTO_TEST_CASE(handler_may_answer_later_from_another_thread) {
  std::mutex mutex;
  std::vector<std::thread> workers;
  running_server running{[&](const gw::http_request&, gw::responder respond) {
    std::lock_guard lock{mutex};
    workers.emplace_back([respond] {
      auto id = std::hash<std::thread::id>{}(std::this_thread::get_id());
      respond(text("from worker " + std::to_string(id)));
    });
  }};
  auto reply = http_fetch("127.0.0.1", running.port, {"GET", "/later", "", {}});
  std::lock_guard lock{mutex};
  for (auto& worker : workers) worker.join();
  BOOST_TEST(reply.status == 200);
  BOOST_TEST(reply.body.rfind("from worker ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(dropped_responder_is_answered_500) {
  running_server running{[](const gw::http_request&, gw::responder) {}};
  auto reply = http_fetch("127.0.0.1", running.port, {"GET", "/forgotten", "", {}});
  BOOST_TEST(reply.status == 500);
  BOOST_TEST(nlohmann::json::parse(reply.body)["error"]["code"] == "internal");
}

BOOST_AUTO_TEST_CASE(only_the_first_answer_is_sent) {
  std::promise<bool> second_call;
  running_server running{[&](const gw::http_request&, gw::responder respond) {
    respond(text("first"));
    second_call.set_value(respond(text("second")));
  }};
  http_connection connection{"127.0.0.1", running.port};
  auto reply = connection.request({"GET", "/", "", {}});
  BOOST_TEST(reply.body == "first");
  BOOST_TEST(second_call.get_future().get() == false);
  BOOST_TEST(connection.request({"GET", "/again", "", {}}).status == 200);
}

BOOST_AUTO_TEST_CASE(handler_exception_is_answered_500_naming_it) {
  running_server running{[](const gw::http_request&, gw::responder) -> void {
    throw std::runtime_error("boom in handler");
  }};
  auto reply = http_fetch("127.0.0.1", running.port, {"GET", "/", "", {}});
  BOOST_TEST(reply.status == 500);
  BOOST_TEST(reply.body.find("boom in handler") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(stop_lets_an_in_flight_request_finish) {
  parked_requests requests;
  running_server running{requests.handler()};
  http_connection connection{"127.0.0.1", running.port};
  connection.send({"GET", "/slow", "", {}});
  BOOST_REQUIRE(requests.wait_for(1));
  auto stopped = std::async(std::launch::async, [&] { running.server.stop(); });
  BOOST_REQUIRE(wait_until([&] { return running.server.stopping(); }, 10s));
  requests.parked.front().second(text("finished"));
  auto reply = connection.receive();
  BOOST_TEST(reply.body == "finished");
  BOOST_TEST(reply.headers["connection"] == "close");
  BOOST_TEST((stopped.wait_for(10s) == std::future_status::ready));
}

BOOST_AUTO_TEST_CASE(stop_with_an_unanswered_request_does_not_hang) {
  parked_requests requests;
  gw::server_options options;
  options.drain_timeout = 200ms;
  running_server running{requests.handler(), options};
  http_connection connection{"127.0.0.1", running.port};
  http_connection idle{"127.0.0.1", running.port};
  connection.send({"GET", "/never", "", {}});
  BOOST_REQUIRE(requests.wait_for(1));
  auto stopped = std::async(std::launch::async, [&] { running.server.stop(); });
  BOOST_REQUIRE((stopped.wait_for(10s) == std::future_status::ready));
  BOOST_TEST(connection.closed_by_server());
  BOOST_TEST(idle.closed_by_server());
  BOOST_TEST(requests.parked.front().second(text("too late")));
  BOOST_CHECK_THROW(http_connection("127.0.0.1", running.port, 2s), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
