// A node on PostgreSQL through a long table lock and through killed backend connections: not
// ready meanwhile, writing again within a second once the database is usable, nothing lost.
#include <libpq-fe.h>

#include <algorithm>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/sample_workflows.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

constexpr int execution_count = 10;

/// A second session on the node's database, as the server's superuser.
class admin_session {
 public:
  explicit admin_session(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    BOOST_TEST_REQUIRE((PQstatus(conn_) == CONNECTION_OK), PQerrorMessage(conn_));
  }
  admin_session(const admin_session&) = delete;
  admin_session& operator=(const admin_session&) = delete;
  ~admin_session() { PQfinish(conn_); }
  /// Runs `sql`; fails the test when PostgreSQL refuses it.
  void exec(const std::string& sql) {
    PGresult* result = PQexec(conn_, sql.c_str());
    auto status = PQresultStatus(result);
    BOOST_TEST_REQUIRE((status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK),
                       sql << ": " << PQerrorMessage(conn_));
    PQclear(result);
  }

 private:
  PGconn* conn_;
};

std::string small_workflow(const std::string& id) {
  return json{{"id", id},
              {"name", id},
              {"nodes", {{{"id", "t"}, {"type", "transform"}, {"config", {{"output", 1}}}}}}}
      .dump();
}

/// A node on a throwaway server, with executions waiting `seconds` in a delay.
struct pg_node {
  std::unique_ptr<auraos::test::pg_server> server = launch();
  auraos::test::temp_dir data;
  auraos::test::serve_process process{
      {"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--db", server->url()}};
  std::uint16_t port = process.wait_for_port();

  static std::unique_ptr<auraos::test::pg_server> launch() {
    auto launched = auraos::test::pg_server::launch();
    if (!launched) throw std::runtime_error(launched.error());
    return std::move(launched).value();
  }

  std::vector<std::string> start_waiting(double seconds) {
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s), process.err());
    BOOST_TEST_REQUIRE(api_call(port, "POST", "/api/v1/workflows",
                                auraos::test::wait_then_compute("steady", seconds))
                           .status == 201);
    std::vector<std::string> ids;
    for (int i = 0; i < execution_count; ++i) {
      auto started = api_call(port, "POST", "/api/v1/workflows/steady/executions", "{}");
      BOOST_TEST_REQUIRE(started.status == 202);
      ids.push_back(started.json["id"].get<std::string>());
    }
    return ids;
  }
  /// True once the execution stored its delay's timer: it writes nothing more until it fires.
  bool timer_stored(const std::string& id) {
    auto history = api_call(port, "GET", "/api/v1/executions/" + id + "/history").json;
    const auto& events = history.is_array() ? history : history["items"];
    for (const auto& event : events)
      if (event["kind"] == "timer_set") return true;
    return false;
  }
  int readyz() { return api_call(port, "GET", "/readyz", "", {}, 10s).status; }
  long long store_up() { return auraos::test::metric_value(port, "auraos_store_up"); }
  int post_workflow(const std::string& id) {
    return api_call(port, "POST", "/api/v1/workflows", small_workflow(id), {}, 30s).status;
  }
  int completed() {
    auto page =
        api_call(port, "GET", "/api/v1/executions?workflowId=steady&status=completed&limit=100", "",
                 {}, 10s);
    return page.status == 200 ? static_cast<int>(page.json["items"].size()) : -1;
  }
  /// How long from `from` (now unless told) until a workflow write is stored again, polling.
  std::chrono::milliseconds time_to_first_write(
      const std::string& id,
      std::chrono::steady_clock::time_point from = std::chrono::steady_clock::now()) {
    auraos::test::wait_until([&] { return post_workflow(id) == 201; }, 5s);
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 from);
  }
  /// Every execution completed, the node still runs and nothing was restarted.
  void check_nothing_lost() {
    BOOST_TEST(auraos::test::wait_until([&] { return completed() == execution_count; }, 60s),
               "completed: " << completed() << "\n"
                             << process.err());
    BOOST_TEST(process.wait_exit(0ms) == -1, "the node stopped: " << process.err());
    auto tree = api_call(port, "GET", "/api/v1/supervision").json;
    for (const auto& child : tree["children"]) BOOST_TEST(child["restarts"] == 0, child.dump());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(store_recovery_pg)

BOOST_AUTO_TEST_CASE(a_long_table_lock_is_not_ready_meanwhile_and_writes_resume_within_a_second) {
  pg_node node;
  node.start_waiting(3);
  admin_session admin{node.server->url()};
  admin.exec("BEGIN");
  admin.exec("LOCK TABLE workflows IN ACCESS EXCLUSIVE MODE");
  BOOST_TEST(auraos::test::wait_until([&] { return node.readyz() == 503; }, 3s));
  BOOST_TEST(node.store_up() == 0);
  BOOST_TEST(node.post_workflow("during") == 503);
  BOOST_CHECK_NO_THROW(node.process.wait_for_line("warn.*store is unavailable.*lock", 5s));

  admin.exec("ROLLBACK");
  auto took = node.time_to_first_write("after");
  BOOST_TEST_MESSAGE("writes resumed " << took.count() << " ms after the release");
  BOOST_TEST(took < 1000ms, "writes resumed " << took.count() << " ms after the release");
  BOOST_TEST(node.readyz() == 200);
  BOOST_TEST(node.store_up() == 1);
  BOOST_CHECK_NO_THROW(node.process.wait_for_line("info.*store is available again after", 5s));
  node.check_nothing_lost();
}

BOOST_AUTO_TEST_CASE(terminated_backend_connections_are_replaced_without_help) {
  pg_node node;
  auto ids = node.start_waiting(5);
  BOOST_TEST_REQUIRE(node.post_workflow("doomed") == 201);
  // Only the API writes below meet the dead connections: no runtime write hides the fault.
  BOOST_TEST_REQUIRE(auraos::test::wait_until(
      [&] {
        return std::all_of(ids.begin(), ids.end(), [&](auto& id) { return node.timer_stored(id); });
      },
      10s));
  admin_session admin{node.server->url()};
  admin.exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
      "WHERE application_name = 'auraos' AND pid <> pg_backend_pid()");
  // The database is usable again at once: the clock runs from the termination.
  auto terminated = std::chrono::steady_clock::now();
  // A delete goes straight to a commit, which meets the dead connection (a create reads first,
  // and a failed read only replaces the connection): the store must not stay down after it.
  auto deleted = api_call(node.port, "DELETE", "/api/v1/workflows/doomed");
  BOOST_TEST_MESSAGE("delete after the kill: "
                     << deleted.status << " after "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - terminated)
                            .count()
                     << " ms");
  auto took = node.time_to_first_write("second", terminated);
  BOOST_TEST_MESSAGE("writes resumed " << took.count() << " ms after the termination");
  BOOST_TEST(took < 1000ms, "writes resumed " << took.count() << " ms after the termination");
  BOOST_TEST(node.readyz() == 200);
  BOOST_TEST(node.store_up() == 1);
  node.check_nothing_lost();
}

BOOST_AUTO_TEST_SUITE_END()
