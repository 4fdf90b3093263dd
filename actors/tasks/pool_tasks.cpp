// Storing and deleting task definitions through the pool, which keeps their specs.

#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/tasks/pool_state.hpp"
#include "actors/tasks/scheduler.hpp"
#include "actors/tasks/task_secrets.hpp"
#include "runtime/crypto/secret_keys.hpp"

namespace auraos::actors::tasks::detail {
namespace {

namespace p = persistence;

/// The API refusal of a store error.
auraos::failure<task_failure> store_refusal(const p::store_error& error) {
  switch (error.code) {
    case p::store_errc::not_found: return refused(errc::not_found, error.message);
    case p::store_errc::conflict: return refused(errc::conflict, error.message);
    case p::store_errc::unavailable: return refused(errc::unavailable, error.message);
    default: return refused(errc::internal, error.message);
  }
}

/// The dependency path from `from` back to `target` through `specs`, if there is one.
bool reaches(const std::map<std::string, task_spec_ptr>& specs, const std::string& from,
             const std::string& target, std::set<std::string>& seen,
             std::vector<std::string>& path) {
  if (from == target) return true;
  if (!seen.insert(from).second) return false;
  auto it = specs.find(from);
  if (it == specs.end()) return false;
  for (const auto& dep : it->second->dependencies) {
    path.push_back(dep.task_id);
    if (reaches(specs, dep.task_id, target, seen, path)) return true;
    path.pop_back();
  }
  return false;
}

/// Why `spec` cannot join the stored tasks: an unknown dependency or a cycle.
std::optional<auraos::failure<task_failure>> dependency_problem(const pool_state& s, const task_spec& spec) {
  for (std::size_t i = 0; i < spec.dependencies.size(); ++i) {
    const auto& dep = spec.dependencies[i];
    auto at = "dependencies[" + std::to_string(i) + "].taskId: ";
    if (dep.task_id != spec.id && !s.specs.count(dep.task_id))
      return refused(errc::invalid_definition, at + "no task has the id " + dep.task_id);
    std::set<std::string> seen;
    std::vector<std::string> path{spec.id, dep.task_id};
    if (dep.task_id == spec.id || reaches(s.specs, dep.task_id, spec.id, seen, path)) {
      std::string cycle;
      for (const auto& id : path) cycle += (cycle.empty() ? "" : " -> ") + id;
      if (dep.task_id == spec.id) cycle = spec.id + " -> " + spec.id;
      return refused(errc::invalid_definition, at + "the dependencies form a cycle: " + cycle);
    }
  }
  return std::nullopt;
}

}  // namespace

void put_task(pool_actor* self, task_put put, caf::response_promise promise) {
  auto& s = self->state;
  auto found = s.specs.find(put.task.id);
  auto previous = found == s.specs.end() || put.create ? task_spec_ptr{} : found->second;
  // Secret config values are stored sealed, "***" in the definition (task_secrets.hpp).
  auto spec = seal_task_secrets(put.task, previous, *s.options.secret_keys);
  if (!spec)
    return promise.deliver(task_reply{refused(errc::invalid_definition, spec.error())});
  if (auto problem = dependency_problem(s, **spec))
    return promise.deliver(task_reply{std::move(*problem)});
  p::write_request write;
  write.ops.emplace_back(p::put_task_op{
      std::move(put.task), put.create ? p::task_put_mode::create : p::task_put_mode::update});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, promise, spec = *spec](p::write_outcome& outcome) mutable {
        if (!outcome) return promise.deliver(task_reply{store_refusal(outcome.error())});
        auto& stored = std::get<p::task_record>(outcome->front());
        self->state.specs[stored.id] = spec;
        promise.deliver(task_reply{std::move(stored)});
      });
}

void delete_task(pool_actor* self, const task_delete& del, caf::response_promise promise) {
  auto& s = self->state;
  for (const auto& [id, other] : s.specs)
    for (const auto& dep : other->dependencies)
      if (dep.task_id == del.id && id != del.id)
        return promise.deliver(task_reply{refused(errc::conflict, "task " + id + " depends on task " + del.id + ": change it first")});
  p::write_request write;
  write.ops.emplace_back(p::delete_task_op{del.id});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, promise, id = del.id](p::write_outcome& outcome) mutable {
        if (!outcome) return promise.deliver(task_reply{store_refusal(outcome.error())});
        self->state.specs.erase(id);
        if (auto scheduler = self->system().registry().get(scheduler_registry_name))
          self->send(caf::actor_cast<caf::actor>(scheduler), id);
        p::task_record gone;
        gone.id = id;
        promise.deliver(task_reply{std::move(gone)});
      });
}

}  // namespace auraos::actors::tasks::detail
