// The pool's figures: capacity, use and every queue's depth by priority.

#include "actors/tasks/pool_state.hpp"

namespace auraos::actors::tasks::detail {

pool_figures figures_of(const pool_state& s) {
  pool_figures out;
  out.capacity = s.options.pool.capacity;
  out.workers = s.options.pool.workers;
  out.aging_seconds = s.options.pool.aging_seconds;
  std::map<std::string, queue_figures> queues;
  for (const auto& [name, spec] : s.specs) queues[spec->queue].queue = spec->queue;
  for (const auto& [id, live] : s.runs) {
    auto& q = queues[live.run.queue];
    q.queue = live.run.queue;
    switch (live.place) {
      case run_place::none: break;
      case run_place::waiting: q.waiting[live.run.priority] += 1; break;
      case run_place::delayed:
      case run_place::dependent: q.delayed += 1; break;
      case run_place::claimable: q.claimable += 1; break;
      case run_place::starting:
      case run_place::running:
        q.running += 1;
        if (live.spec->type != "external") out.running += 1;
        for (const auto& [name, amount] : live.allocation_amounts) {
          q.in_use[name] += static_cast<double>(amount) / 1000.0;
          out.in_use[name] += static_cast<double>(amount) / 1000.0;
        }
        break;
    }
  }
  for (auto& [name, q] : queues) out.queues.push_back(std::move(q));
  return out;
}

}  // namespace auraos::actors::tasks::detail
