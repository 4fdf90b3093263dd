// A clustered node's share of the event streams: the stream of a type belongs to the shard its
// type hashes to (`shard_of(type)`, as an execution's id does), and the node holding that shard
// runs the type's triggers. When the node gains shards it offers the events stored after each
// one's trigger cursor to their triggers again (the last holder may have died before it started
// their executions; one started already is found by its idempotency key, the event id), and
// only then stores those shards' cursors. The holder of shard 0 also runs the pattern rules.
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include "actors/events/service_state.hpp"
#include "persistence/shards.hpp"

namespace auraos::actors::events::detail {
namespace {

namespace p = persistence;

/// Events read per page of a replay.
constexpr std::int64_t replay_page = 500;

/// One replay of gained shards: from where each one's triggers go on, up to the last event the
/// follower had offered when they were gained.
struct shard_replay {
  std::map<std::int64_t, std::int64_t> from;  ///< Per shard: its events after this seq.
  std::int64_t upto = 0;
  std::size_t pending = 1;  ///< Offers not yet answered, plus one while pages are read.
};

/// The replay ended: the shards' cursors may be written from now on.
void replayed(service_actor* self, const std::shared_ptr<shard_replay>& run) {
  if (--run->pending > 0) return;
  auto& s = self->state;
  for (const auto& [shard, from] : run->from) s.replaying.erase(shard);
  spdlog::info("events: {} gained shard(s) offered to their triggers again", run->from.size());
  arm_cursor_write(self);
}

/// Offers the next page of the replay (events after `after`).
void replay_page_after(service_actor* self, std::shared_ptr<shard_replay> run, std::int64_t after) {
  store::list_events_query read;
  read.filter.after_seq = after;
  read.page.limit = replay_page;
  self->request(self->state.store, caf::infinite, std::move(read))
      .then([self, run](p::store_result<p::page<p::event_record>>& page) {
        auto& s = self->state;
        if (!page) {
          // The shards stay `replaying` (no cursor written): the next holder offers them again.
          spdlog::warn("events: offering the events of gained shards again: {}",
                       page.error().message);
          return;
        }
        std::map<std::string, std::vector<p::event_record>> by_type;
        for (auto& e : page->items) {
          if (e.seq > run->upto) break;
          auto shard = p::shard_of(e.type, s.shard_count);
          auto from = run->from.find(shard);
          if (from == run->from.end() || e.seq <= from->second || !s.held_shards.count(shard))
            continue;
          by_type[e.type].push_back(std::move(e));
        }
        for (auto& [type, events] : by_type) {
          auto triggers = s.triggers.find(type);
          if (triggers == s.triggers.end()) continue;
          ++run->pending;
          offer(self, type, std::move(events), triggers->second,
                [self, run] { replayed(self, run); });
        }
        auto last = page->items.empty() ? run->upto : page->items.back().seq;
        if (page->next_cursor && last < run->upto) return replay_page_after(self, run, last);
        replayed(self, run);
      });
}

/// Reads the stored cursors of `gained` (and the single node's `triggers` cursor, a lower bound
/// for every shard), then offers what each one's triggers have not seen.
void replay_gained(service_actor* self, std::vector<std::int64_t> gained) {
  auto run = std::make_shared<shard_replay>();
  run->upto = std::max<std::int64_t>(self->state.follow_mark, 0);
  auto names = std::make_shared<std::vector<std::string>>();
  names->push_back("triggers");
  for (auto shard : gained) names->push_back(shard_cursor_name(shard));
  auto cursors = std::make_shared<std::vector<std::int64_t>>(names->size(), 0);
  auto left = std::make_shared<std::size_t>(names->size());
  for (std::size_t i = 0; i < names->size(); ++i)
    self->request(self->state.store, caf::infinite, store::event_cursor_query{(*names)[i]})
        .then([self, run, gained, cursors, left, i](p::store_result<std::int64_t>& cursor) {
          if (cursor)
            (*cursors)[i] = *cursor;
          else
            spdlog::warn("events: reading a trigger cursor: {}", cursor.error().message);
          if (--*left > 0) return;
          std::int64_t lowest = run->upto;
          for (std::size_t k = 0; k < gained.size(); ++k) {
            auto from = std::max((*cursors)[0], (*cursors)[k + 1]);
            run->from[gained[k]] = from;
            lowest = std::min(lowest, from);
          }
          replay_page_after(self, run, lowest);
        });
}

}  // namespace

void set_shards(service_actor* self, std::vector<std::int64_t> held, std::int64_t count) {
  auto& s = self->state;
  if (!s.options.clustered) return;
  s.shard_count = count;
  std::set<std::int64_t> now(held.begin(), held.end());
  std::vector<std::int64_t> gained;
  for (auto shard : now)
    if (!s.held_shards.count(shard)) gained.push_back(shard);
  for (auto shard : s.held_shards)
    if (!now.count(shard)) {
      s.replaying.erase(shard);
      s.shard_cursors.erase(shard);
    }
  s.held_shards = std::move(now);
  set_coordinator(self, s.held_shards.count(executions::event_coordinator_shard) > 0);
  if (gained.empty()) return;
  s.replaying.insert(gained.begin(), gained.end());
  s.gains_waiting.insert(s.gains_waiting.end(), gained.begin(), gained.end());
  if (s.ready) replay_waiting_gains(self);
}

void replay_waiting_gains(service_actor* self) {
  auto& s = self->state;
  if (s.gains_waiting.empty()) return;
  std::vector<std::int64_t> gained;
  for (auto shard : std::exchange(s.gains_waiting, {}))
    if (s.held_shards.count(shard)) gained.push_back(shard);
  if (!gained.empty()) replay_gained(self, std::move(gained));
}

}  // namespace auraos::actors::events::detail
