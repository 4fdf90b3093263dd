// The fault-injecting store: failed writes, delays and a dropped connection over a real store.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>

#include "persistence/sqlite/sqlite_store.hpp"
#include "tests/support/faulty_store.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wall_clock.hpp"

namespace {

using namespace auraos;
namespace p = auraos::persistence;
using namespace std::chrono_literals;

/// A faulty store over a new SQLite file.
struct fixture {
  test::temp_dir dir;
  std::shared_ptr<p::store> real = [this]() -> std::shared_ptr<p::store> {
    auto opened = p::sqlite::sqlite_store::open({dir.file("auraos.db"), test::wall_clock()});
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
    return std::move(opened).value();
  }();
  test::faulty_store db{real};

  static p::workflow_draft draft(const std::string& id) { return {id, "w", "", "1", "{}", {}}; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(faulty_store, fixture)

BOOST_AUTO_TEST_CASE(without_faults_every_call_reaches_the_real_store) {
  BOOST_REQUIRE(db.put_workflow(draft("wf")).has_value());
  BOOST_TEST(db.get_workflow("wf")->id == "wf");
  BOOST_TEST(real->get_workflow("wf").has_value());
  BOOST_TEST(db.ping().has_value());
  BOOST_TEST(db.injected_failures() == 0u);
}

BOOST_AUTO_TEST_CASE(the_next_n_writes_fail_with_the_chosen_error_and_reach_nothing) {
  db.fail_next_writes(2, p::store_errc::conflict);
  for (int i = 0; i < 2; ++i) {
    auto refused = db.put_workflow(draft("wf"));
    BOOST_REQUIRE(!refused.has_value());
    BOOST_TEST((refused.error().code == p::store_errc::conflict));
    BOOST_TEST(refused.error().message.find("injected fault") != std::string::npos);
  }
  BOOST_TEST(!real->get_workflow("wf").has_value());
  BOOST_TEST(db.ping().has_value());
  auto stored = db.put_workflow(draft("wf"));
  BOOST_REQUIRE(stored.has_value());
  BOOST_TEST(stored->revision == 1);
  BOOST_TEST(db.injected_failures() == 2u);
}

BOOST_AUTO_TEST_CASE(failed_writes_default_to_unavailable_and_leave_reads_alone) {
  BOOST_REQUIRE(db.put_workflow(draft("wf")).has_value());
  db.fail_next_writes(1);
  auto refused = db.put_workflow(draft("other"));
  BOOST_REQUIRE(!refused.has_value());
  BOOST_TEST((refused.error().code == p::store_errc::unavailable));
  BOOST_TEST(db.get_workflow("wf").has_value());
  BOOST_TEST(db.put_workflow(draft("other")).has_value());
}

BOOST_AUTO_TEST_CASE(a_dropped_connection_answers_unavailable_until_restored) {
  BOOST_REQUIRE(db.put_workflow(draft("wf")).has_value());
  db.drop_connection();
  auto read = db.get_workflow("wf");
  BOOST_REQUIRE(!read.has_value());
  BOOST_TEST((read.error().code == p::store_errc::unavailable));
  BOOST_TEST(read.error().message.find("connection dropped") != std::string::npos);
  BOOST_TEST(!db.ping().has_value());
  BOOST_TEST(!db.unfinished_executions().has_value());
  BOOST_TEST(!db.put_workflow(draft("other")).has_value());
  BOOST_TEST(db.injected_failures() == 4u);
  db.restore_connection();
  BOOST_TEST(db.ping().has_value());
  BOOST_TEST(db.get_workflow("wf").has_value());
  BOOST_TEST(db.put_workflow(draft("other")).has_value());
  BOOST_TEST(db.injected_failures() == 4u);
}

BOOST_AUTO_TEST_CASE(delayed_operations_take_at_least_the_delay) {
  BOOST_REQUIRE(db.put_workflow(draft("wf")).has_value());
  db.delay_operations(60ms);
  auto began = std::chrono::steady_clock::now();
  BOOST_TEST(db.get_workflow("wf").has_value());
  BOOST_TEST(db.ping().has_value());
  BOOST_TEST((std::chrono::steady_clock::now() - began >= 120ms));
  db.delay_operations(0ms);
  BOOST_TEST(db.injected_failures() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
