// A node on SQLite while another process holds the database locked for longer than the busy
// timeout: not ready meanwhile, and ready and writing again within a second of the release.

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

/// Another connection to the node's database file, holding `BEGIN EXCLUSIVE` until released.
class exclusive_lock {
 public:
  explicit exclusive_lock(const std::string& path) {
    BOOST_TEST_REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
    BOOST_TEST_REQUIRE(sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) ==
                       SQLITE_OK);
  }
  exclusive_lock(const exclusive_lock&) = delete;
  exclusive_lock& operator=(const exclusive_lock&) = delete;
  ~exclusive_lock() {
    release();
    sqlite3_close(db_);
  }
  /// Ends the transaction: the database is usable again.
  void release() {
    if (held_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    held_ = false;
  }

 private:
  sqlite3* db_ = nullptr;
  bool held_ = true;
};

std::string workflow(const std::string& id) {
  return json{{"id", id},
              {"name", id},
              {"nodes", {{{"id", "t"}, {"type", "transform"}, {"config", {{"output", 1}}}}}}}
      .dump();
}

int readyz_status(std::uint16_t port) {
  return api_call(port, "GET", "/readyz", "", {}, 10s).status;
}

int store_up(std::uint16_t port) {
  return static_cast<int>(auraos::test::metric_value(port, "auraos_store_up"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_recovery)

BOOST_AUTO_TEST_CASE(locked_sqlite_is_not_ready_and_writes_resume_within_a_second_of_release) {
  auraos::test::temp_dir data;
  auraos::test::serve_process node{{"--http", "127.0.0.1:0", "--data-dir", data.path().string()}};
  auto port = node.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s), node.err());
  BOOST_TEST_REQUIRE(store_up(port) == 1);

  exclusive_lock lock{(data.path() / "auraos.db").string()};
  // The write waits out the busy timeout, then is refused; nothing is stuck behind it.
  auto refused = api_call(port, "POST", "/api/v1/workflows", workflow("during"), {}, 30s);
  BOOST_TEST(refused.status == 503, refused.body);
  BOOST_TEST(readyz_status(port) == 503);
  BOOST_TEST(store_up(port) == 0);
  BOOST_CHECK_NO_THROW(node.wait_for_line("warn.*store is unavailable.*lock", 5s));

  lock.release();
  auto released = std::chrono::steady_clock::now();
  BOOST_TEST(auraos::test::wait_until(
      [&] { return api_call(port, "POST", "/api/v1/workflows", workflow("after")).status == 201; },
      5s));
  auto recovered = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - released);
  BOOST_TEST_MESSAGE("writes resumed " << recovered.count() << " ms after the release");
  BOOST_TEST(recovered < 1000ms, "writes resumed " << recovered.count() << " ms after the release");
  BOOST_TEST(readyz_status(port) == 200);
  BOOST_TEST(store_up(port) == 1);
  BOOST_CHECK_NO_THROW(node.wait_for_line("info.*store is available again after", 5s));
  // One warning for the whole outage, not one per probe.
  auto err = node.err();
  std::size_t warnings = 0;
  for (auto at = err.find("store is unavailable"); at != std::string::npos;
       at = err.find("store is unavailable", at + 1))
    ++warnings;
  BOOST_TEST(warnings == 1u, err);
}

BOOST_AUTO_TEST_CASE(lock_taken_while_idle_makes_readyz_503_at_once) {
  auraos::test::temp_dir data;
  auraos::test::serve_process node{{"--http", "127.0.0.1:0", "--data-dir", data.path().string()}};
  auto port = node.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s), node.err());
  {
    exclusive_lock lock{(data.path() / "auraos.db").string()};
    BOOST_TEST(auraos::test::wait_until([&] { return readyz_status(port) == 503; }, 3s));
    BOOST_TEST(store_up(port) == 0);
  }
  BOOST_TEST(auraos::test::wait_until([&] { return readyz_status(port) == 200; }, 2s));
  BOOST_TEST(store_up(port) == 1);
  BOOST_TEST(api_call(port, "POST", "/api/v1/workflows", workflow("w")).status == 201);
}

BOOST_AUTO_TEST_SUITE_END()
