#pragma once
// Blocking work (file loading through the env) run off the scheduler: on a detached actor's
// own thread, with the result handed back to the asking actor in its own context.

#include <functional>
#include <memory>
#include <optional>

#include <caf/atom.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/spawn_options.hpp>

namespace auraos::actors {

/// Runs `work` on a thread of its own, then `done(result)` in `self`'s context. `self` never
/// blocks; the worker ends after `work`.
template <class T, class Self>
void run_blocking(Self* self, std::function<T()> work, std::function<void(T&)> done) {
  auto slot = std::make_shared<std::optional<T>>();
  auto worker = self->template spawn<caf::detached>(
      [work = std::move(work), slot](caf::event_based_actor* me) -> caf::behavior {
        return {[me, work, slot](caf::get_atom) {
          *slot = work();
          me->quit();
          return caf::ok_atom::value;
        }};
      });
  self->request(worker, caf::infinite, caf::get_atom::value)
      .then([slot, done = std::move(done)](caf::ok_atom) { done(**slot); });
}

}  // namespace auraos::actors
