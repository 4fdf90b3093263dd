// External workers: claims (long-polled), and the leases of the runs they hold.

#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/tasks/pool_state.hpp"
#include "runtime/uuid.hpp"

namespace auraos::actors::tasks::detail {
namespace {

namespace p = persistence;

/// Takes up to `max` claimable runs of `queue` for `worker`, stores their leases and answers
/// `done` with them once stored (no runs: answers at once with none).
void take(pool_actor* self, const claim_request& request,
          std::function<void(claim_reply)> done) {
  auto& s = self->state;
  auto& queue = s.claimable[request.queue];
  auto now = s.options.env->now_ms();
  std::vector<p::task_run_record> taken;
  while (!queue.empty() && static_cast<std::int64_t>(taken.size()) < request.max) {
    auto id = queue.front();
    queue.pop_front();
    auto it = s.runs.find(id);
    if (it == s.runs.end() || it->second.place != run_place::claimable) continue;
    auto& live = it->second;
    set_place(s, live, run_place::starting);
    auto run = live.run;
    run.status = "running";
    run.attempts += 1;
    run.started_at = now;
    run.worker = request.worker_id;
    run.lease_id = runtime::random_uuid();
    run.lease_expires_at = now + live.spec->heartbeat_ms;
    run.next_attempt_at.reset();
    taken.push_back(std::move(run));
  }
  if (taken.empty()) return done(claim_reply{std::vector<claimed_run>{}});
  p::write_request write;
  write.wait_for_database = true;
  for (const auto& run : taken) write.ops.emplace_back(p::update_task_run_op{run});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, taken, done](p::write_outcome&) {
        auto& st = self->state;
        std::vector<claimed_run> items;
        for (const auto& run : taken) {
          auto it = st.runs.find(run.id);
          if (it == st.runs.end()) continue;
          auto& live = it->second;
          live.run = run;
          set_place(st, live, run_place::running);
          run_args args{run, live.spec, st.store, self, st.options.env, st.options.runners, {}, {}};
          live.actor = spawn_run_actor(self->system(), std::move(args));
          self->monitor(live.actor);
          st.monitored[live.actor.address()] = run.id;
          items.push_back({run.id, run.task_id, run.input, run.attempts, *run.lease_id,
                           *run.lease_expires_at});
          if (live.cancel_requested) self->send(live.actor, run_cancel_atom::value);
        }
        done(claim_reply{std::move(items)});
      });
}

}  // namespace

void claim(pool_actor* self, claim_request request, caf::response_promise promise) {
  auto& s = self->state;
  auto& queue = s.claimable[request.queue];
  if (!queue.empty() || request.wait_ms <= 0)
    return take(self, request, [promise](claim_reply reply) mutable {
      promise.deliver(std::move(reply));
    });
  auto id = s.next_waiter++;
  s.waiters_of[request.queue].push_back(id);
  s.options.env->send_after(self, std::chrono::milliseconds(request.wait_ms),
                            claim_expired_atom::value, id);
  s.waiters[id] = claim_waiter{std::move(request), std::move(promise)};
}

void serve_waiters(pool_actor* self, const std::string& queue) {
  auto& s = self->state;
  auto& ids = s.waiters_of[queue];
  while (!ids.empty() && !s.claimable[queue].empty()) {
    auto id = ids.front();
    ids.pop_front();
    auto it = s.waiters.find(id);
    if (it == s.waiters.end()) continue;
    auto waiter = std::move(it->second);
    s.waiters.erase(it);
    take(self, waiter.request, [promise = waiter.promise](claim_reply reply) mutable {
      promise.deliver(std::move(reply));
    });
  }
}

void lease(pool_actor* self, const lease_call& call, caf::response_promise promise) {
  auto& s = self->state;
  auto it = s.runs.find(call.run_id);
  if (it != s.runs.end() && it->second.place == run_place::running && it->second.actor &&
      it->second.spec->type == "external")
    return void(promise.delegate(it->second.actor, call));
  auto stale = "the lease " + call.lease_id + " is not current: run " + call.run_id;
  if (it != s.runs.end())
    return promise.deliver(
        run_reply{refused(errc::conflict, stale + " is " + it->second.run.status +
                                              ", not held by a worker")});
  // Not live here: 404 when no such run exists, else it ended (409).
  auto found = std::make_shared<p::store_result<p::task_run_record>>();
  store::task_read read{[found, id = call.run_id](p::task_store& db) {
    *found = db.get_task_run(id);
    return p::store_status{};
  }};
  self->request(s.store, caf::infinite, std::move(read))
      .then([found, stale, id = call.run_id, promise](p::store_status&) mutable {
        if (!*found && found->error().code == p::store_errc::not_found)
          return promise.deliver(run_reply{refused(errc::not_found, "no task run has the id " + id)});
        auto status = *found ? (*found)->status : std::string{"unknown"};
        promise.deliver(run_reply{refused(errc::conflict, stale + " ended " + status)});
      });
}

}  // namespace auraos::actors::tasks::detail
