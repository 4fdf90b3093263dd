// The C++ client across node failures, against real node processes on fixed ports over one
// data directory (docs/client.md, "Reconnection", "Liveness", "Subscriptions"): after kill -9
// and a restart the same client object answers reads, sends starts (exactly one execution) and
// sends changes; a change whose connection is lost during the call is `unavailable` and not
// sent again; a stopped node (SIGSTOP) fails pending calls after `dead_after`, long before
// `call_timeout`, and is redialled once it runs again; a subscription resumes after the last
// event it delivered.

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <sstream>

#include "client/client.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/serve_node.hpp"

using namespace std::chrono_literals;
namespace v1 = auraos::v1;
using auraos::test::wait_until;
using clock_type = std::chrono::steady_clock;

namespace {

std::uint16_t free_port() {
  auto port = auraos::test::unused_port();
  BOOST_TEST_REQUIRE(port.has_value());
  return *port;
}

/// True when every thread of process `pid` is stopped (state T in /proc).
bool all_stopped(pid_t pid) {
  auto tasks = std::filesystem::path{"/proc"} / std::to_string(pid) / "task";
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator{tasks, error}) {
    std::ifstream in{task.path() / "stat"};
    std::string stat{std::istreambuf_iterator<char>{in}, {}};
    auto end = stat.rfind(')');  // the state follows the command name in parentheses
    if (end == std::string::npos || end + 2 >= stat.size() || stat[end + 2] != 'T') return false;
  }
  return !error;
}

/// A node on fixed ports over one data directory, killed and started again.
struct restartable_node {
  auraos::test::temp_dir data;
  std::uint16_t http_port = free_port();
  std::uint16_t api_port = free_port();
  std::optional<auraos::test::serve_process> process;

  restartable_node() {
    while (api_port == http_port) api_port = free_port();
    start();
  }

  /// Starts the node (without the actor API unless `api`) and waits until it is ready.
  void start(bool api = true) {
    std::vector<std::string> args{"--http", "127.0.0.1:" + std::to_string(http_port), "--data-dir",
                                  data.path().string()};
    if (api) args.insert(args.end(), {"--api-listen", "127.0.0.1:" + std::to_string(api_port)});
    process.emplace(args);
    if (api) process->wait_for_line("actor message API on", 30s);
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(http_port, 30s));
  }

  /// kill -9, and waits for the exit.
  void kill() {
    process->signal(SIGKILL);
    BOOST_TEST_REQUIRE(process->wait_exit(10s) == 128 + SIGKILL);
    process.reset();
  }

  /// SIGSTOP, and waits until every thread of the node has stopped.
  void freeze() {
    process->signal(SIGSTOP);
    BOOST_TEST_REQUIRE(wait_until([this] { return all_stopped(process->pid()); }, 10s));
  }

  /// SIGCONT.
  void thaw() { process->signal(SIGCONT); }

  /// Options whose redial window (60 dials, at most 0.5 s apart) covers a restart.
  auraos::client::options options() const {
    auraos::client::options out;
    out.port = api_port;
    out.connect_attempts = 60;
    out.backoff_initial = 50ms;
    out.backoff_max = 500ms;
    return out;
  }
};

v1::WorkflowDefinition one_step(const std::string& id) {
  v1::WorkflowDefinition out;
  out.set_id(id);
  out.set_name(id);
  auto* step = out.add_nodes();
  step->set_id("a");
  step->set_type("noop");
  return out;
}

template <class T>
std::string why(const auraos::client::result<T>& r) {
  return r ? ""
           : std::to_string(r.error().status) + " " + r.error().code + ": " + r.error().message;
}

/// Runs `call` on another thread; returns once it runs (the node is then changed under it).
template <class F>
auto in_background(F call) {
  std::atomic<bool> running{false};
  auto future = std::async(std::launch::async, [&running, call] {
    running = true;
    return call();
  });
  BOOST_TEST_REQUIRE(wait_until([&] { return running.load(); }, 10s));
  return future;
}

