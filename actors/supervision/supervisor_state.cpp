#include "actors/supervision/supervisor_state.hpp"

#include <algorithm>
#include <exception>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

namespace auraos::actors::supervision::detail {
namespace sv = runtime::supervision;
using sv::child_status;

namespace {

child_list& children_of(supervisor_actor* self) {
  return *self->state.children;
}

/// Tells the change listener (if any) that a child's state moved.
void changed(supervisor_actor* self) {
  if (self->state.config.on_change) self->state.config.on_change();
}

sv::exit_kind classify(const caf::error& reason) {
  if (!reason || reason == caf::exit_reason::normal) return sv::exit_kind::normal;
  if (reason == caf::exit_reason::user_shutdown) return sv::exit_kind::shutdown;
  return sv::exit_kind::abnormal;
}

std::vector<sv::restart_type> restart_types(const child_list& kids) {
  std::vector<sv::restart_type> types;
  for (const auto& kid : kids) types.push_back(kid.spec.restart);
  return types;
}

/// Forgets the children at `indices`; exits already sent to live ones are not awaited.
void remove_children(supervisor_actor* self, std::vector<std::size_t> indices) {
  auto& kids = children_of(self);
  std::sort(indices.rbegin(), indices.rend());
  for (auto i : indices) {
    if (kids[i].handle) self->demonitor(kids[i].handle);
    kids.erase(kids.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

std::chrono::milliseconds next_delay(supervisor_actor* self, child_record& child) {
  auto& st = self->state;
  if (st.config.env->steady_now() - child.started_at >= st.config.intensity.period)
    child.attempt = 0;
  return st.backoff->delay(++child.attempt);
}

/// Schedules group `token`'s restart once none of its members is still stopping.
void schedule_when_stopped(supervisor_actor* self, std::uint64_t token) {
  auto& kids = children_of(self);
  auto in_group = [token](const child_record& c) { return c.restart_token == token; };
  if (std::any_of(kids.begin(), kids.end(), [&](const child_record& c) {
        return in_group(c) && c.status == child_status::stopping;
      }))
    return;
  auto it = std::find_if(kids.begin(), kids.end(), [&](const child_record& c) {
    return in_group(c) && c.status == child_status::restarting;
  });
  if (it != kids.end())
    self->state.config.env->send_after(self, it->restart_delay, restart_due_atom::value, token);
}

void escalate(supervisor_actor* self, const child_record& child) {
  const auto& cfg = self->state.config;
  auto text = fmt::format(
      "supervisor '{}' exceeded its restart intensity ({} restarts within {} ms); "
      "last failure of '{}': {}",
      cfg.name, cfg.intensity.max_restarts, cfg.intensity.period.count(), child.spec.name,
      child.last_failure.value_or("none"));
  begin_shutdown(self, caf::make_error(caf::sec::runtime_error, std::move(text)));
}

void restart_group(supervisor_actor* self, std::size_t failed, const sv::restart_plan& plan) {
  auto& st = self->state;
  auto& kids = children_of(self);
  if (!st.intensity->record_restart()) return escalate(self, kids[failed]);
  auto token = st.next_token++;
  auto delay = next_delay(self, kids[failed]);
  spdlog::warn("supervisor '{}' restarts '{}' in {} ms after: {}", st.config.name,
               kids[failed].spec.name, delay.count(), kids[failed].last_failure.value_or("exit"));
  for (auto i : plan.stop)
    if (kids[i].handle && kids[i].status == child_status::running) stop_child(self, kids[i]);
  for (auto i : plan.restart) {
    kids[i].restart_token = token;
    kids[i].restart_delay = delay;
    if (kids[i].status != child_status::stopping) kids[i].status = child_status::restarting;
  }
  remove_children(self, plan.remove);
  schedule_when_stopped(self, token);
}

void handle_exit(supervisor_actor* self, std::size_t index, sv::exit_kind kind, std::string text) {
  auto& kids = children_of(self);
  if (kind == sv::exit_kind::abnormal) kids[index].last_failure = std::move(text);
  auto plan = sv::plan_restart(self->state.config.strategy, restart_types(kids), index, kind);
  if (!plan.restart.empty()) return restart_group(self, index, plan);
  kids[index].status = child_status::stopped;
  if (kids[index].dynamic && plan.remove.empty()) plan.remove.push_back(index);
  remove_children(self, plan.remove);
}

}  // namespace

child_record& add_record(supervisor_actor* self, child_spec spec, bool dynamic) {
  auto& record = children_of(self).emplace_back();
  record.id = self->state.next_id++;
  record.spec = std::move(spec);
  record.dynamic = dynamic;
  return record;
}

void start_child(supervisor_actor* self, child_record& child) {
  try {
    child.handle = child.spec.start ? child.spec.start(self) : caf::actor{};
  } catch (const std::exception& e) {
    child.last_failure = fmt::format("start of '{}' failed: {}", child.spec.name, e.what());
  }
  child.started_at = self->state.config.env->steady_now();
  if (!child.handle) {
    if (!child.last_failure) child.last_failure = "start function returned no actor";
    child.status = child_status::restarting;
    changed(self);
    return self->send(self, start_failed_atom::value, child.id);
  }
  self->monitor(child.handle);
  child.status = child_status::running;
  changed(self);
}

child_record* find_live_child(supervisor_actor* self, const std::string& name) {
  for (auto& kid : children_of(self))
    if (kid.spec.name == name && kid.handle) return &kid;
  return nullptr;
}

void on_child_down(supervisor_actor* self, const caf::down_msg& msg) {
  auto& kids = children_of(self);
  auto it = std::find_if(kids.begin(), kids.end(),
                         [&](const child_record& c) { return c.handle.address() == msg.source; });
  if (it == kids.end()) return;
  it->handle = nullptr;
  changed(self);
  if (self->state.stopping) {
    it->status = child_status::stopped;
    return continue_shutdown(self);
  }
  if (it->status == child_status::stopping) {
    it->status = child_status::restarting;
    return schedule_when_stopped(self, it->restart_token);
  }
  auto index = static_cast<std::size_t>(it - kids.begin());
  handle_exit(self, index, classify(msg.reason), self->system().render(msg.reason));
}

void on_start_failed(supervisor_actor* self, std::uint64_t id) {
  auto& kids = children_of(self);
  auto it =
      std::find_if(kids.begin(), kids.end(), [id](const child_record& c) { return c.id == id; });
  if (self->state.stopping || it == kids.end() || it->handle) return;
  auto index = static_cast<std::size_t>(it - kids.begin());
  handle_exit(self, index, sv::exit_kind::abnormal, it->last_failure.value_or("start failed"));
}

void on_restart_due(supervisor_actor* self, std::uint64_t token) {
  if (self->state.stopping) return;
  for (auto& kid : children_of(self)) {
    if (kid.restart_token != token || kid.status != child_status::restarting) continue;
    ++kid.restarts;
    start_child(self, kid);
  }
}

}  // namespace auraos::actors::supervision::detail
