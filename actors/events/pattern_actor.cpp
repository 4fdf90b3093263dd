// The actor of one pattern rule (see pattern_actor.hpp).
#include "actors/events/pattern_actor.hpp"

#include <algorithm>
#include <chrono>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/env.hpp"
#include "actors/events/events_service.hpp"
#include "actors/events/pattern_wire.hpp"
#include "runtime/events/patterns/derived_event.hpp"
#include "runtime/events/patterns/lineage.hpp"
#include "runtime/events/patterns/rule_parse.hpp"
#include "runtime/events/patterns/rule_types.hpp"
#include "runtime/events/patterns/stored_pattern.hpp"

namespace auraos::actors::events {
namespace {

namespace p = persistence;
namespace pt = runtime::events::patterns;

/// `(tick_atom, generation)`: the matcher's deadline came.
using pattern_tick_atom = caf::atom_constant<caf::atom("evpattick")>;
/// `(save_atom)`: the coalesced state write is due.
using pattern_save_atom = caf::atom_constant<caf::atom("evpatsave")>;

/// At most one state write per this long (a crash replays the events since the last one).
constexpr std::chrono::milliseconds save_interval{100};
/// Events read per page while replaying.
constexpr std::int64_t replay_page = 500;

struct pattern_state {
  pattern_state() = default;
  pattern_args args;
  std::optional<pt::rule> rule;
  std::optional<pt::matcher> matcher;
  std::vector<std::string> types;
  pt::pattern_progress progress;
  /// Restored and replayed: live events are handled at once (else they wait in `held`).
  bool ready = false;
  std::vector<p::event_record> held;
  bool dirty = false;
  bool save_armed = false;
  /// Derived events waiting for the state write that precedes them.
  std::vector<p::event_record> to_publish;
  std::uint64_t timer_generation = 0;
  std::optional<std::int64_t> armed;
  static inline const char* name = "event-pattern";
};

using pattern_actor = caf::stateful_actor<pattern_state>;

std::int64_t now(pattern_actor* self) { return self->state.args.env->now_ms(); }
const std::string& id_of(pattern_actor* self) { return self->state.args.record.id; }

/// Writes the state now; then publishes the derived events that waited for it.
void save(pattern_actor* self) {
  auto& s = self->state;
  s.dirty = false;
  auto published = std::move(s.to_publish);
  s.to_publish.clear();
  p::write_request write{{p::put_pattern_state_op{
      id_of(self), pt::stored_pattern_text(*s.matcher, s.progress)}}};
  write.wait_for_database = true;
  self->request(s.args.store, caf::infinite, std::move(write))
      .then([self, published = std::move(published)](p::write_outcome& outcome) {
        if (!outcome)
          spdlog::warn("event pattern {}: storing its state: {}", id_of(self),
                       outcome.error().message);
        for (const auto& e : published)
          self->request(self->state.args.service, caf::infinite, publish_atom::value,
                        publish_request{{e}})
              .then([self](publish_reply& reply) {
                if (!reply)
                  spdlog::warn("event pattern {}: publishing its derived event: {}", id_of(self),
                               reply.error().message);
              });
      });
}

/// Arms the coalesced state write.
void mark_dirty(pattern_actor* self) {
  auto& s = self->state;
  s.dirty = true;
  if (s.save_armed) return;
  s.save_armed = true;
  s.args.env->send_after(self, save_interval, pattern_save_atom::value);
}

/// Arms the one timer at the matcher's next deadline (when it moved).
void arm(pattern_actor* self) {
  auto& s = self->state;
  auto deadline = pt::next_deadline(*s.matcher);
  if (deadline == s.armed) return;
  s.armed = deadline;
  ++s.timer_generation;
  if (deadline) s.args.env->send_at(self, *deadline, pattern_tick_atom::value, s.timer_generation);
}

/// Emits the derived events of `matches` (after storing the state) at lineage depth `depth`.
void emit(pattern_actor* self, const std::vector<pt::match>& matches, std::int64_t depth) {
  if (matches.empty()) return;
  auto& s = self->state;
  for (const auto& m : matches) {
    auto derived = pt::derive_event(*s.rule, m);
    derived.metadata = pt::lineage_metadata(id_of(self), depth);
    s.to_publish.push_back(std::move(derived));
    ++s.progress.matches;
    s.progress.last_match_ms = m.at_ms;
    self->send(s.args.manager, pattern_matched_atom::value, id_of(self), m.at_ms);
  }
  save(self);
}

/// The time an event counts at: when it was stored (the matcher's clock never goes back, so an
/// event handed on late does not move it backwards), else now.
std::int64_t event_time(pattern_actor* self, const p::event_record& e) {
  return e.stored_at > 0 ? e.stored_at : now(self);
}

/// Feeds one stored event at `at_ms` (skips events handled before and the rule's own output).
void handle(pattern_actor* self, const p::event_record& e, std::int64_t at_ms) {
  auto& s = self->state;
  if (e.seq != 0 && e.seq <= s.progress.seq) return;
  s.progress.seq = std::max(s.progress.seq, e.seq);
  if (!std::binary_search(s.types.begin(), s.types.end(), e.type)) return;
  auto origin = pt::lineage_of(e);
  if (origin.pattern_id == id_of(self) || origin.depth >= max_pattern_depth) return;
  auto matches = pt::on_event(*s.matcher, e, at_ms);
  mark_dirty(self);
  emit(self, matches, origin.depth + 1);
}

/// Lets the matcher's time pass to now.
void tick(pattern_actor* self) {
  auto& s = self->state;
  auto matches = pt::on_time(*s.matcher, now(self));
  mark_dirty(self);
  emit(self, matches, 1);
}

/// Replay ended: handles what arrived meanwhile and lets time that passed while down fire.
void go_live(pattern_actor* self) {
  auto& s = self->state;
  s.ready = true;
  auto held = std::move(s.held);
  s.held.clear();
  for (const auto& e : held) handle(self, e, event_time(self, e));
  tick(self);
  arm(self);
}

/// Feeds the stored events of the rule's types after the state's seq, page by page.
void replay(pattern_actor* self, std::optional<std::string> cursor) {
  auto& s = self->state;
  store::list_events_query q;
  q.filter.types = s.types;
  q.filter.after_seq = s.progress.seq;
  q.page.limit = replay_page;
  q.page.cursor = std::move(cursor);
  self->request(s.args.store, caf::infinite, std::move(q))
      .then([self](p::store_result<p::page<p::event_record>>& page) {
        if (!page) {
          spdlog::warn("event pattern {}: replaying stored events: {}", id_of(self),
                       page.error().message);
          return go_live(self);
        }
        // A replayed event is handled at the time it was stored, as it would have been live.
        for (const auto& e : page->items) handle(self, e, e.stored_at);
        if (page->next_cursor) return replay(self, page->next_cursor);
        go_live(self);
      });
}

/// Starts from a stored state text: restore, then replay what was stored after it.
void restore(pattern_actor* self, const std::string& text) {
  auto& s = self->state;
  auto restored = pt::restore_stored_pattern(*s.rule, text);
  if (restored.problem)
    spdlog::warn("event pattern {}: starting a fresh matcher: {}", id_of(self),
                 *restored.problem);
  s.matcher = std::move(restored.restored);
  s.progress = restored.progress;
  replay(self, std::nullopt);
}

/// Starts with a fresh matcher after event `seq`; stores that state at once.
void start_after(pattern_actor* self, std::int64_t seq) {
  auto& s = self->state;
  s.matcher = pt::make_matcher(*s.rule);
  s.progress.seq = seq;
  save(self);
  go_live(self);
}

/// Starts with a fresh matcher after the last stored event.
void start_fresh(pattern_actor* self) {
  self->request(self->state.args.store, caf::infinite, store::last_event_seq_query{})
      .then([self](p::store_result<std::int64_t>& last) { start_after(self, last ? *last : 0); });
}

/// Reads the stored state (after a failure or a change of the rule).
void load_state(pattern_actor* self) {
  self->request(self->state.args.store, caf::infinite, store::pattern_states_query{})
      .then([self](p::store_result<std::vector<p::event_pattern_state>>& states) {
        if (states)
          for (const auto& st : *states)
            if (st.pattern_id == id_of(self)) return restore(self, st.state);
        start_fresh(self);
      });
}

caf::behavior pattern(pattern_actor* self, pattern_args args) {
  auto& s = self->state;
  s.args = std::move(args);
  auto parsed = pt::parse_rule_text(s.args.record.rule);
  if (!parsed) {
    spdlog::error("event pattern {}: its stored rule is refused: {}", id_of(self),
                  parsed.error().empty() ? "" : parsed.error().front());
    self->quit();
    return {};
  }
  s.rule = std::move(parsed).value();
  s.types = pt::rule_types(*s.rule);
  if (s.args.state) restore(self, *s.args.state);
  else if (s.args.start_after) start_after(self, *s.args.start_after);
  else load_state(self);
  return {
      [self](pattern_events_atom, const std::vector<p::event_record>& events) {
        auto& s = self->state;
        if (!s.ready) return s.held.insert(s.held.end(), events.begin(), events.end()), void();
        for (const auto& e : events) handle(self, e, event_time(self, e));
        arm(self);
      },
      [self](pattern_tick_atom, std::uint64_t generation) {
        auto& s = self->state;
        if (generation != s.timer_generation || !s.ready) return;
        s.armed.reset();
        tick(self);
        arm(self);
      },
      [self](pattern_save_atom) {
        auto& s = self->state;
        s.save_armed = false;
        if (s.dirty && s.matcher) save(self);
      },
  };
}

}  // namespace

caf::actor spawn_pattern(caf::local_actor* parent, pattern_args args) {
  return parent->spawn(pattern, std::move(args));
}

}  // namespace auraos::actors::events
