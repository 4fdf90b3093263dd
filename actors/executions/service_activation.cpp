// Activation on demand, request routing and reads from the store.
#include <caf/actor_system.hpp>

#include "actors/executions/execution_records.hpp"
#include "actors/executions/execution_view.hpp"
#include "actors/executions/service_state.hpp"
#include "runtime/definition/parse.hpp"

namespace auraos::actors::executions::detail {

namespace p = persistence;

namespace {

namespace sv = runtime::supervision;

execution_failure failure(errc code, std::string message) {
  return {code, std::move(message), {}};
}

supervision::child_spec execution_child(service_actor* self, const std::string& id,
                                        std::shared_ptr<execution_preload> preload) {
  execution_args args{id,
                      self->state.store,
                      caf::actor_cast<caf::actor>(self),
                      self->state.runners,
                      self->state.options,
                      std::move(preload),
                      self->state.leases->fence_for(id)};
  supervision::child_spec spec;
  spec.name = id;
  spec.kind = "execution";
  spec.restart = sv::restart_type::transient;
  spec.start = [args](caf::local_actor* parent) { return spawn_execution(parent, args); };
  return spec;
}

/// Answers the requests waiting for the activation of `id` with `why`.
void fail_waiters(service_actor* self, const std::string& id, const execution_failure& why) {
  auto waiters = std::move(self->state.activating[id]);
  self->state.activating.erase(id);
  for (auto& w : waiters) w.failed(why);
  settle_revokes(self, id);
}

void activation_failed(service_actor* self, const std::string& id, const std::string& why) {
  fail_waiters(self, id,
               failure(errc::unavailable, "execution " + id + " cannot be activated: " + why));
}

}  // namespace

void activate(service_actor* self, const std::string& id,
              std::shared_ptr<execution_preload> preload) {
  if (!self->state.leases) {
    self->state.awaiting_leases.emplace_back(id, std::move(preload));
    return;
  }
  if (!holds(self->state, id)) return fail_waiters(self, id, not_held(self->state, id));
  ++self->state.counters.activations;
  self->request(self->state.supervisor, caf::infinite, supervision::add_child_atom::value,
                execution_child(self, id, std::move(preload)))
      .then([self, id](caf::actor& actor) { on_live(self, id, actor); },
            [self, id](caf::error& e) { activation_failed(self, id, self->system().render(e)); });
}

void read_stored_view(service_actor* self, p::execution_record row,
                      caf::response_promise promise) {
  auto store = self->state.store;
  self->request(store, caf::infinite, store::get_workflow_query{row.workflow_id, row.revision})
      .then([self, store, row, promise](p::store_result<p::workflow_record>& wf) mutable {
        if (!wf)
          return promise.deliver(
              execution_reply(fail(failure(errc::internal, wf.error().message))));
        auto parsed = runtime::definition::parse_workflow(wf->definition);
        if (!parsed)
          return promise.deliver(execution_reply(
              fail(failure(errc::internal, "workflow of " + row.id + " is invalid"))));
        self->request(store, caf::infinite, store::read_history_query{row.id, 0})
            .then([row, promise, wf = std::move(*parsed)](
                      p::store_result<std::vector<p::history_event>>& rows) mutable {
              if (!rows)
                return promise.deliver(
                    execution_reply(fail(failure(errc::internal, rows.error().message))));
              auto st = runtime::engine::initial_state(wf);
              for (const auto& r : *rows)
                if (auto record = from_stored(r)) runtime::engine::apply(st, *record);
              promise.deliver(execution_reply(view_of(row, st)));
            });
      });
}

namespace {

void forward(service_actor* self, caf::actor actor, caf::atom_value action, const std::string& id,
             caf::response_promise promise, bool retry) {
  self->request(actor, caf::infinite, action, id)
      .then([promise](execution_reply& reply) mutable { promise.deliver(std::move(reply)); },
            [self, actor, action, id, promise, retry](caf::error&) mutable {
              auto it = self->state.live.find(id);
              if (it != self->state.live.end() && it->second == actor) self->state.live.erase(it);
              if (retry) return route(self, action, id, promise, false);
              promise.deliver(execution_reply(
                  fail(failure(errc::unavailable, "execution " + id + " is not reachable"))));
            });
}

}  // namespace

void on_live(service_actor* self, const std::string& id, caf::actor actor) {
  auto& s = self->state;
  if (auto it = s.stopping.find(id); it != s.stopping.end() && it->second == actor) return;
  auto known = s.live.find(id);
  if (known == s.live.end() || known->second != actor) {
    self->monitor(actor);
    s.monitored[actor.address()] = id;
  }
  if (!holds(s, id)) {  // its shard was given up while it loaded: it must not write
    s.stopping[id] = actor;
    s.live.erase(id);
    self->send<caf::message_priority::high>(actor, lease_lost_atom::value);
    return fail_waiters(self, id, not_held(s, id));
  }
  s.live[id] = actor;
  auto waiters = std::move(s.activating[id]);
  s.activating.erase(id);
  for (auto& w : waiters) w.ready(actor);
}

void with_actor(service_actor* self, const std::string& id, std::function<void(caf::actor)> ready,
                std::function<void(execution_failure)> failed,
                std::shared_ptr<execution_preload> preload) {
  auto& s = self->state;
  if (auto it = s.live.find(id); it != s.live.end()) return ready(it->second);
  bool in_progress = s.activating.count(id) > 0 || s.stopping.count(id) > 0;
  s.activating[id].push_back({std::move(ready), std::move(failed)});
  if (!in_progress) activate(self, id, std::move(preload));
}

void route_created(service_actor* self, const std::string& id,
                   std::shared_ptr<execution_preload> preload, caf::response_promise promise) {
  with_actor(
      self, id,
      [self, id, promise](caf::actor a) {
        forward(self, a, caf::get_atom::value, id, promise, true);
      },
      [promise](execution_failure f) mutable {
        promise.deliver(execution_reply(fail(std::move(f))));
      },
      std::move(preload));
}

void on_down(service_actor* self, const caf::down_msg& msg) {
  auto& s = self->state;
  auto found = s.monitored.find(msg.source);
  if (found == s.monitored.end()) return;
  auto id = std::move(found->second);
  s.monitored.erase(found);
  if (auto it = s.live.find(id); it != s.live.end() && it->second.address() == msg.source)
    s.live.erase(it);
  if (auto it = s.stopping.find(id); it != s.stopping.end() && it->second.address() == msg.source) {
    s.stopping.erase(it);
    if (s.activating.count(id)) activate(self, id);
  }
  settle_revokes(self, id);
}

void route(service_actor* self, caf::atom_value action, const std::string& id,
           caf::response_promise promise, bool retry) {
  if (auto it = self->state.live.find(id); it != self->state.live.end())
    return forward(self, it->second, action, id, promise, retry);
  self->request(self->state.store, caf::infinite, store::get_execution_query{id})
      .then([self, action, id, promise, retry](p::store_result<p::execution_record>& row) mutable {
        if (!row && row.error().code == p::store_errc::not_found)
          return promise.deliver(
              execution_reply(fail(failure(errc::not_found, "execution " + id + " not found"))));
        if (!row) return promise.deliver(execution_reply(fail(store_failure(row.error()))));
        if (!p::is_unfinished(row->status)) {
          if (action == caf::get_atom::value) return read_stored_view(self, std::move(*row), promise);
          return promise.deliver(execution_reply(
              fail(failure(errc::conflict,
                           "execution " + id + " is " + std::string(p::to_string(row->status))))));
        }
        with_actor(
            self, id,
            [self, action, id, promise, retry](caf::actor a) {
              forward(self, a, action, id, promise, retry);
            },
            [promise](execution_failure f) mutable {
              promise.deliver(execution_reply(fail(std::move(f))));
            });
      });
}

void locate(service_actor* self, const std::string& id, caf::response_promise promise) {
  if (auto it = self->state.live.find(id); it != self->state.live.end())
    return promise.deliver(locate_reply(it->second));
  self->request(self->state.store, caf::infinite, store::get_execution_query{id})
      .then([self, id, promise](p::store_result<p::execution_record>& row) mutable {
        if (!row)
          return promise.deliver(
              locate_reply(fail(failure(errc::not_found, "execution " + id + " not found"))));
        if (!p::is_unfinished(row->status))
          return promise.deliver(locate_reply(
              fail(failure(errc::conflict, "execution " + id + " has ended: it has no actor"))));
        with_actor(
            self, id, [promise](caf::actor a) mutable { promise.deliver(locate_reply(a)); },
            [promise](execution_failure f) mutable {
              promise.deliver(locate_reply(fail(std::move(f))));
            });
      });
}

void read_history(service_actor* self, store::read_history_query page, bool logs,
                  caf::response_promise promise) {
  self->request(self->state.store, caf::infinite, store::get_execution_query{page.execution_id})
      .then([self, page, logs, promise](p::store_result<p::execution_record>& row) mutable {
        const auto& id = page.execution_id;
        if (!row && row.error().code == p::store_errc::not_found)
          return promise.deliver(
              history_reply(fail(failure(errc::not_found, "execution " + id + " not found"))));
        if (!row) return promise.deliver(history_reply(fail(store_failure(row.error()))));
        auto limit = page.limit;
        if (limit > 0) ++page.limit;  // one more than asked: tells whether a next page exists
        self->request(self->state.store, caf::infinite, page)
            .then([logs, id, limit,
                   promise](p::store_result<std::vector<p::history_event>>& rows) mutable {
              if (!rows) return promise.deliver(history_reply(fail(store_failure(rows.error()))));
              history_page out;
              if (limit > 0 && static_cast<std::int64_t>(rows->size()) > limit) {
                rows->resize(static_cast<std::size_t>(limit));
                out.next_after = rows->back().seq;
              }
              if (logs)
                out.lines = log_lines(id, *rows);
              else
                out.records = history_entries(*rows);
              promise.deliver(history_reply(std::move(out)));
            });
      });
}

}  // namespace auraos::actors::executions::detail
