// The pattern service's answers to the REST requests: create, replace, delete, read, list.
#include <caf/all.hpp>

#include "actors/events/pattern_service_state.hpp"
#include "actors/events/pattern_wire.hpp"

namespace auraos::actors::events::detail {
namespace {

namespace p = persistence;

executions::execution_failure failure_of(const p::store_error& error) {
  return {error.code, error.message, {}};
}

executions::execution_failure unavailable(const caf::error& e) {
  return {errc::unavailable, caf::to_string(e), {}};
}

}  // namespace

namespace {

/// Stores the rule; a created one starts after event `start_after`, a replaced one reads its
/// stored state.
void store_pattern(pattern_service_actor* self, pattern_put put,
                   std::optional<std::int64_t> start_after, caf::response_promise promise) {
  p::event_pattern_record record{put.id, put.name, put.kind, put.rule, 0, 0};
  auto mode = put.create ? p::pattern_put_mode::create : p::pattern_put_mode::update;
  p::write_request write{{p::put_event_pattern_op{std::move(record), mode}}};
  self->request(self->state.store, caf::infinite, std::move(write))
      .then(
          [self, promise, start_after](p::write_outcome& outcome) mutable {
            if (!outcome) return promise.deliver(pattern_reply(fail(failure_of(outcome.error()))));
            auto* stored = outcome->empty()
                               ? nullptr
                               : std::get_if<p::event_pattern_record>(&outcome->front());
            if (!stored)
              return promise.deliver(pattern_reply(fail(executions::execution_failure{
                  errc::internal, "put event pattern: the store answered no rule", {}})));
            auto& s = self->state;
            runtime::events::patterns::pattern_progress figures;
            if (auto it = s.patterns.find(stored->id); it != s.patterns.end())
              figures = it->second.figures;
            stop_pattern(self, stored->id);
            s.deleted.erase(stored->id);
            start_pattern(self, *stored, std::nullopt, start_after);
            s.patterns[stored->id].figures = figures;
            promise.deliver(pattern_reply(info_of(self, *stored)));
          },
          [promise](caf::error& e) mutable {
            promise.deliver(pattern_reply(fail(unavailable(e))));
          });
}

}  // namespace

void put_pattern(pattern_service_actor* self, pattern_put put, caf::response_promise promise) {
  if (!put.create) return store_pattern(self, std::move(put), std::nullopt, promise);
  // A new rule sees the events stored after the answer: it starts after the last seq stored
  // before the rule was.
  self->request(self->state.store, caf::infinite, store::last_event_seq_query{})
      .then(
          [self, put = std::move(put), promise](p::store_result<std::int64_t>& last) mutable {
            if (!last) return promise.deliver(pattern_reply(fail(failure_of(last.error()))));
            store_pattern(self, std::move(put), *last, promise);
          },
          [promise](caf::error& e) mutable {
            promise.deliver(pattern_reply(fail(unavailable(e))));
          });
}

void delete_pattern(pattern_service_actor* self, std::string id, caf::response_promise promise) {
  p::write_request write{{p::delete_event_pattern_op{id}}};
  self->request(self->state.store, caf::infinite, std::move(write))
      .then(
          [self, promise, id](p::write_outcome& outcome) mutable {
            if (!outcome) return promise.deliver(pattern_reply(fail(failure_of(outcome.error()))));
            auto info = info_of(self, p::event_pattern_record{id, {}, {}, {}, 0, 0});
            stop_pattern(self, id);
            if (!self->state.loaded) self->state.deleted.insert(id);
            promise.deliver(pattern_reply(std::move(info)));
          },
          [promise](caf::error& e) mutable {
            promise.deliver(pattern_reply(fail(unavailable(e))));
          });
}

void get_pattern(pattern_service_actor* self, std::string id, caf::response_promise promise) {
  self->request(self->state.store, caf::infinite, store::get_pattern_query{std::move(id)})
      .then(
          [self, promise](p::store_result<p::event_pattern_record>& found) mutable {
            if (!found) return promise.deliver(pattern_reply(fail(failure_of(found.error()))));
            promise.deliver(pattern_reply(info_of(self, std::move(*found))));
          },
          [promise](caf::error& e) mutable {
            promise.deliver(pattern_reply(fail(unavailable(e))));
          });
}

void list_patterns(pattern_service_actor* self, p::page_request page,
                   caf::response_promise promise) {
  self->request(self->state.store, caf::infinite, store::list_patterns_query{std::move(page)})
      .then(
          [self, promise](p::store_result<p::page<p::event_pattern_record>>& found) mutable {
            if (!found)
              return promise.deliver(pattern_page_reply(fail(failure_of(found.error()))));
            p::page<pattern_info> out;
            out.next_cursor = found->next_cursor;
            for (auto& r : found->items) out.items.push_back(info_of(self, std::move(r)));
            promise.deliver(pattern_page_reply(std::move(out)));
          },
          [promise](caf::error& e) mutable {
            promise.deliver(pattern_page_reply(fail(unavailable(e))));
          });
}

}  // namespace auraos::actors::events::detail
