// The fire decision with a simulated clock: overlap policies, the catch-up window, caps, pauses.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "runtime/schedule/fire_decision.hpp"

using namespace auraos::runtime::schedule;
using times = std::vector<std::int64_t>;

namespace {

constexpr std::int64_t minute = 60'000;

schedule_spec every(std::int64_t seconds, overlap_policy overlap, std::int64_t window_seconds) {
  auto spec = *parse_schedule_text(R"({"every": )" + std::to_string(seconds) + "}");
  spec.overlap = overlap;
  spec.catchup_window_ms = window_seconds * 1000;
  return spec;
}

fire_state state(std::int64_t last, bool running = false, bool buffered = false) {
  return {0, last, running, buffered};
}

times skipped_times(const fire_decision& d, skip_reason reason) {
  times found;
  for (const auto& s : d.skipped)
    if (s.reason == reason) found.push_back(s.at_ms);
  return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_decision)

BOOST_AUTO_TEST_CASE(a_due_fire_time_starts_and_the_next_one_is_the_wake_up) {
  auto d = decide_fires(every(60, overlap_policy::skip, 60), state(0), minute);
  BOOST_TEST(d.start == times{minute});
  BOOST_TEST(d.skipped.empty());
  BOOST_TEST(d.skipped_count == 0u);
  BOOST_TEST(d.last_handled_ms == minute);
  BOOST_TEST(d.next_wake_ms.value_or(-1) == 2 * minute);
  for (auto policy :
       {overlap_policy::buffer_one, overlap_policy::allow_all, overlap_policy::cancel_other}) {
    auto one = decide_fires(every(60, policy, 60), state(0), minute);
    BOOST_TEST_CONTEXT(to_string(policy)) {
      BOOST_TEST(one.start == times{minute});
      BOOST_TEST(one.skipped_count == 0u);
      BOOST_TEST(!one.buffer.has_value());
      BOOST_TEST(!one.cancel_running);
    }
  }
  auto early = decide_fires(every(60, overlap_policy::skip, 60), state(0), minute - 1);
  BOOST_TEST(early.start.empty());
  BOOST_TEST(early.next_wake_ms.value_or(-1) == minute);
}

BOOST_AUTO_TEST_CASE(overlap_policies_while_a_run_is_running) {
  auto skip = decide_fires(every(60, overlap_policy::skip, 60), state(0, true), minute);
  BOOST_TEST(skip.start.empty());
  BOOST_TEST(skipped_times(skip, skip_reason::overlap) == times{minute});
  auto buffer = decide_fires(every(60, overlap_policy::buffer_one, 60), state(0, true), minute);
  BOOST_TEST(buffer.start.empty());
  BOOST_TEST(buffer.buffer.value_or(-1) == minute);
  BOOST_TEST(buffer.skipped.empty());
  auto full = decide_fires(every(60, overlap_policy::buffer_one, 60), state(0, true, true), minute);
  BOOST_TEST(!full.buffer.has_value());
  BOOST_TEST(skipped_times(full, skip_reason::overlap) == times{minute});
  auto all = decide_fires(every(60, overlap_policy::allow_all, 60), state(0, true), minute);
  BOOST_TEST(all.start == times{minute});
  BOOST_TEST(!all.cancel_running);
  auto cancel = decide_fires(every(60, overlap_policy::cancel_other, 60), state(0, true), minute);
  BOOST_TEST(cancel.start == times{minute});
  BOOST_TEST(cancel.cancel_running);
}

BOOST_AUTO_TEST_CASE(catch_up_runs_the_window_per_policy_and_skips_older_fire_times) {
  // Down from 0 to 10 minutes; window 150 s: 8, 9 and 10 minutes are inside it.
  const times outside{1 * minute, 2 * minute, 3 * minute, 4 * minute,
                      5 * minute, 6 * minute, 7 * minute};
  auto skip = decide_fires(every(60, overlap_policy::skip, 150), state(0), 10 * minute);
  BOOST_TEST(skipped_times(skip, skip_reason::outside_catchup_window) == outside);
  BOOST_TEST(skip.start == times{8 * minute});
  BOOST_TEST(skipped_times(skip, skip_reason::overlap) == (times{9 * minute, 10 * minute}));
  BOOST_TEST(skip.skipped_count == 9u);
  BOOST_TEST(skip.skipped.front().at_ms == minute);  // oldest first
  auto buffer = decide_fires(every(60, overlap_policy::buffer_one, 150), state(0), 10 * minute);
  BOOST_TEST(buffer.start == times{8 * minute});
  BOOST_TEST(buffer.buffer.value_or(-1) == 9 * minute);
  BOOST_TEST(skipped_times(buffer, skip_reason::overlap) == times{10 * minute});
  auto all = decide_fires(every(60, overlap_policy::allow_all, 150), state(0), 10 * minute);
  BOOST_TEST(all.start == (times{8 * minute, 9 * minute, 10 * minute}));
  BOOST_TEST(all.skipped_count == 7u);
  auto cancel = decide_fires(every(60, overlap_policy::cancel_other, 150), state(0), 10 * minute);
  BOOST_TEST(cancel.start == times{10 * minute});
  BOOST_TEST(!cancel.cancel_running);
  BOOST_TEST(skipped_times(cancel, skip_reason::overlap) == (times{8 * minute, 9 * minute}));
  BOOST_TEST(cancel.last_handled_ms == 10 * minute);
  BOOST_TEST(cancel.next_wake_ms.value_or(-1) == 11 * minute);
}

BOOST_AUTO_TEST_CASE(the_window_includes_its_oldest_instant) {
  auto d = decide_fires(every(60, overlap_policy::allow_all, 120), state(0), 10 * minute);
  BOOST_TEST(d.start == (times{8 * minute, 9 * minute, 10 * minute}));
  auto zero = decide_fires(every(60, overlap_policy::allow_all, 0), state(0), 10 * minute);
  BOOST_TEST(zero.start == times{10 * minute});
  BOOST_TEST(zero.skipped_count == 9u);
  auto late = decide_fires(every(60, overlap_policy::allow_all, 0), state(0), 10 * minute + 1);
  BOOST_TEST(late.start.empty());
  BOOST_TEST(late.skipped_count == 10u);
}

BOOST_AUTO_TEST_CASE(long_downtime_lists_a_thousand_skips_and_counts_them_all) {
  // Every second for 10,000 s; the last 61 fall inside a 60 s window.
  auto d = decide_fires(every(1, overlap_policy::skip, 60), state(0), 10'000'000);
  BOOST_TEST(d.skipped.size() == max_listed_fires);
  BOOST_TEST(d.skipped_count == 9999u);
  BOOST_TEST(d.start == times{9'940'000});
  BOOST_TEST(d.skipped.back().at_ms == 1'000'000);
  auto all = decide_fires(every(1, overlap_policy::allow_all, 2000), state(0), 10'000'000);
  BOOST_TEST(all.start.size() == max_listed_fires);
  BOOST_TEST(all.start.front() == 9'001'000);
  BOOST_TEST(all.start.back() == 10'000'000);
  BOOST_TEST(all.skipped_count == 9000u);
  BOOST_TEST(skipped_times(all, skip_reason::catchup_limit).empty());  // listing is full already
}

BOOST_AUTO_TEST_CASE(a_paused_schedule_records_its_fire_times_and_sleeps) {
  auto spec = every(60, overlap_policy::allow_all, 3600);
  spec.paused = true;
  auto d = decide_fires(spec, state(0), 10 * minute);
  BOOST_TEST(d.start.empty());
  BOOST_TEST(skipped_times(d, skip_reason::paused).size() == 10u);
  BOOST_TEST(d.last_handled_ms == 10 * minute);
  BOOST_TEST(!d.next_wake_ms.has_value());
}

BOOST_AUTO_TEST_CASE(at_fires_once_then_never_wakes_again) {
  auto spec = *parse_schedule_text(R"({"at": "1970-01-01T00:00:05Z"})");
  auto before = decide_fires(spec, state(0), 4000);
  BOOST_TEST(before.start.empty());
  BOOST_TEST(before.next_wake_ms.value_or(-1) == 5000);
  auto due = decide_fires(spec, state(4000), 5000);
  BOOST_TEST(due.start == times{5000});
  BOOST_TEST(!due.next_wake_ms.has_value());
}

BOOST_AUTO_TEST_CASE(cron_catch_up_after_a_day_of_downtime) {
  auto spec = *parse_schedule_text(R"({"cron": "0 * * * *", "catchupWindowSeconds": 3600})");
  const std::int64_t dec1 = 1796083200000, hour = 3'600'000;  // 2026-12-01T00:00:00Z
  auto d = decide_fires(spec, state(dec1), dec1 + 24 * hour + 30 * minute);
  BOOST_TEST(d.start == times{dec1 + 24 * hour});
  BOOST_TEST(d.skipped_count == 23u);
  BOOST_TEST(d.skipped.front().at_ms == dec1 + hour);
  BOOST_TEST(d.next_wake_ms.value_or(-1) == dec1 + 25 * hour);
}

BOOST_AUTO_TEST_CASE(a_clock_that_went_back_changes_nothing) {
  auto d = decide_fires(every(60, overlap_policy::skip, 60), state(10 * minute), 5 * minute);
  BOOST_TEST(d.start.empty());
  BOOST_TEST(d.skipped_count == 0u);
  BOOST_TEST(d.last_handled_ms == 10 * minute);
  BOOST_TEST(d.next_wake_ms.value_or(-1) == 11 * minute);
}

BOOST_AUTO_TEST_SUITE_END()
