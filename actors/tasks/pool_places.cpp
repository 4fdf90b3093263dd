// Where the pool's runs are: the place of each run and the two indexes kept with it (waiting
// runs in admission order, runs holding a worker or a claim), so an admission reads only the
// head of the queue and what runs, never every unfinished run.

#include "actors/tasks/pool_state.hpp"
#include "runtime/tasks/admission.hpp"

namespace auraos::actors::tasks::detail {
namespace {

/// 0 for runs of the pool's workers, 1 for external runs.
std::size_t kind_of(const live_run& live) { return live.spec->type == "external" ? 1 : 0; }

bool holds(run_place place) {
  return place == run_place::starting || place == run_place::running ||
         place == run_place::claimable;
}

/// The run's rank in a pool aging one level per `aging_ms`, from when it became waiting.
runtime::tasks::rank_key rank_now(const live_run& live, std::int64_t aging_ms) {
  runtime::tasks::waiting_run w;
  w.priority = live.run.priority;
  w.enqueued_at = live.waiting_since;
  w.sequence = static_cast<std::uint64_t>(live.seq);
  return runtime::tasks::rank_of(w, aging_ms);
}

void leave(pool_state& s, live_run& live) {
  auto kind = kind_of(live);
  if (live.place == run_place::waiting)
    s.queued[kind].erase({live.rank, live.run.id});
  else if (holds(live.place))
    s.holding[kind].erase(live.run.id);
}

}  // namespace

void set_place(pool_state& s, live_run& live, run_place place) {
  leave(s, live);
  live.place = place;
  auto kind = kind_of(live);
  if (place == run_place::waiting) {
    live.rank = rank_now(live, s.options.pool.aging_seconds * 1000);
    s.queued[kind].emplace(live.rank, live.run.id);
  } else if (holds(place)) {
    s.holding[kind].insert(live.run.id);
  }
}

void drop_run(pool_state& s, const std::string& id) {
  auto it = s.runs.find(id);
  if (it == s.runs.end()) return;
  leave(s, it->second);
  s.runs.erase(it);
}

}  // namespace auraos::actors::tasks::detail
