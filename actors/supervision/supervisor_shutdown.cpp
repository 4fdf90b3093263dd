#include <algorithm>

#include <caf/all.hpp>

#include "actors/supervision/supervisor_state.hpp"

namespace auraos::actors::supervision::detail {
using runtime::supervision::child_status;

namespace {

void arm_stop_timer(supervisor_actor* self) {
  auto& st = self->state;
  self->delayed_send(self, st.config.shutdown_timeout, stop_timeout_atom::value,
                     ++st.stop_generation);
}

}  // namespace

void stop_child(supervisor_actor* self, child_record& child) {
  child.status = child_status::stopping;
  self->send_exit(child.handle, caf::exit_reason::user_shutdown);
  arm_stop_timer(self);
}

void continue_shutdown(supervisor_actor* self) {
  auto& kids = *self->state.children;
  auto stopping = [](const child_record& c) { return c.status == child_status::stopping; };
  if (std::any_of(kids.begin(), kids.end(), stopping)) return;
  auto live = std::find_if(kids.rbegin(), kids.rend(),
                           [](const child_record& c) { return static_cast<bool>(c.handle); });
  if (live == kids.rend()) return self->quit(self->state.exit_reason);
  stop_child(self, *live);
}

void begin_shutdown(supervisor_actor* self, caf::error reason) {
  auto& st = self->state;
  if (st.stopping) return;
  st.stopping = true;
  st.exit_reason = std::move(reason);
  for (auto& kid : *self->state.children)
    if (!kid.handle) kid.status = child_status::stopped;
  continue_shutdown(self);
}

void on_stop_timeout(supervisor_actor* self, std::uint64_t generation) {
  if (generation != self->state.stop_generation) return;
  for (auto& kid : *self->state.children)
    if (kid.handle && kid.status == child_status::stopping)
      self->send_exit(kid.handle, caf::exit_reason::kill);
}

}  // namespace auraos::actors::supervision::detail
