// The pool's admission decision (docs/tasks.md, "Admission"), one rule per case. The same rules
// as properties over random workloads: task_admission_sim_test.cpp.

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "runtime/tasks/admission.hpp"

using namespace auraos::runtime::tasks;
using strings = std::vector<std::string>;

namespace {

constexpr std::int64_t now = 20'000 * 60'000;  // an aging step boundary

resource_amounts units(std::initializer_list<std::pair<const std::string, double>> amounts) {
  resource_amounts out;
  for (const auto& [name, value] : amounts) out.emplace(name, to_amount(value));
  return out;
}

pool_settings pool(int workers = 16) {
  return {units({{"cpu", 8}, {"memoryMiB", 1024}}), workers, 60'000, {}};
}

/// A waiting run of task `task` asking for `resources`, enqueued at `at` with `priority`.
waiting_run run(std::string id, resource_amounts resources, std::int64_t priority = 0,
                std::int64_t at = now, std::string task = "t") {
  static std::uint64_t sequence = 0;
  waiting_run out;
  out.run_id = std::move(id);
  out.task_id = std::move(task);
  out.priority = priority;
  out.enqueued_at = at;
  out.sequence = ++sequence;
  out.resources = std::move(resources);
  return out;
}

/// A running run of `task` holding `allocation`.
running_run holding(resource_amounts allocation, std::string task = "other") {
  return {std::move(task), std::nullopt, std::move(allocation)};
}

strings started(const admission& decision) {
  strings ids;
  for (const auto& s : decision.start) ids.push_back(s.run_id);
  return ids;
}

strings started(const pool_settings& p, const pool_usage& usage,
                const std::vector<waiting_run>& waiting, std::int64_t at = now) {
  return started(admit(p, usage, waiting, at));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(task_admission)

BOOST_AUTO_TEST_CASE(higher_priority_first_then_first_come_first_served) {
  std::vector<waiting_run> waiting{run("low-early", {}, 0, now - 10), run("low-late", {}, 0),
                                   run("high", {}, 5, now - 5)};
  BOOST_TEST(started(pool(2), {}, waiting) == (strings{"high", "low-early"}));
  BOOST_TEST(started(pool(3), {}, waiting) == (strings{"high", "low-early", "low-late"}));
}

BOOST_AUTO_TEST_CASE(same_millisecond_runs_start_by_sequence) {
  auto a = run("a", {}), b = run("b", {});
  std::swap(a.sequence, b.sequence);
  BOOST_TEST(started(pool(1), {}, {a, b}) == strings{"b"});
}

BOOST_AUTO_TEST_CASE(a_waiting_run_gains_a_level_per_aging_step) {
  auto old = run("old", {}, 0, now - 3 * 60'000);
  BOOST_TEST(effective_priority(old, 60'000, now) == 3);
  BOOST_TEST(effective_priority(old, 60'000, now + 59'999) == 3);  // now is a step boundary
  BOOST_TEST(effective_priority(old, 60'000, now + 60'000) == 4);
  BOOST_TEST(effective_priority(old, 0, now) == 0);
  // Three levels gained: it outranks a priority-2 newcomer, ties a priority-3 one (and is older).
  BOOST_TEST(started(pool(1), {}, {run("new2", {}, 2), old}) == strings{"old"});
  BOOST_TEST(started(pool(1), {}, {run("new3", {}, 3), old}) == strings{"old"});
  BOOST_TEST(started(pool(1), {}, {run("new4", {}, 4), old}) == strings{"new4"});
}

BOOST_AUTO_TEST_CASE(runs_start_only_into_free_capacity) {
  pool_usage usage{{holding(units({{"cpu", 3}}))}, {}};
  std::vector<waiting_run> waiting{run("a", units({{"cpu", 2}})), run("b", units({{"cpu", 2}})),
                                   run("c", units({{"cpu", 2}}))};
  auto decision = admit(pool(), usage, waiting, now);
  BOOST_TEST(started(decision) == (strings{"a", "b"}));
  BOOST_TEST((decision.start[0].allocation == units({{"cpu", 2}})));
}

BOOST_AUTO_TEST_CASE(fractional_amounts_add_up_exactly) {
  std::vector<waiting_run> waiting;
  for (int i = 0; i < 11; ++i)
    waiting.push_back(run("r" + std::to_string(i), units({{"cpu", 0.1}})));
  pool_settings one{units({{"cpu", 1}}), 16, 60'000, {}};
  BOOST_TEST(started(one, {}, waiting).size() == 10u);
  BOOST_TEST(format_amount(to_amount(0.1) * 3) == "0.3");
  BOOST_TEST(format_amount(to_amount(8)) == "8");
}

BOOST_AUTO_TEST_CASE(never_more_runs_than_workers) {
  pool_usage usage{{holding({}), holding({})}, {}};
  std::vector<waiting_run> waiting{run("a", {}), run("b", {}), run("c", {})};
  BOOST_TEST(started(pool(3), usage, waiting) == strings{"a"});
  auto full = admit(pool(2), usage, waiting, now);
  BOOST_TEST(full.start.empty());
  BOOST_TEST(!full.wake_at.has_value());
}

BOOST_AUTO_TEST_CASE(runs_the_pool_can_never_start_are_reported_not_kept_waiting) {
  auto decision =
      admit(pool(), {},
            {run("gpu", units({{"cpu", 1}, {"gpu", 1}})), run("huge", units({{"cpu", 8.5}})),
             run("zero-gpu", units({{"cpu", 1}, {"gpu", 0}}))},
            now);
  BOOST_TEST(started(decision) == strings{"zero-gpu"});
  BOOST_TEST_REQUIRE(decision.unrunnable.size() == 2u);
  BOOST_TEST(decision.unrunnable[0].reason ==
             "needs resource \"gpu\" (1), which this pool does not have");
  BOOST_TEST(decision.unrunnable[1].reason == "needs 8.5 cpu, more than this pool's capacity of 8");
}

BOOST_AUTO_TEST_CASE(concurrency_limits_count_per_task_or_per_key) {
  auto limited = [](std::string id, std::optional<std::string> key) {
    auto r = run(std::move(id), {});
    r.concurrency = run_concurrency{1, std::move(key)};
    return r;
  };
  pool_usage one_running{{{"t", std::string{"c1"}, {}}}, {}};
  BOOST_TEST(started(pool(), one_running, {limited("whole-task", std::nullopt)}).empty());
  BOOST_TEST(started(pool(), one_running,
                     {limited("c1", "c1"), limited("c2", "c2"), limited("c2-again", "c2")}) ==
             strings{"c2"});
}

BOOST_AUTO_TEST_CASE(rate_limits_count_starts_in_a_sliding_window_and_say_when_it_reopens) {
  auto rated = [](std::string id) {
    auto r = run(std::move(id), {});
    r.rate = run_rate{2, 1000};
    return r;
  };
  pool_usage usage{{}, {{"t", {now - 1500, now - 400}}}};  // only now - 400 is in the window
  auto decision = admit(pool(), usage, {rated("a"), rated("b"), rated("c")}, now);
  BOOST_TEST(started(decision) == strings{"a"});
  BOOST_TEST_REQUIRE(decision.wake_at.has_value());
  BOOST_TEST(*decision.wake_at == now - 400 + 1000);
  BOOST_TEST(started(pool(), usage, {rated("b")}, now + 599) == strings{"b"});
  usage.recent_starts["t"].push_back(now);
  BOOST_TEST(started(pool(), usage, {rated("b")}, now + 599).empty());
  BOOST_TEST(started(pool(), usage, {rated("b")}, now + 600) == strings{"b"});
}

BOOST_AUTO_TEST_CASE(lower_runs_never_take_what_the_first_waiting_run_needs) {
  pool_usage usage{{holding(units({{"cpu", 4}}))}, {}};
  std::vector<waiting_run> waiting{run("head", units({{"cpu", 6}, {"memoryMiB", 100}}), 5),
                                   run("cpu", units({{"cpu", 1}})),
                                   run("memory-left", units({{"memoryMiB", 924}})),
                                   run("memory-over", units({{"memoryMiB", 1}}))};
  // cpu: 4 free, all of it owed to the head; memory: 1024 free, 100 owed, 924 for the rest.
  BOOST_TEST(started(pool(), usage, waiting) == strings{"memory-left"});
}

BOOST_AUTO_TEST_CASE(lower_runs_backfill_what_the_first_waiting_run_does_not_need) {
  pool_settings with_gpu{units({{"cpu", 8}, {"gpu", 1}}), 16, 60'000, {}};
  pool_usage usage{{holding(units({{"gpu", 1}}))}, {}};
  std::vector<waiting_run> waiting{run("head", units({{"cpu", 4}, {"gpu", 1}}), 5),
                                   run("fits-beside", units({{"cpu", 4}})),
                                   run("too-much", units({{"cpu", 1}}))};
  BOOST_TEST(started(with_gpu, usage, waiting) == strings{"fits-beside"});
}

BOOST_AUTO_TEST_CASE(runs_held_by_their_own_limits_do_not_hold_back_others) {
  auto head = run("limited", units({{"cpu", 8}}), 5);
  head.concurrency = run_concurrency{1, std::nullopt};
  pool_usage usage{{{"t", std::nullopt, {}}}, {}};
  BOOST_TEST(started(pool(), usage, {head, run("small", units({{"cpu", 1}}), 0, now, "u")}) ==
             strings{"small"});
}

BOOST_AUTO_TEST_CASE(a_pool_serves_only_its_queues) {
  auto p = pool();
  p.queues = {"reports"};
  auto other = run("other", {});
  auto mine = run("mine", {});
  mine.queue = "reports";
  BOOST_TEST(started(p, {}, {other, mine}) == strings{"mine"});
}

/// Milliseconds for 20 calls of `decide`, and the runs the last call started.
template <class Decide>
std::pair<std::int64_t, std::size_t> time_calls(Decide decide) {
  auto begin = std::chrono::steady_clock::now();
  std::size_t count = 0;
  for (int call = 0; call < 20; ++call) count = decide().start.size();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  begin);
  return {ms.count(), count};
}

/// 20,000 runs of 50 tasks: sizes 0.5 to 6.5 cpu, priorities 0 to 9, enqueued over 10 minutes.
std::vector<waiting_run> twenty_thousand() {
  std::vector<waiting_run> waiting;
  for (int i = 0; i < 20'000; ++i)
    waiting.push_back(run("r" + std::to_string(i), units({{"cpu", 0.5 + (i % 7)}}), i % 10,
                          now - (i * 37) % 600'000, "t" + std::to_string(i % 50)));
  return waiting;
}

BOOST_AUTO_TEST_CASE(runs_given_in_rank_order_are_decided_as_runs_in_any_order) {
  auto waiting = twenty_thousand();
  waiting.resize(300);
  waiting.push_back(run("gpu", units({{"gpu", 1}}), 100));
  std::vector<const waiting_run*> sorted;
  for (const auto& r : waiting) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return rank_of(*a, 60'000) < rank_of(*b, 60'000); });
  pool_usage usage{{holding(units({{"cpu", 2.5}}))}, {}};
  std::size_t i = 0;
  auto cursor = [&] { return i < sorted.size() ? sorted[i++] : nullptr; };
  auto from_sorted = admit(pool(), usage, cursor, now);
  auto any_order = admit(pool(), usage, waiting, now);
  BOOST_TEST(started(from_sorted) == started(any_order));
  BOOST_TEST(!any_order.start.empty());
  BOOST_TEST_REQUIRE(from_sorted.unrunnable.size() == 1u);
  BOOST_TEST(from_sorted.unrunnable[0].run_id == "gpu");
}

BOOST_AUTO_TEST_CASE(twenty_thousand_waiting_runs_are_decided_quickly) {
  auto waiting = twenty_thousand();
  auto big = pool();
  big.capacity = units({{"cpu", 1000}});
  pool_usage light, heavy;
  for (int i = 0; i < 10; ++i) {
    light.running.push_back(holding(units({{"cpu", 1}})));
    heavy.running.push_back(holding(units({{"cpu", 99.9}})));
  }
  // Any order: every run is ranked on every call.
  auto [any_ms, any_started] = time_calls([&] { return admit(big, light, waiting, now); });
  // Kept in rank order by the caller: the walk looks at runs until the workers are full...
  std::vector<const waiting_run*> sorted;
  for (const auto& r : waiting) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return rank_of(*a, 60'000) < rank_of(*b, 60'000); });
  auto from_sorted = [&](const pool_usage& usage) {
    std::size_t i = 0;
    return admit(
        big, usage, [&] { return i < sorted.size() ? sorted[i++] : nullptr; }, now);
  };
  auto [fill_ms, filled] = time_calls([&] { return from_sorted(light); });
  // ...or, when nothing fits, at every run.
  auto [walk_ms, none] = time_calls([&] { return from_sorted(heavy); });
  BOOST_TEST_MESSAGE("20 calls over 20,000 waiting runs: "
                     << any_ms << " ms in any order, " << fill_ms
                     << " ms sorted (filling the workers), " << walk_ms
                     << " ms sorted (starting none)");
  BOOST_TEST(any_started == filled);
  BOOST_TEST(filled == 6u);
  BOOST_TEST(none == 0u);
  BOOST_TEST(fill_ms < 20);
  BOOST_TEST(any_ms + walk_ms < 4000);  // tens of ms on an idle machine; generous when loaded
}

BOOST_AUTO_TEST_SUITE_END()
