// The event retention actor on a simulated clock: nothing is deleted before its interval has
// passed; then a pass deletes, per rule and in batches, the events too old and those beyond
// the newest maxCount of their type, leaves other types, and arms the next pass.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <caf/all.hpp>

#include "actors/env_simulated.hpp"
#include "actors/events/retention_actor.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

namespace a = auraos::actors;
namespace p = auraos::persistence;
using namespace std::chrono_literals;

/// Polls `done` (real time: the actors run on their threads) for up to 10 s.
template <class Done>
bool eventually(Done done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

struct fixture {
  auraos::test::temp_dir dir;
  std::shared_ptr<a::simulated_env> env = std::make_shared<a::simulated_env>();
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  a::store::store_actor store;
  caf::actor supervisor;

  fixture() {
    auto opened = p::sqlite::sqlite_store::open({dir.file("auraos.db"), a::wall_source(env)});
    BOOST_REQUIRE(opened.has_value());
    store = a::store::spawn_store_actor(sys, std::move(opened).value());
  }
  ~fixture() {
    if (supervisor) {
      caf::anon_send_exit(supervisor, caf::exit_reason::user_shutdown);
      caf::scoped_actor self{sys};
      self->wait_for(supervisor);
    }
    caf::anon_send_exit(store, caf::exit_reason::user_shutdown);
  }

  void write(p::write_op op) {
    caf::scoped_actor self{sys};
    self->request(store, 10s, p::write_request{{std::move(op)}})
        .receive([](p::write_outcome& outcome) { BOOST_REQUIRE(outcome.has_value()); },
                 [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
  }

  /// Publishes an event of `type` with data `n`, `age_ms` old.
  void publish(const std::string& type, int n, std::int64_t age_ms) {
    p::event_record e;
    e.id = type + "-" + std::to_string(n);
    e.type = type;
    e.source = "test";
    e.data = std::to_string(n);
    e.metadata = "{}";
    e.timestamp = env->now_ms() - age_ms;
    e.stored_at = env->now_ms();
    write(p::publish_events_op{{e}});
  }

  /// The data of the stored events of `type`, in storing order.
  std::vector<std::string> data_of(const std::string& type) {
    std::vector<std::string> out;
    p::event_filter filter;
    filter.types = {type};
    p::page_request page;
    page.limit = 1000;
    caf::scoped_actor self{sys};
    self->request(store, 10s, a::store::list_events_query{filter, page})
        .receive(
            [&](p::store_result<p::page<p::event_record>>& listed) {
              BOOST_REQUIRE(listed.has_value());
              for (const auto& e : listed->items) out.push_back(e.data);
            },
            [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
    return out;
  }

  void start(std::chrono::milliseconds interval, std::int64_t batch) {
    a::events::retention_options options;
    options.env = env;
    options.interval = interval;
    options.batch = batch;
    a::supervision::supervisor_config config;
    config.name = "node";
    config.env = env;
    config.children.push_back(a::events::retention_child(store, options));
    supervisor = a::supervision::spawn_supervisor(sys, std::move(config));
  }
};

using strings = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(retention_actor, fixture)

BOOST_AUTO_TEST_CASE(a_pass_runs_each_interval_and_deletes_by_age_and_by_count_in_batches) {
  const std::int64_t hour = 3600 * 1000;
  for (int n = 1; n <= 5; ++n) publish("aged", n, n % 2 == 1 ? 2 * hour : 0);  // 1, 3, 5 old
  for (int n = 1; n <= 7; ++n) publish("many", n, 0);
  publish("free", 1, 5 * hour);
  write(p::put_event_retention_op{{"aged", 3600, std::nullopt}});
  write(p::put_event_retention_op{{"many", std::nullopt, 2}});
  start(1000ms, 2);
  BOOST_REQUIRE(eventually([&] { return env->pending() >= 1; }));
  env->advance(999ms);
  BOOST_TEST(data_of("aged").size() == 5u);  // not yet
  env->advance(1ms);
  BOOST_TEST(eventually([&] { return data_of("many") == strings{"6", "7"}; }));
  BOOST_TEST(data_of("aged") == (strings{"2", "4"}), boost::test_tools::per_element());
  BOOST_TEST(data_of("free") == strings{"1"});
  // The pass armed the next one; a new default rule takes the type without its own rule.
  BOOST_REQUIRE(eventually([&] { return env->pending() >= 1; }));
  write(p::put_event_retention_op{{"*", 3600, std::nullopt}});
  env->advance(1000ms);
  BOOST_TEST(eventually([&] { return data_of("free").empty(); }));
  BOOST_TEST(data_of("many") == (strings{"6", "7"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_cleanup_deletes_older_events_in_batches_and_answers_the_count) {
  for (int n = 1; n <= 5; ++n) publish("old", n, 10000);
  publish("old", 6, 0);
  publish("other", 1, 10000);
  start(60000ms, 2);
  caf::actor retention;
  BOOST_REQUIRE(eventually([&] {
    retention = caf::actor_cast<caf::actor>(sys.registry().get(a::events::retention_registry_name));
    return retention != nullptr;
  }));
  caf::scoped_actor self{sys};
  self->request(retention, 10s, a::events::cleanup_atom::value, env->now_ms() - 5000,
                std::string{"old"})
      .receive(
          [](a::events::cleanup_reply& reply) {
            BOOST_REQUIRE(reply.has_value());
            BOOST_TEST(reply->deleted == 5);
            BOOST_TEST(reply->complete);
          },
          [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
  BOOST_TEST(data_of("old") == strings{"6"});
  BOOST_TEST(data_of("other") == strings{"1"});
}

BOOST_AUTO_TEST_SUITE_END()
