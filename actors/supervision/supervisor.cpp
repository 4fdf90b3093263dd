#include "actors/supervision/supervisor.hpp"

#include <set>
#include <utility>

#include <fmt/format.h>
#include <caf/all.hpp>

#include "actors/supervision/supervisor_state.hpp"

namespace auraos::actors::supervision {
namespace sv = runtime::supervision;
using detail::supervisor_actor;

namespace {

caf::error supervisor_error(const supervisor_config& cfg, const std::string& what) {
  return caf::make_error(caf::sec::runtime_error,
                         fmt::format("supervisor '{}': {}", cfg.name, what));
}

std::optional<std::string> duplicate_name(const std::vector<child_spec>& specs) {
  std::set<std::string> seen;
  for (const auto& spec : specs)
    if (!seen.insert(spec.name).second) return spec.name;
  return std::nullopt;
}

caf::result<caf::actor> add_child(supervisor_actor* self, child_spec& spec) {
  const auto& cfg = self->state.config;
  if (self->state.stopping)
    return supervisor_error(cfg, fmt::format("is stopping; cannot add child '{}'", spec.name));
  if (detail::find_live_child(self, spec.name))
    return supervisor_error(cfg, fmt::format("already has a live child named '{}'", spec.name));
  auto& record = detail::add_record(self, std::move(spec), true);
  detail::start_child(self, record);
  if (!record.handle) return supervisor_error(cfg, record.last_failure.value_or("start failed"));
  return record.handle;
}

caf::result<caf::actor> live_child(supervisor_actor* self, const std::string& name) {
  if (auto* record = detail::find_live_child(self, name)) return record->handle;
  return supervisor_error(self->state.config, fmt::format("has no live child named '{}'", name));
}

/// Fills in the defaults and the intensity and backoff counters.
void init_state(supervisor_actor* self, supervisor_config config) {
  auto& st = self->state;
  config.env = env_or_real(config.env);
  if (!config.random) config.random = random_source(config.env);
  st.intensity.emplace(config.intensity, steady_source(config.env));
  st.backoff.emplace(config.backoff, config.random);
  st.config = std::move(config);
}

/// If the supervisor dies without an orderly stop, its children must not outlive it.
void stop_orphans_on_exit(supervisor_actor* self) {
  self->attach_functor([children = self->state.children] {
    for (auto& kid : *children)
      if (kid.handle) caf::anon_send_exit(kid.handle, caf::exit_reason::user_shutdown);
  });
}

void start_static_children(supervisor_actor* self) {
  auto specs = std::move(self->state.config.children);
  self->state.config.children.clear();
  if (auto name = duplicate_name(specs))
    return self->quit(
        supervisor_error(self->state.config, fmt::format("duplicate child name '{}'", *name)));
  for (auto& spec : specs) detail::add_record(self, std::move(spec), false);
  for (auto& record : *self->state.children) detail::start_child(self, record);
}

caf::behavior supervisor(supervisor_actor* self, supervisor_config config) {
  init_state(self, std::move(config));
  self->set_down_handler([self](caf::down_msg& msg) { detail::on_child_down(self, msg); });
  self->set_exit_handler([self](caf::exit_msg& msg) {
    if (msg.reason && msg.reason != caf::exit_reason::normal)
      detail::begin_shutdown(self, std::move(msg.reason));
  });
  stop_orphans_on_exit(self);
  start_static_children(self);
  return {
      [self](tree_atom) { return detail::collect_tree(self); },
      [self](add_child_atom, child_spec& spec) { return add_child(self, spec); },
      [self](child_atom, const std::string& name) { return live_child(self, name); },
      [self](detail::restart_due_atom, std::uint64_t token) {
        detail::on_restart_due(self, token);
      },
      [self](detail::start_failed_atom, std::uint64_t id) { detail::on_start_failed(self, id); },
      [self](detail::stop_timeout_atom, std::uint64_t generation) {
        detail::on_stop_timeout(self, generation);
      },
  };
}

}  // namespace

caf::actor spawn_supervisor(caf::actor_system& system, supervisor_config config) {
  return system.spawn(supervisor, std::move(config));
}

child_spec supervisor_child(supervisor_config config, sv::restart_type restart) {
  child_spec spec;
  spec.name = config.name;
  spec.kind = "supervisor";
  spec.restart = restart;
  spec.start = [config = std::move(config)](caf::local_actor* parent) {
    return parent->spawn(supervisor, config);
  };
  return spec;
}

}  // namespace auraos::actors::supervision
