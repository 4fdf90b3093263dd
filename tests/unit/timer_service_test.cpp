// The node's timer service on a simulated clock: owners are woken at their stored deadline and
// not before, once per owner, re-armed from the store after a restart; passivated executions
// are re-activated by it (see passivation_test for the executions side end to end).
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <caf/all.hpp>

#include "actors/env_simulated.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"
#include "actors/timers/timer_service.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

namespace a = auraos::actors;
namespace p = auraos::persistence;
using std::chrono::milliseconds;

/// Owners woken so far, with the simulated time of each wake-up.
struct wake_log {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::pair<std::string, std::int64_t>> woken;

  /// Waits (real time, for the actors to run) until `n` wake-ups were seen.
  bool wait_for(std::size_t n) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(10), [&] { return woken.size() >= n; });
  }
  std::size_t size() {
    std::lock_guard lock(mutex);
    return woken.size();
  }
  /// The time `owner` was first woken, if it was.
  std::optional<std::int64_t> first(const std::string& owner) {
    std::lock_guard lock(mutex);
    for (auto& [id, at] : woken)
      if (id == owner) return at;
    return std::nullopt;
  }
  /// Waits (real time) until `owner` was woken; the time of its first wake-up.
  std::optional<std::int64_t> wait_for_owner(const std::string& owner) {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, std::chrono::seconds(10), [&] {
      for (auto& w : woken)
        if (w.first == owner) return true;
      return false;
    });
    lock.unlock();
    return first(owner);
  }
};

struct fixture {
  auraos::test::temp_dir dir;
  std::shared_ptr<a::simulated_env> env = std::make_shared<a::simulated_env>();
  std::shared_ptr<p::store> db;
  std::shared_ptr<wake_log> log = std::make_shared<wake_log>();
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  a::store::store_actor store;
  caf::actor supervisor;
  /// Execution rows that own the timers of a test.
  std::vector<std::string> owners;

  fixture() {
    auto opened = p::sqlite::sqlite_store::open({dir.file("auraos.db"), a::wall_source(env)});
    BOOST_REQUIRE(opened.has_value());
    db = std::move(opened).value();
    BOOST_REQUIRE(db->put_workflow({"w", "w", "", "1", R"({"id":"w","nodes":[]})", {}}));
    for (int i = 0; i < 20; ++i) owners.push_back(execution());
    store = a::store::spawn_store_actor(sys, db);
  }
  ~fixture() { stop(); }

  /// A new execution row (timers belong to one).
  std::string execution() {
    p::execution_record row;
    row.workflow_id = "w";
    row.revision = 1;
    auto created = db->create_execution(row);
    BOOST_REQUIRE(created.has_value());
    return created->execution.id;
  }

