#include "actors/store_actor.hpp"

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

#include <caf/all.hpp>

namespace auraos::actors {

namespace {

using namespace std::chrono_literals;

/// A write waiting for the next flush, and where its outcome goes.
struct pending_write {
  p::write_request request;
  caf::typed_response_promise<p::write_outcome> promise;
};

struct store_state {
  store_state() = default;  // never an aggregate: see CAF-NOTES.md
  std::shared_ptr<p::store> db;
  std::vector<pending_write> pending;
  commit_stats stats;
  /// Set while the database is unavailable: the delay before the next retry.
  std::chrono::milliseconds retry_delay{0};
};

using store_pointer = store_actor::stateful_pointer<store_state>;

constexpr std::chrono::milliseconds first_retry_delay = 100ms;
constexpr std::chrono::milliseconds max_retry_delay = 5s;

bool database_down(const store_state& s) {
  return s.retry_delay.count() > 0;
}

/// Answers the writes that do not wait; keeps the others and arms the next retry.
void hold_for_retry(store_pointer self, std::vector<pending_write> failed, p::write_batch& batch,
                    const p::store_error& e) {
  auto& s = self->state;
  for (std::size_t i = 0; i < failed.size(); ++i) {
    auto& write = failed[i];
    write.request = std::move(batch.requests[i]);
    if (write.request.wait_for_database)
      s.pending.push_back(std::move(write));
    else
      write.promise.deliver(p::write_outcome{fail(e)});
  }
  s.retry_delay = std::min(max_retry_delay, std::max(first_retry_delay, s.retry_delay * 2));
  self->delayed_send(self, s.retry_delay, flush_atom::value);
}

/// Commits every pending write in one transaction and answers each requester.
void flush(store_pointer self) {
  auto pending = std::exchange(self->state.pending, {});
  if (pending.empty()) return;
  p::write_batch batch;
  batch.requests.reserve(pending.size());
  for (auto& write : pending) batch.requests.push_back(std::move(write.request));
  auto started = std::chrono::steady_clock::now();
  auto outcomes = self->state.db->commit(batch);
  auto latency = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  self->state.stats.record(pending.size(), latency, outcomes.has_value());
  if (!outcomes && outcomes.error().code == p::store_errc::unavailable)
    return hold_for_retry(self, std::move(pending), batch, outcomes.error());
  self->state.retry_delay = 0ms;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (outcomes)
      pending[i].promise.deliver(std::move((*outcomes)[i]));
    else
      pending[i].promise.deliver(p::write_outcome{fail(outcomes.error())});
  }
}

/// Queues a write; the first pending write schedules a flush behind everything already queued.
/// While the database is down, writes that do not wait are refused at once and the others
/// wait for the armed retry.
caf::typed_response_promise<p::write_outcome> enqueue(store_pointer self, p::write_request& req) {
  auto promise = self->make_response_promise<p::write_outcome>();
  auto& s = self->state;
  if (database_down(s) && !req.wait_for_database) {
    promise.deliver(p::write_outcome{p::store_fail(
        p::store_errc::unavailable, "the database is unavailable; retrying the connection")});
    return promise;
  }
  if (s.pending.empty() && !database_down(s)) self->send(self, flush_atom::value);
  s.pending.push_back({std::move(req), promise});
  return promise;
}

store_actor::behavior_type store_behavior(store_pointer self, std::shared_ptr<p::store> db,
                                          bool test_faults) {
  self->state.db = std::move(db);
  auto& s = *self->state.db;
  return {
      [self](p::write_request& req) { return enqueue(self, req); },
      [self](flush_atom) { flush(self); },
      [self](stats_atom) { return self->state.stats; },
      [self, test_faults](crash_atom) {
        if (test_faults) self->quit(injected_fault());
      },
      [&s](const ping_query&) { return s.ping(); },
      [&s](const get_workflow_query& q) { return s.get_workflow(q.id, q.revision); },
      [&s](const list_workflows_query& q) { return s.list_workflows(q.filter, q.page); },
      [&s](const list_revisions_query& q) { return s.list_workflow_revisions(q.id, q.page); },
      [&s](const get_execution_query& q) { return s.get_execution(q.id); },
      [&s](const list_executions_query& q) { return s.list_executions(q.filter, q.page); },
      [&s](const unfinished_executions_query&) { return s.unfinished_executions(); },
      [&s](const count_executions_query&) { return s.count_executions_by_status(); },
      [&s](const read_history_query& q) {
        return s.read_history(q.execution_id, q.after_seq, q.limit);
      },
      [&s](const latest_snapshot_query& q) { return s.latest_snapshot(q.execution_id); },
      [&s](const due_timers_query& q) { return s.due_timers(q.now_ms, q.limit); },
      [&s](const next_timer_deadline_query&) { return s.next_timer_deadline(); },
      [&s](const shard_lease_query& q) { return s.get_shard_lease(q.shard); },
  };
}

}  // namespace

store_actor spawn_store_actor(caf::actor_system& system, std::shared_ptr<p::store> store,
                              bool test_faults) {
  return system.spawn<caf::detached>(store_behavior, std::move(store), test_faults);
}

}  // namespace auraos::actors
