#include "runtime/schedule/fire_decision.hpp"

#include <algorithm>

#include "runtime/schedule/fire_times.hpp"

namespace auraos::runtime::schedule {
namespace {

/// Builds one decision; `anchor` is the `every` anchor of the state.
class decider {
 public:
  decider(const schedule_spec& spec, std::int64_t anchor) : spec_(spec), anchor_(anchor) {}

  /// The fire times in (after, until], oldest first, at most `limit` of them.
  std::vector<std::int64_t> listed(std::int64_t after, std::int64_t until,
                                   std::size_t limit) const {
    std::vector<std::int64_t> times;
    for (auto at = after; times.size() < limit;) {
      auto next = next_fire_time(spec_, anchor_, at);
      if (!next || *next > until) break;
      times.push_back(at = *next);
    }
    return times;
  }

  /// The latest `limit` fire times in (after, until], oldest first: looks back from `until`
  /// over a doubling stretch until it holds enough of them.
  std::vector<std::int64_t> latest(std::int64_t after, std::int64_t until,
                                   std::size_t limit) const {
    std::int64_t from = after;
    for (std::int64_t stretch = 1000; until - stretch > after; stretch *= 2) {
      if (count_fire_times(spec_, anchor_, until - stretch, until) >= limit) {
        from = until - stretch;
        break;
      }
    }
    auto times = listed(from, until, static_cast<std::size_t>(-1));
    if (times.size() > limit) times.erase(times.begin(), times.end() - static_cast<long>(limit));
    return times;
  }

  /// Records every fire time in (after, until] as skipped: the first ones listed, all counted.
  void skip(std::int64_t after, std::int64_t until, skip_reason reason) {
    if (until <= after) return;
    for (auto at : listed(after, until, max_listed_fires - decision.skipped.size()))
      decision.skipped.push_back({at, reason});
    decision.skipped_count += count_fire_times(spec_, anchor_, after, until);
  }

  /// Applies the overlap policy to the fire times in (after, now], all inside the window.
  void apply_policy(const fire_state& state, std::int64_t after, std::int64_t now) {
    auto first_two = listed(after, now, 2);
    if (first_two.empty()) return;
    switch (spec_.overlap) {
      case overlap_policy::skip:
        if (state.running) return skip(after, now, skip_reason::overlap);
        decision.start.push_back(first_two[0]);
        return skip(first_two[0], now, skip_reason::overlap);
      case overlap_policy::buffer_one: {
        std::int64_t handled = after;  // fire times up to here are started or buffered
        if (!state.running && !state.buffered) {
          decision.start.push_back(handled = first_two[0]);
          first_two.erase(first_two.begin());
        }
        if (!state.buffered && !first_two.empty()) decision.buffer = handled = first_two[0];
        return skip(handled, now, skip_reason::overlap);
      }
      case overlap_policy::cancel_other: {
        auto last = latest(after, now, 1).back();
        skip(after, last - 1, skip_reason::overlap);
        decision.start.push_back(last);
        decision.cancel_running = state.running;
        return;
      }
      case overlap_policy::allow_all: {
        auto last = latest(after, now, max_listed_fires);
        skip(after, last.front() - 1, skip_reason::catchup_limit);
        decision.start = std::move(last);
        return;
      }
    }
  }

  /// The decision being built.
  fire_decision decision;

 private:
  const schedule_spec& spec_;
  std::int64_t anchor_;
};

}  // namespace

std::string_view to_string(skip_reason reason) {
  switch (reason) {
    case skip_reason::overlap:
      return "overlap";
    case skip_reason::outside_catchup_window:
      return "outside_catchup_window";
    case skip_reason::paused:
      return "paused";
    case skip_reason::catchup_limit:
      return "catchup_limit";
  }
  return "overlap";
}

fire_decision decide_fires(const schedule_spec& spec, const fire_state& state,
                           std::int64_t now_ms) {
  decider d{spec, state.anchor_ms};
  std::int64_t last = state.last_handled_ms;
  d.decision.last_handled_ms = std::max(last, now_ms);
  if (spec.paused) {
    d.skip(last, now_ms, skip_reason::paused);
    return std::move(d.decision);
  }
  // A fire time F is inside the window when F >= now - window, so older ones end at that - 1.
  std::int64_t window_end = now_ms - spec.catchup_window_ms - 1;
  d.skip(last, std::min(now_ms, window_end), skip_reason::outside_catchup_window);
  d.apply_policy(state, std::max(last, window_end), now_ms);
  d.decision.next_wake_ms = next_fire_time(spec, state.anchor_ms, d.decision.last_handled_ms);
  return std::move(d.decision);
}

}  // namespace auraos::runtime::schedule
