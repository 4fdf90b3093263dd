// A clustered node's executions service: it runs only the executions of shards its lease keeper
// granted, creates new ones in them, and stops those of shards it gives up (without writing
// when the lease was lost, after storing interrupted attempts on a hand-over).
#include <boost/test/unit_test.hpp>

#include "persistence/shards.hpp"
#include "tests/support/sample_workflows.hpp"
#include "tests/unit/execution_harness.hpp"

namespace {

using namespace auraos::test;
namespace ex = a::executions;

/// Shell node `run` sleeping long enough to be interrupted, then a transform.
json sleeper(const std::string& id) {
  return json{
      {"id", id},
      {"name", "sleeper"},
      {"nodes", {{{"id", "run"}, {"type", "shell"}, {"config", {{"command", "sleep 30"}}}}}},
      {"output", "${nodes.run.output}"}};
}

/// A harness whose service is a clustered node's (holding nothing until granted), with a
/// second connection to its database to play the cluster's other members.
struct clustered {
  explicit clustered(bool start_clustered = true) {
    if (start_clustered) restart(true);
    auto opened = p::sqlite::sqlite_store::open({h.dir.file("auraos.db"), a::wall_source(h.env)});
    BOOST_REQUIRE(opened.has_value());
    other = std::move(opened).value();
  }

  void restart(bool as_cluster) {
    h.stop_system();
    harness_faults faults;
    faults.tune = [as_cluster](ex::executions_options& o) { o.clustered = as_cluster; };
    h.start_system(std::chrono::seconds(30), faults);
  }

  /// Takes the lease of `shard` in the database (as the keeper does) and grants it.
  p::fence grant(std::int64_t shard) {
    auto lease = other->acquire_shard(shard, "n1");
    BOOST_REQUIRE(lease.has_value());
    p::fence fence{shard, lease->epoch};
    caf::scoped_actor self{h.system()};
    bool ok = false;
    self->request(h.service(), std::chrono::seconds(10), ex::shards_granted_atom::value,
                  std::vector<p::fence>{fence})
        .receive([&](caf::ok_atom) { ok = true; }, [](caf::error&) {});
    BOOST_REQUIRE(ok);
    return fence;
  }

  /// Revokes `shard`; true once the service answered (all its actors down).
  bool revoke(std::int64_t shard, ex::revoke_mode mode) {
    caf::scoped_actor self{h.system()};
    bool ok = false;
    self->request(h.service(), std::chrono::seconds(10), ex::shards_revoked_atom::value,
                  std::vector<std::int64_t>{shard}, mode)
        .receive([&](caf::ok_atom) { ok = true; }, [](caf::error&) {});
    return ok;
  }

  std::int64_t active_actors() { return h.counters().at("activeActors").get<std::int64_t>(); }

  std::size_t history_size(const std::string& id) {
    auto rows = other->read_history(id);
    BOOST_REQUIRE(rows.has_value());
    return rows->size();
  }

  /// Waits for a record of `kind` in the stored history of `id`.
  bool history_has(const std::string& id, const std::string& kind) {
    return execution_harness::eventually([&] {
      for (const auto& r : h.history(id))
        if (r.value("kind", "") == kind) return true;
      return false;
    });
  }

  execution_harness h;
  std::shared_ptr<p::store> other;
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_clustered_node_without_shards_refuses_to_start_executions) {
  clustered c;
  c.h.put_workflow(json::parse(wait_then_compute("w", 1)));
  auto reply = c.h.ask(ex::start_execution_command{"w", 0, "null", ""});
  BOOST_REQUIRE(!reply.has_value());
  BOOST_TEST((reply.error().code == auraos::errc::unavailable));
  BOOST_TEST(reply.error().message.find("holds no shard") != std::string::npos,
             reply.error().message);
}

BOOST_AUTO_TEST_CASE(new_executions_get_ids_in_the_shards_the_node_holds) {
  clustered c;
  c.h.put_workflow(json::parse(wait_then_compute("w", 1)));
  c.grant(5);
  c.grant(40);
  for (int i = 0; i < 6; ++i) {
    auto id = c.h.start("w").at("id").get<std::string>();
    auto shard = p::shard_of(id);
    BOOST_TEST((shard == 5 || shard == 40), id << " is in shard " << shard);
    BOOST_TEST(c.h.wait_end(id).at("status") == "completed");
  }
}

BOOST_AUTO_TEST_CASE(a_grant_recovers_only_the_granted_shards_executions) {
  clustered c{false};
  c.restart(false);  // a single node creates two waiting executions
  c.h.put_workflow(json::parse(wait_then_compute("w", 600)));
  std::string first = c.h.start("w").at("id");
  std::string second;
  do {
    second = c.h.start("w").at("id").get<std::string>();
  } while (p::shard_of(second) == p::shard_of(first));
  c.restart(true);
  BOOST_TEST(c.active_actors() == 0);
  c.grant(p::shard_of(first));
  BOOST_TEST(execution_harness::eventually([&] { return c.h.counters().at("activations") >= 1; }));
  auto other_reply = c.h.ask(caf::get_atom::value, second);
  BOOST_REQUIRE(!other_reply.has_value());
  BOOST_TEST(other_reply.error().message.find("does not hold") != std::string::npos,
             other_reply.error().message);
  BOOST_TEST(c.h.get(first).at("status") == "running");
  c.grant(p::shard_of(second));
  BOOST_TEST(c.h.get(second).at("status") == "running");
}

BOOST_AUTO_TEST_CASE(a_lost_lease_stops_its_executions_without_writing) {
  clustered c;
  c.h.put_workflow(sleeper("s"));
  c.grant(7);
  std::string id = c.h.start("s").at("id");
  BOOST_REQUIRE(c.history_has(id, "attempt_started"));
  auto before = c.history_size(id);
  BOOST_TEST(c.revoke(7, ex::revoke_mode::lost));
  BOOST_TEST(execution_harness::eventually([&] { return c.active_actors() == 0; }));
  BOOST_TEST(c.history_size(id) == before);
  auto refused = c.h.ask(ex::pause_atom::value, id);
  BOOST_TEST(!refused.has_value());
}

BOOST_AUTO_TEST_CASE(a_hand_over_stores_interrupted_attempts_and_the_next_owner_runs_them) {
  clustered c;
  auto quick = sleeper("s");
  c.h.put_workflow(quick);
  c.grant(9);
  std::string id = c.h.start("s").at("id");
  BOOST_REQUIRE(c.history_has(id, "attempt_started"));
  BOOST_TEST(c.revoke(9, ex::revoke_mode::graceful));
  BOOST_TEST(c.active_actors() == 0);
  BOOST_TEST(c.history_has(id, "attempt_interrupted"));
  // The next owner (here the same node under a new epoch) re-runs the attempt.
  auto before = c.history_size(id);
  c.grant(9);
  BOOST_TEST(execution_harness::eventually([&] { return c.history_size(id) > before; }));
  BOOST_TEST(c.h.get(id).at("status") == "running");
}

BOOST_AUTO_TEST_CASE(timers_of_a_shard_the_node_does_not_hold_do_not_fire) {
  clustered c{false};
  c.restart(false);
  c.h.put_workflow(json::parse(wait_then_compute("w", 2)));
  std::string id = c.h.start("w").at("id");
  c.restart(true);
  c.h.env->advance(std::chrono::seconds(5));
  BOOST_TEST(!execution_harness::eventually([&] { return c.h.ended(id); },
                                            std::chrono::milliseconds(500)));
  c.grant(p::shard_of(id));
  BOOST_TEST(c.h.wait_end(id).at("status") == "completed");
}
