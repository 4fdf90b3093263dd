// A clustered node's events service follows the shared event log: every `follow_interval` it
// reads the events stored after the last one it read (by any node) and hands them, in storing
// order, to the node's live updates and its streams: waits of its executions, triggers of the
// types whose shards it holds, and (on the events coordinator, the holder of shard 0) the
// pattern rules. A seq becomes
// visible only after every lower one (docs/storage.md, Commit order across nodes), so "after the
// last one read" misses nothing.
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include "actors/events/service_state.hpp"

namespace auraos::actors::events::detail {
namespace {

namespace p = persistence;

/// Events read per page; a full page is followed by the next at once.
constexpr std::int64_t follow_page = 1000;
/// How often a clustered node reads the workflows' triggers again (a workflow stored on another
/// node tells only its own node).
constexpr std::int64_t trigger_refresh_ms = 2000;

void follow_later(service_actor* self) {
  self->state.options.env->send_after(self, self->state.options.follow_interval,
                                      follow_atom::value);
}

/// Hands a page of events read from the log on, in storing order: to the live updates, then
/// to the streams (waits, the triggers of the types whose shards are held here, patterns).
void take(service_actor* self, std::vector<p::event_record> page) {
  auto& s = self->state;
  s.follow_mark = page.back().seq;
  if (s.options.on_stored) s.options.on_stored(page);
  dispatch(self, std::move(page));
}

}  // namespace

void start_following(service_actor* self) {
  self->request(self->state.store, caf::infinite, store::last_event_seq_query{})
      .then([self](p::store_result<std::int64_t>& last) {
        if (!last) {
          spdlog::warn("events: reading the end of the event log: {}; again in a moment",
                       last.error().message);
          self->state.options.env->send_after(self, std::chrono::seconds(1), follow_atom::value);
          return;
        }
        self->state.follow_mark = *last;
        follow_later(self);
      });
}

void follow(service_actor* self) {
  auto& s = self->state;
  if (s.following) return;
  if (s.follow_mark < 0) return start_following(self);
  if (s.started && !s.reloading &&
      s.options.env->now_ms() - s.triggers_read_ms >= trigger_refresh_ms)
    load_triggers(self);
  s.following = true;
  store::list_events_query read;
  read.filter.after_seq = s.follow_mark;
  read.page.limit = follow_page;
  self->request(s.store, caf::infinite, std::move(read))
      .then([self](p::store_result<p::page<p::event_record>>& page) {
        auto& s = self->state;
        s.following = false;
        if (!page) {
          spdlog::warn("events: following the event log: {}", page.error().message);
          return follow_later(self);
        }
        auto full = page->next_cursor.has_value();
        if (!page->items.empty()) take(self, std::move(page->items));
        if (full) return follow(self);
        follow_later(self);
      });
}

void set_coordinator(service_actor* self, bool coordinator) {
  auto& s = self->state;
  if (!s.options.clustered || coordinator == s.coordinator) return;
  s.coordinator = coordinator;
  if (!coordinator) {
    spdlog::info("events: this node no longer runs the cluster's pattern rules");
    return stop_patterns(self);
  }
  spdlog::info("events: this node runs the cluster's pattern rules now");
  start_patterns(self);
}

}  // namespace auraos::actors::events::detail
