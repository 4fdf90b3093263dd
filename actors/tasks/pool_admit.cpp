// The admission step of the pool: the pure decision (runtime/tasks/admission.hpp) over what
// waits and what runs, then carrying it out: store the starts, spawn the run actors, hand
// external runs to claims, fail runs no pool of this size can ever start.

#include <deque>
#include <limits>

#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/tasks/pool_state.hpp"
#include "runtime/tasks/admission.hpp"

namespace auraos::actors::tasks::detail {
namespace {

namespace p = persistence;
namespace rt = runtime::tasks;

/// Most waiting runs one admission looks at (from the head of the queue): runs it skips because
/// their task or key is at its concurrency limit count too, so a deep queue of such runs cannot
/// make one admission walk everything.
constexpr std::size_t max_looked_at = 8192;

/// The run as the admission sees it.
rt::waiting_run waiting_of(const live_run& live, bool external) {
  rt::waiting_run w;
  w.run_id = live.run.id;
  w.task_id = live.run.task_id;
  w.queue = live.run.queue;
  w.priority = live.run.priority;
  w.enqueued_at = live.waiting_since;
  w.sequence = static_cast<std::uint64_t>(live.seq);
  if (!external) w.resources = live.spec->resources;
  if (live.spec->concurrency_limit)
    w.concurrency = rt::run_concurrency{
        static_cast<int>(*live.spec->concurrency_limit),
        live.spec->definition->concurrency->key ? std::optional<std::string>(live.key)
                                                : std::nullopt};
  if (live.spec->rate_runs)
    w.rate = rt::run_rate{static_cast<int>(*live.spec->rate_runs), live.spec->rate_window_ms};
  return w;
}

/// The allocation as stored on the run: resources in their units.
std::string allocation_json(const rt::resource_amounts& allocation) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, amount] : allocation)
    out[name] = static_cast<double>(amount) / 1000.0;
  return out.dump();
}

/// The pool and its use for one admission over the internal (`external` false) or external runs.
struct admission_input {
  rt::pool_settings pool;
  rt::pool_usage usage;
};

admission_input input_of(const pool_state& s, bool external) {
  admission_input in;
  if (external) {
    in.pool.workers = std::numeric_limits<int>::max() / 2;
  } else {
    in.pool.capacity = rt::to_amounts({s.options.pool.capacity.begin(),
                                       s.options.pool.capacity.end()});
    in.pool.workers = static_cast<int>(s.options.pool.workers);
  }
  in.pool.aging_ms = s.options.pool.aging_seconds * 1000;
  for (const auto& [task, starts] : s.starts)
    in.usage.recent_starts[task] = {starts.begin(), starts.end()};
  for (const auto& id : s.holding[external ? 1 : 0]) {
    const auto& live = s.runs.at(id);
    rt::running_run r{live.run.task_id, std::nullopt, live.allocation_amounts};
    if (live.spec->definition->concurrency && live.spec->definition->concurrency->key)
      r.concurrency_key = live.key;
    in.usage.running.push_back(std::move(r));
  }
  return in;
}

/// Stores the starts of admitted internal runs, then spawns their actors.
void start_admitted(pool_actor* self, std::vector<p::task_run_record> runs) {
  auto& s = self->state;
  p::write_request write;
  write.wait_for_database = true;
  for (const auto& run : runs) write.ops.emplace_back(p::update_task_run_op{run});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, runs](p::write_outcome&) {
        auto& st = self->state;
        auto executions = caf::actor_cast<executions::executions_actor>(
            self->system().registry().get(executions::executions_registry_name));
        for (const auto& run : runs) {
          auto it = st.runs.find(run.id);
          if (it == st.runs.end()) continue;
          auto& live = it->second;
          live.run = run;
          set_place(st, live, run_place::running);
          run_args args{run, live.spec, st.store, self, st.options.env, st.options.runners,
                        executions, {}};
          live.actor = spawn_run_actor(self->system(), std::move(args));
          self->monitor(live.actor);
          st.monitored[live.actor.address()] = run.id;
          if (live.cancel_requested) self->send(live.actor, run_cancel_atom::value);
        }
      });
}

/// Forgets start times older than any rate window needs.
void trim_starts(pool_state& s, std::int64_t now) {
  for (auto it = s.starts.begin(); it != s.starts.end();) {
    auto spec = s.specs.find(it->first);
    auto window = spec == s.specs.end() ? 0 : spec->second->rate_window_ms;
    while (!it->second.empty() && it->second.front() <= now - window) it->second.pop_front();
    it = it->second.empty() ? s.starts.erase(it) : std::next(it);
  }
}

/// Runs one admission and carries it out; the runs it starts are added to `started`.
void admit_kind(pool_actor* self, bool external, std::vector<p::task_run_record>& started) {
  auto& s = self->state;
  auto now = s.options.env->now_ms();
  const auto& queue = s.queued[external ? 1 : 0];
  if (queue.empty()) return;
  auto in = input_of(s, external);
  // The walk keeps pointers to runs it has seen: a deque keeps them where they are.
  std::deque<rt::waiting_run> seen;
  auto head = queue.begin();
  rt::waiting_cursor next = [&]() -> const rt::waiting_run* {
    if (head == queue.end() || seen.size() == max_looked_at) return nullptr;
    seen.push_back(waiting_of(s.runs.at(head->second), external));
    ++head;
    return &seen.back();
  };
  auto decision = rt::admit(in.pool, in.usage, next, now);
  for (const auto& admitted : decision.start) {
    auto& live = s.runs.at(admitted.run_id);
    if (live.spec->rate_runs) s.starts[live.run.task_id].push_back(now);
    if (external) {
      set_place(s, live, run_place::claimable);
      s.claimable[live.run.queue].push_back(live.run.id);
      continue;
    }
    set_place(s, live, run_place::starting);
    live.allocation_amounts = admitted.allocation;
    auto run = live.run;
    run.status = "running";
    run.attempts += 1;
    run.started_at = now;
    run.next_attempt_at.reset();
    run.worker = s.options.node_name;
    run.resource_allocation = allocation_json(admitted.allocation);
    started.push_back(std::move(run));
  }
  std::vector<std::string> unrunnable;
  std::string reason;
  for (const auto& u : decision.unrunnable) {
    unrunnable.push_back(u.run_id);
    reason = u.reason;
  }
  if (!unrunnable.empty()) end_unstarted(self, unrunnable, "failed", "unrunnable", reason);
  if (decision.wake_at && (s.admit_wake == 0 || *decision.wake_at < s.admit_wake)) {
    s.admit_wake = *decision.wake_at;
    s.options.env->send_at(self, *decision.wake_at, admit_atom::value);
  }
}

}  // namespace

void request_admission(pool_actor* self) {
  if (self->state.admit_pending) return;
  self->state.admit_pending = true;
  self->send(self, admit_atom::value);
}

void admit(pool_actor* self) {
  auto& s = self->state;
  if (s.admit_wake != 0 && s.admit_wake <= s.options.env->now_ms()) s.admit_wake = 0;
  trim_starts(s, s.options.env->now_ms());
  std::vector<p::task_run_record> started;
  admit_kind(self, false, started);
  admit_kind(self, true, started);
  if (!started.empty()) start_admitted(self, std::move(started));
  for (const auto& [queue, ids] : s.claimable)
    if (!ids.empty()) serve_waiters(self, queue);
}

}  // namespace auraos::actors::tasks::detail
