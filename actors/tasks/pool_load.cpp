// Loading the pool at every (re)start: the definitions, then the unfinished runs. A run whose
// attempt was running on this pool when it stopped runs that attempt again (at least once).

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/tasks/pool_state.hpp"
#include "actors/tasks/task_secrets.hpp"
#include "runtime/crypto/secret_keys.hpp"

namespace auraos::actors::tasks::detail {
namespace {

namespace p = persistence;

/// What a load read.
struct loaded {
  std::vector<p::task_record> tasks;
  std::vector<p::task_run_record> runs;
  std::map<std::string, std::string> ended;  ///< Statuses of ended runs some run depends on.
};

/// Reads the statuses of the ended runs the unfinished ones depend on.
p::store_status read_ended_dependencies(p::task_store& db, loaded& out) {
  std::set<std::string> unfinished;
  for (const auto& run : out.runs) unfinished.insert(run.id);
  for (const auto& run : out.runs) {
    auto deps = nlohmann::json::parse(run.depends_on, nullptr, false);
    if (!deps.is_array()) continue;
    for (const auto& d : deps) {
      auto id = d.is_object() ? d.value("runId", "") : "";
      if (id.empty() || unfinished.count(id) || out.ended.count(id)) continue;
      auto row = db.get_task_run(id);
      if (row) out.ended[id] = row->status;
      else if (row.error().code != p::store_errc::not_found) return fail(row.error());
    }
  }
  return {};
}

/// Reads every task, then every unfinished run.
p::store_status read_all(p::task_store& db, loaded& out) {
  p::page_request page;
  page.limit = 1000;
  for (;;) {
    auto tasks = db.list_tasks({}, page);
    if (!tasks) return fail(tasks.error());
    for (auto& t : tasks->items) out.tasks.push_back(std::move(t));
    if (!tasks->next_cursor) break;
    page.cursor = tasks->next_cursor;
  }
  auto runs = db.unfinished_task_runs();
  if (!runs) return fail(runs.error());
  out.runs = std::move(*runs);
  return read_ended_dependencies(db, out);
}

/// Takes over an unfinished run after a (re)start; the runs whose interrupted attempt must
/// run again are added to `requeued` (stored as queued before they are placed).
void recover(pool_actor* self, p::task_run_record run, std::vector<p::task_run_record>& requeued) {
  auto& s = self->state;
  auto spec = s.specs.find(run.task_id);
  if (spec == s.specs.end()) return;
  if (run.status != "running") return place_run(self, std::move(run));
  if (spec->second->type == "external" && run.lease_id) {
    // A worker holds the lease: its actor waits for the worker (or the lease's end).
    place_run(self, run);
    auto& live = s.runs[run.id];
    set_place(s, live, run_place::running);
    run_args args{run, spec->second, s.store, self, s.options.env, s.options.runners, {}, {}};
    args.executions = caf::actor_cast<executions::executions_actor>(
        self->system().registry().get(executions::executions_registry_name));
    live.actor = spawn_run_actor(self->system(), std::move(args));
    self->monitor(live.actor);
    s.monitored[live.actor.address()] = run.id;
    return;
  }
  run.status = "queued";
  run.attempts = std::max<std::int64_t>(0, run.attempts - 1);
  run.started_at.reset();
  run.worker.reset();
  run.resource_allocation.reset();
  requeued.push_back(std::move(run));
}

}  // namespace

void load(pool_actor* self) {
  auto out = std::make_shared<loaded>();
  store::task_read read{[out](p::task_store& db) { return read_all(db, *out); }};
  self->request(self->state.store, caf::infinite, std::move(read))
      .then([self, out](p::store_status& status) {
        if (!status) {
          spdlog::warn("tasks: cannot load the tasks and their runs yet: {}; retrying",
                       status.error().message);
          return self->delayed_send(self, std::chrono::milliseconds(500), reload_atom::value);
        }
        auto& s = self->state;
        for (const auto& task : out->tasks) {
          auto spec = spec_of(task.definition);
          if (spec)
            s.specs[task.id] = with_secrets(*spec, task, *s.options.secret_keys);
          else
            spdlog::error("tasks: the stored task {} cannot be read: {}", task.id, spec.error());
        }
        s.ended = std::move(out->ended);
        std::vector<p::task_run_record> requeued;
        for (auto& run : out->runs) recover(self, std::move(run), requeued);
        if (requeued.empty()) return self->send(self, loaded_atom::value);
        p::write_request write;
        write.wait_for_database = true;
        for (const auto& run : requeued) {
          write.ops.emplace_back(p::update_task_run_op{run});
          write.ops.emplace_back(p::append_task_log_op{
              run.id,
              {{0, s.options.env->now_ms(), "system",
                "attempt " + std::to_string(run.attempts + 1) +
                    " was interrupted when its node stopped: it runs again"}}});
        }
        spdlog::info("tasks: {} interrupted task run(s) queued again", requeued.size());
        self->request(s.store, caf::infinite, std::move(write))
            .then([self, requeued](p::write_outcome&) {
              for (const auto& run : requeued) place_run(self, run);
              self->send(self, loaded_atom::value);
            });
      });
}

}  // namespace auraos::actors::tasks::detail