/// Bytes received and not yet read on established TCP connections to local `port`.
std::size_t unread_bytes(std::uint16_t port) {
  std::ifstream in{"/proc/net/tcp"};
  std::string line;
  std::getline(in, line);  // the header
  std::size_t total = 0;
  while (std::getline(in, line)) {
    std::istringstream fields{line};
    std::string slot, local, remote, state, queues;
    fields >> slot >> local >> remote >> state >> queues;
    if (state != "01" || std::stoul(local.substr(local.find(':') + 1), nullptr, 16) != port)
      continue;
    total += std::stoul(queues.substr(queues.find(':') + 1), nullptr, 16);
  }
  return total;
}

double seconds_since(clock_type::time_point began) {
  return std::chrono::duration<double>(clock_type::now() - began).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_redial)

BOOST_AUTO_TEST_CASE(a_read_after_kill_and_restart_is_answered_through_the_same_client) {
  restartable_node node;
  auraos::client::client c{node.options()};
  BOOST_TEST_REQUIRE(c.create_workflow(one_step("kept")).has_value());
  node.kill();
  auto read = in_background([&c] { return c.get_workflow("kept"); });
  BOOST_TEST((read.wait_for(0s) == std::future_status::timeout));  // no node: still dialling
  node.start();
  BOOST_TEST_REQUIRE((read.wait_for(60s) == std::future_status::ready));
  auto kept = read.get();
  BOOST_TEST_REQUIRE(kept.has_value(), why(kept));
  BOOST_TEST(kept->name() == "kept");
  BOOST_TEST(kept->revision() == 1);
}

