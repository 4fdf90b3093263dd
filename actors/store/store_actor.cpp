#include "actors/store/store_actor.hpp"

#include <chrono>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include "actors/store/store_health.hpp"

namespace auraos::actors::store {

namespace p = persistence;

namespace {

/// A write waiting for the next flush, and where its outcome goes.
struct pending_write {
  p::write_request request;
  caf::typed_response_promise<p::write_outcome> promise;
};

struct store_state {
  store_state() = default;  // never an aggregate: see CAF-NOTES.md
  std::shared_ptr<p::store> db;
  std::shared_ptr<commit_listener> listener;
  std::vector<pending_write> pending;
  commit_stats stats;
  store_health health;
  /// True while a probe_atom is on its way: never more than one probe chain.
  bool probe_armed = false;
};

using store_pointer = store_actor::stateful_pointer<store_state>;

void flush(store_pointer self);

/// Schedules the next probe of a database that is down, unless one is already scheduled.
void arm_probe(store_pointer self) {
  auto& s = self->state;
  if (s.probe_armed) return;
  s.probe_armed = true;
  self->delayed_send(self, s.health.next_probe_delay(), probe_atom::value);
}

/// Notes an `unavailable` failure: the first of an outage logs it and starts the probes.
void note_failure(store_pointer self, const p::store_error& error) {
  if (error.code != p::store_errc::unavailable) return;
  if (self->state.health.mark_down(error.message))
    spdlog::warn("the store is unavailable: {}; probing the database until it answers",
                 error.message);
  arm_probe(self);
}

/// Notes that the database answered: ends an outage (logged once) and commits held writes.
void note_success(store_pointer self) {
  auto lasted = self->state.health.mark_up();
  if (!lasted) return;
  spdlog::info("the store is available again after {:.1f} s",
               std::chrono::duration<double>(*lasted).count());
  flush(self);
}

/// Passes a read's result through, noting an unavailable database.
template <class T>
p::store_result<T> observed(store_pointer self, p::store_result<T> result) {
  if (!result) note_failure(self, result.error());
  return result;
}

/// Pings the database now; the answer moves the health either way.
p::store_status probe(store_pointer self) {
  auto pinged = self->state.db->ping();
  if (pinged)
    note_success(self);
  else
    note_failure(self, pinged.error());
  return pinged;
}

/// Answers `write` with `outcome`, or keeps it for the probe that ends the outage when it is
/// a runtime write that met an unavailable database (whole batch, or one request's lock wait).
void answer(store_pointer self, pending_write& write, p::write_request& request,
            p::write_outcome outcome) {
  if (!outcome && outcome.error().code == p::store_errc::unavailable) {
    note_failure(self, outcome.error());
    if (request.wait_for_database) {
      write.request = std::move(request);
      return self->state.pending.push_back(std::move(write));
    }
  }
  write.promise.deliver(std::move(outcome));
}

/// Commits every pending write in one transaction and answers each requester. While the
/// database is down it does nothing: the probe that sees it back flushes.
void flush(store_pointer self) {
  if (!self->state.health.up() || self->state.pending.empty()) return;
  auto pending = std::exchange(self->state.pending, {});
  p::write_batch batch;
  batch.requests.reserve(pending.size());
  for (auto& write : pending) batch.requests.push_back(std::move(write.request));
  auto started = std::chrono::steady_clock::now();
  auto outcomes = self->state.db->commit(batch);
  auto latency = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  self->state.stats.record(pending.size(), latency, outcomes.has_value());
  if (auto& listener = self->state.listener; outcomes && listener && listener->listening())
    listener->committed(*self->state.db, batch, *outcomes);
  for (std::size_t i = 0; i < pending.size(); ++i)
    answer(self, pending[i], batch.requests[i],
           outcomes ? std::move((*outcomes)[i]) : p::write_outcome{fail(outcomes.error())});
}

/// Queues a write; the first pending write schedules a flush behind everything already queued.
/// While the database is down, writes that do not wait are refused at once and the others
/// wait for the probe that sees the database back.
caf::typed_response_promise<p::write_outcome> enqueue(store_pointer self, p::write_request& req) {
  auto promise = self->make_response_promise<p::write_outcome>();
  auto& s = self->state;
  if (!s.health.up() && !req.wait_for_database) {
    promise.deliver(p::write_outcome{p::store_fail(
        p::store_errc::unavailable,
        "the database is unavailable (" + s.health.reason() + "); retrying the connection")});
    return promise;
  }
  if (s.pending.empty() && s.health.up()) self->send(self, flush_atom::value);
  s.pending.push_back({std::move(req), promise});
  return promise;
}

/// A scheduled probe: pings a database that is still down, and schedules the next one.
void on_probe(store_pointer self) {
  auto& s = self->state;
  s.probe_armed = false;
  if (s.health.up()) return;
  probe(self);
  if (!s.health.up()) arm_probe(self);
}

store_actor::behavior_type store_behavior(store_pointer self, std::shared_ptr<p::store> db,
                                          std::shared_ptr<commit_listener> listener) {
  self->state.db = std::move(db);
  self->state.listener = std::move(listener);
  auto& s = *self->state.db;
  return {
      [self](p::write_request& req) { return enqueue(self, req); },
      [self](flush_atom) { flush(self); },
      [self](probe_atom) { on_probe(self); },
      [self](stats_atom) { return self->state.stats; },
      [self](const ping_query&) { return probe(self); },
      [self, &s](const get_workflow_query& q) {
        return observed(self, s.get_workflow(q.id, q.revision));
      },
      [self, &s](const list_workflows_query& q) {
        return observed(self, s.list_workflows(q.filter, q.page));
      },
      [self, &s](const list_revisions_query& q) {
        return observed(self, s.list_workflow_revisions(q.id, q.page));
      },
      [self, &s](const get_execution_query& q) { return observed(self, s.get_execution(q.id)); },
      [self, &s](const list_executions_query& q) {
        return observed(self, s.list_executions(q.filter, q.page));
      },
      [self, &s](const unfinished_executions_query& q) {
        return observed(self, s.unfinished_executions(q.shards));
      },
      [self, &s](const count_executions_query&) {
        return observed(self, s.count_executions_by_status());
      },
      [self, &s](const execution_activity_query& q) {
        return observed(self, s.execution_activity_between(q.from_ms, q.to_ms));
      },
      [self, &s](const read_history_query& q) {
        return observed(self, s.read_history(q.execution_id, q.after_seq, q.limit));
      },
      [self, &s](const latest_snapshot_query& q) {
        return observed(self, s.latest_snapshot(q.execution_id));
      },
      [self, &s](const due_timers_query& q) {
        return observed(self, s.due_timers(q.now_ms, q.limit, q.shards));
      },
      [self, &s](const next_timer_deadline_query& q) {
        return observed(self, s.next_timer_deadline(q.shards));
      },
      [self, &s](const shard_lease_query& q) { return observed(self, s.get_shard_lease(q.shard)); },
      [self, &s](const get_event_query& q) { return observed(self, s.get_event(q.id)); },
      [self, &s](const list_events_query& q) {
        return observed(self, s.list_events(q.filter, q.page));
      },
      [self, &s](const correlated_events_query& q) {
        return observed(self, s.correlated_events(q.correlation_id, q.limit));
      },
      [self, &s](const last_event_seq_query&) { return observed(self, s.last_event_seq()); },
      [self, &s](const event_cursor_query& q) { return observed(self, s.event_cursor(q.name)); },
      [self, &s](const get_pattern_query& q) { return observed(self, s.get_event_pattern(q.id)); },
      [self, &s](const list_patterns_query& q) {
        return observed(self, s.list_event_patterns(q.page));
      },
      [self, &s](const pattern_states_query&) { return observed(self, s.event_pattern_states()); },
      [self, &s](const event_retention_rules_query&) {
        return observed(self, s.event_retention_rules());
      },
      [self, &s](const event_types_query&) { return observed(self, s.event_types()); },
      [self, &s](const event_count_cutoff_query& q) {
        return observed(self, s.event_count_cutoff(q.type, q.keep));
      },
      [self, &s](const event_counts_query& q) {
        return observed(self, s.event_counts(q.from_ms, q.to_ms, q.interval_ms, q.limit));
      },
      [self, &s](const task_read& q) { return observed(self, q.read(s)); },
      [self, &s](const security_read& q) { return observed(self, q.read(s)); },
      [self, &s](const secret_read& q) { return observed(self, q.read(s)); },
  };
}

}  // namespace

store_actor spawn_store_actor(caf::actor_system& system, std::shared_ptr<p::store> store,
                              std::shared_ptr<commit_listener> listener) {
  return system.spawn<caf::detached>(store_behavior, std::move(store), std::move(listener));
}

}  // namespace auraos::actors::store