  /// Writes through the store actor (which owns the database once started).
  void write(p::write_op op) {
    caf::scoped_actor self{sys};
    self->request(store, std::chrono::seconds(10), p::write_request{{std::move(op)}})
        .receive([](p::write_outcome& outcome) { BOOST_REQUIRE(outcome.has_value()); },
                 [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
  }

  /// A stored timer of `owner` due `in_ms` after now.
  std::int64_t put_timer(const std::string& owner, const std::string& id, std::int64_t in_ms) {
    auto deadline = env->now_ms() + in_ms;
    write(p::put_timer_op{{owner, id, deadline}});
    return deadline;
  }

  /// Starts the timer service under a supervisor; its execution owners are logged.
  void start() {
    a::timers::timer_service_options options;
    options.env = env;
    options.owners[a::timers::execution_owner] =
        [log = log, env = env](caf::event_based_actor*, std::vector<std::string> ids) {
          std::lock_guard lock(log->mutex);
          for (auto& id : ids) log->woken.emplace_back(id, env->now_ms());
          log->changed.notify_all();
        };
    a::supervision::supervisor_config config;
    config.name = "node";
    config.env = env;
    config.children.push_back(a::timers::timer_service_child(store, options));
    supervisor = a::supervision::spawn_supervisor(sys, std::move(config));
  }

  void stop() {
    if (!supervisor) return;
    caf::anon_send_exit(supervisor, caf::exit_reason::user_shutdown);
    caf::scoped_actor self{sys};
    self->wait_for(supervisor);
    supervisor = nullptr;
  }

  /// Waits (real time) until the service armed a wake-up for `deadline`.
  bool armed_for(std::int64_t deadline) {
    for (int i = 0; i < 1000; ++i) {
      if (env->next_deadline_ms() == std::optional<std::int64_t>(deadline)) return true;
      std::this_thread::sleep_for(milliseconds(10));
    }
    return false;
  }

  /// Waits (real time) until the service armed its wake-up for `deadline`, moving the clock
  /// through the earlier re-checks it arms while an owner has not yet removed its due timers.
  bool settled_on(std::int64_t deadline) {
    for (int i = 0; i < 1000; ++i) {
      auto next = env->next_deadline_ms();
      if (next == std::optional<std::int64_t>(deadline)) return true;
      if (next && *next < deadline)
        env->advance_to(*next);
      else
        std::this_thread::sleep_for(milliseconds(10));
    }
    return false;
  }

  /// Tells the registered timer service about a timer (as an owner does when it passivates).
  void arm(const std::string& owner, std::int64_t deadline) {
    caf::scoped_actor self{sys};
    caf::actor timers;
    for (int i = 0; i < 1000 && !timers; ++i) {
      timers = caf::actor_cast<caf::actor>(sys.registry().get(a::timers::timers_registry_name));
      if (!timers) std::this_thread::sleep_for(milliseconds(10));
    }
    BOOST_REQUIRE(timers);
    self->send(timers, a::timers::arm_timer_atom::value, std::string(a::timers::execution_owner),
               owner, deadline);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(timer_service, fixture)

BOOST_AUTO_TEST_CASE(wakes_the_owner_at_its_deadline_and_not_before) {
  auto owner = owners[0];
  auto deadline = put_timer(owner, "a", 1000);
  start();
  BOOST_REQUIRE(armed_for(deadline));
  env->advance(milliseconds(999));
  BOOST_TEST(log->size() == 0u);
  env->advance(milliseconds(1));
  BOOST_REQUIRE(log->wait_for(1));
  BOOST_TEST(log->woken[0].first == owner);
  BOOST_TEST(log->woken[0].second == deadline);
}

BOOST_AUTO_TEST_CASE(many_owners_are_each_woken_at_their_own_deadline) {
  // Owner i is due after (20 - i) s: the last owner first. Two timers each, due together.
  std::vector<std::int64_t> deadlines;
  for (int i = 0; i < 20; ++i) {
    deadlines.push_back(put_timer(owners[i], "a", 1000 * (20 - i)));
    put_timer(owners[i], "b", 1000 * (20 - i));
  }
  start();
  BOOST_REQUIRE(armed_for(deadlines[19]));
  for (int i = 19; i >= 0; --i) {
    BOOST_TEST(!log->first(owners[i]));  // not woken before its deadline
    env->advance_to(deadlines[i]);
    auto at = log->wait_for_owner(owners[i]);
    BOOST_TEST((at == std::optional<std::int64_t>(deadlines[i])));
    // Like an execution whose timers fired, the owner removes them.
    write(p::delete_timer_op{owners[i], "a"});
    write(p::delete_timer_op{owners[i], "b"});
    // The service may have looked for its next deadline before the removals landed; then it
    // checks again 50 ms later: let that re-check happen before moving past it.
    if (i > 0) BOOST_REQUIRE(settled_on(deadlines[i - 1]));
  }
  std::lock_guard lock(log->mutex);
  std::set<std::string> woken;
  for (auto& w : log->woken) woken.insert(w.first);
  BOOST_TEST(woken.size() == 20u);
}

BOOST_AUTO_TEST_CASE(an_earlier_timer_armed_later_fires_first) {
  auto late = owners[0];
  auto early = owners[1];
  auto late_deadline = put_timer(late, "a", 5000);
  start();
  BOOST_REQUIRE(armed_for(late_deadline));
  auto early_deadline = put_timer(early, "a", 1000);
  arm(early, early_deadline);
  BOOST_REQUIRE(armed_for(early_deadline));
  env->advance_to(early_deadline);
  BOOST_REQUIRE(log->wait_for(1));
  BOOST_TEST(log->woken[0].first == early);
  BOOST_TEST(log->woken[0].second == early_deadline);
}

BOOST_AUTO_TEST_CASE(a_restarted_service_re_arms_from_the_store) {
  auto owner = owners[0];
  auto deadline = put_timer(owner, "a", 3000);
  start();
  BOOST_REQUIRE(armed_for(deadline));
  stop();
  env->advance(milliseconds(1000));
  start();
  BOOST_REQUIRE(armed_for(deadline));
  env->advance_to(deadline - 1);
  BOOST_TEST(log->size() == 0u);
  env->advance_to(deadline);
  BOOST_REQUIRE(log->wait_for(1));
  BOOST_TEST(log->woken[0].first == owner);
  BOOST_TEST(log->woken[0].second == deadline);
}

BOOST_AUTO_TEST_SUITE_END()