BOOST_AUTO_TEST_CASE(a_start_issued_while_the_node_is_down_runs_once) {
  restartable_node node;
  auraos::client::client c{node.options()};
  BOOST_TEST_REQUIRE(c.create_workflow(one_step("once")).has_value());
  node.kill();
  auto started = in_background([&c] { return c.execute("once", {}); });
  BOOST_TEST((started.wait_for(0s) == std::future_status::timeout));
  node.start();
  BOOST_TEST_REQUIRE((started.wait_for(60s) == std::future_status::ready));
  auto execution = started.get();
  BOOST_TEST_REQUIRE(execution.has_value(), why(execution));
  auto listed = c.list_executions({{"workflowId", "once"}});
  BOOST_TEST_REQUIRE(listed.has_value(), why(listed));
  BOOST_TEST_REQUIRE(listed->items_size() == 1);
  BOOST_TEST(listed->items(0).id() == execution->value.id());
  BOOST_TEST(listed->items(0).idempotency_key().value().rfind("client-", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_change_whose_connection_is_lost_during_the_call_is_not_sent_again) {
  restartable_node node;
  auto options = node.options();
  options.dead_after = 60s;  // the kill below, not the heartbeats, ends the connection
  auraos::client::client c{options};
  BOOST_TEST_REQUIRE(c.health().has_value());
  node.freeze();
  auto definition = one_step("lost");
  definition.set_description(std::string(16384, 'x'));
  auto change = in_background([&] { return c.create_workflow(definition); });
  // The call is on the wire once the stopped node's socket holds its bytes.
  BOOST_TEST_REQUIRE(wait_until([&] { return unread_bytes(node.api_port) >= 16384; }, 10s));
  auto began = clock_type::now();
  node.kill();
  BOOST_TEST_REQUIRE((change.wait_for(30s) == std::future_status::ready));
  auto lost = change.get();
  BOOST_TEST(seconds_since(began) < 5.0);
  BOOST_TEST_REQUIRE(!lost.has_value());
  BOOST_TEST(lost.error().status == 0);
  BOOST_TEST(lost.error().code == "unavailable", why(lost));
  node.start();
  // Sent again after the redial, it would be stored now.
  auto missing = c.get_workflow("lost");
  BOOST_TEST_REQUIRE(!missing.has_value());
  BOOST_TEST(missing.error().status == 404, why(missing));
}

BOOST_AUTO_TEST_CASE(a_change_after_a_restart_is_sent_on_a_new_connection) {
  restartable_node node;
  auraos::client::client c{node.options()};
  BOOST_TEST_REQUIRE(c.health().has_value());
  node.kill();
  node.start();
  // The connection was lost before the call, not during it: nothing was sent on it.
  auto created = c.create_workflow(one_step("later"));
  BOOST_TEST_REQUIRE(created.has_value(), why(created));
  BOOST_TEST(created->name() == "later");
}

BOOST_AUTO_TEST_CASE(a_stopped_node_fails_pending_calls_after_dead_after_then_is_redialled) {
  restartable_node node;
  auto options = node.options();
  options.call_timeout = 10s;
  options.dead_after = 1s;
  options.connect_attempts = 2;
  auraos::client::client c{options};
  BOOST_TEST_REQUIRE(c.create_workflow(one_step("frozen")).has_value());
  // A pending change: its connection is taken as lost once the node is silent for dead_after.
  node.freeze();
  auto began = clock_type::now();
  auto changed = c.set_workflow_status("frozen", "active");
  auto elapsed = seconds_since(began);
  BOOST_TEST_REQUIRE(!changed.has_value());
  BOOST_TEST(changed.error().status == 0);
  BOOST_TEST(changed.error().code == "unavailable", why(changed));
  BOOST_TEST(elapsed >= 0.5);
  BOOST_TEST(elapsed < 6.0, elapsed << " s: well under call_timeout");
  node.thaw();
  auto back = c.get_workflow("frozen");
  BOOST_TEST_REQUIRE(back.has_value(), why(back));
  BOOST_TEST(back->name() == "frozen");
  // A pending read is sent again after the loss: the redial finds no live node either.
  node.freeze();
  began = clock_type::now();
  auto read = c.get_workflow("frozen");
  elapsed = seconds_since(began);
  BOOST_TEST_REQUIRE(!read.has_value());
  BOOST_TEST(read.error().status == 0);
  BOOST_TEST((read.error().code == "unreachable" || read.error().code == "unavailable"), why(read));
  BOOST_TEST(elapsed >= 0.5);
  BOOST_TEST(elapsed < 8.0, elapsed << " s: well under call_timeout");
  node.thaw();
  auto again = c.get_workflow("frozen");
  BOOST_TEST_REQUIRE(again.has_value(), why(again));
}

BOOST_AUTO_TEST_CASE(a_subscription_resumes_after_the_last_event_across_a_restart) {
  restartable_node node;
  // Reopened every 20 ms: it reaches the restarted node as soon as it listens.
  auto options = node.options();
  options.backoff_initial = options.backoff_max = 20ms;
  auraos::client::client c{options};
  std::mutex mutex;
  std::condition_variable heard;
  std::vector<std::string> ids;
  auto has = [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  v1::EventSubscription filter;
  filter.add_types("r.one");
  auto subscribed = c.subscribe(filter, [&](const v1::Event& e) {
    std::lock_guard lock{mutex};
    ids.push_back(e.id());
    heard.notify_all();
  });
  BOOST_TEST_REQUIRE(subscribed.has_value());
  auto publish = [&](const std::string& id) {
    v1::EventInput event;
    event.set_id(id);
    event.set_type("r.one");
    event.set_source("test");
    auto stored = c.publish(event);
    BOOST_TEST_REQUIRE(stored.has_value(), why(stored));
  };
  // The stream opens asynchronously: publish until one is heard, then until the last is.
  std::string last;
  for (int i = 0; i < 100; ++i) {
    publish(last = "before-" + std::to_string(i));
    std::unique_lock lock{mutex};
    if (heard.wait_for(lock, 100ms, [&] { return !ids.empty(); })) break;
  }
  std::vector<std::string> expected;
  {
    std::unique_lock lock{mutex};
    BOOST_TEST_REQUIRE(heard.wait_for(lock, 10s, [&] { return has(last); }));
    expected = ids;
  }
  // Stored by a run of the node without the actor API: heard only if the subscription
  // resumes after the last event it delivered.
  node.kill();
  node.start(false);
  auto away = auraos::test::api_call(node.http_port, "POST", "/api/v1/events",
                                     R"({"id": "while-away", "type": "r.one", "source": "test"})");
  BOOST_TEST_REQUIRE(away.status == 201, away.body);
  node.kill();
  node.start();
  {
    std::unique_lock lock{mutex};
    BOOST_TEST_REQUIRE(heard.wait_for(lock, 30s, [&] { return has("while-away"); }));
  }
  publish("marker");
  std::unique_lock lock{mutex};
  BOOST_TEST_REQUIRE(heard.wait_for(lock, 30s, [&] { return has("marker"); }));
  // In order and once each: nothing heard before the restart was replayed.
  expected.insert(expected.end(), {"while-away", "marker"});
  BOOST_TEST(ids == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
