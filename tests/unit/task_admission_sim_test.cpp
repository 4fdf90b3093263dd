// The admission rules as properties (docs/tasks.md, "Admission"): seeded random workloads run on
// a simulated pool over simulated time, every rule checked after every admission call.

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "runtime/tasks/admission.hpp"

using namespace auraos::runtime::tasks;

namespace {

/// One task of a simulated workload (every run of it asks for the same).
struct sim_task {
  std::string id;
  std::int64_t priority = 0;
  resource_amounts resources;
  std::optional<run_concurrency> concurrency;  ///< `key` set: limit per key.
  std::optional<run_rate> rate;
  bool unrunnable = false;  ///< The pool cannot run it: expected reported, never started.
};

/// A run entering the queue.
struct sim_arrival {
  std::int64_t at = 0;
  std::size_t task = 0;
  std::string key;
  std::int64_t duration_ms = 1;
};

/// What happened, and every rule broken on the way.
struct sim_outcome {
  std::map<std::string, std::int64_t> started_at;
  std::vector<std::string> unrunnable;
  std::vector<std::string> violations;
  std::size_t calls = 0;
};

/// A run of the simulation: waiting, then running until `ends_at`.
struct sim_run {
  waiting_run run;
  std::int64_t duration_ms = 0;
  std::int64_t last_start_above = -1;  ///< Last start of a run ranked above it while it waited.
  std::int64_t ends_at = 0;
};

/// Runs arrivals (sorted by time) on a pool until every run has finished.
class pool_sim {
 public:
  pool_sim(pool_settings pool, std::vector<sim_task> tasks)
      : pool_(std::move(pool)), tasks_(std::move(tasks)) {}

  sim_outcome run(const std::vector<sim_arrival>& arrivals) {
    std::size_t next = 0;
    std::int64_t now = 0;
    while (next < arrivals.size() || !waiting_.empty() || !running_.empty()) {
      auto at = next_event(arrivals, next);
      if (!at) {
        violate(now, "runs wait but nothing will happen: a run waits forever");
        break;
      }
      now = *at;
      complete(now);
      for (; next < arrivals.size() && arrivals[next].at == now; ++next) arrive(arrivals[next]);
      decide(now);
      if (out_.violations.size() > 20) break;
    }
    check_rate_windows();
    return std::move(out_);
  }

 private:
  std::optional<std::int64_t> next_event(const std::vector<sim_arrival>& arrivals,
                                         std::size_t next) const {
    std::optional<std::int64_t> at = wake_at_;
    auto consider = [&](std::int64_t t) { at = std::min(at.value_or(t), t); };
    if (next < arrivals.size()) consider(arrivals[next].at);
    for (const auto& r : running_) consider(r.ends_at);
    return at;
  }

  void complete(std::int64_t now) {
    std::erase_if(running_, [&](const sim_run& r) { return r.ends_at <= now; });
  }

  void arrive(const sim_arrival& a) {
    const auto& task = tasks_[a.task];
    sim_run r;
    r.run = {.run_id = "r" + std::to_string(sequence_),
             .task_id = task.id,
             .priority = task.priority,
             .enqueued_at = a.at,
             .sequence = sequence_++,
             .resources = task.resources,
             .concurrency = task.concurrency,
             .rate = task.rate};
    if (r.run.concurrency && r.run.concurrency->key) r.run.concurrency->key = a.key;
    r.duration_ms = a.duration_ms;
    longest_ = std::max(longest_, a.duration_ms);
    waiting_.push_back(std::move(r));
  }

  pool_usage usage() const {
    pool_usage u;
    for (const auto& r : running_) {
      std::optional<std::string> key;
      if (r.run.concurrency) key = r.run.concurrency->key;
      u.running.push_back({r.run.task_id, key, r.run.resources});
    }
    u.recent_starts = starts_;
    return u;
  }

  std::vector<waiting_run> waiting_runs() const {
    std::vector<waiting_run> runs;
    for (const auto& r : waiting_) runs.push_back(r.run);
    return runs;
  }

  /// True when `a` ranks above `b` at `now` (computed from the documented rule, not the code).
  bool above(const waiting_run& a, const waiting_run& b, std::int64_t now) const {
    auto pa = effective_priority(a, pool_.aging_ms, now);
    auto pb = effective_priority(b, pool_.aging_ms, now);
    if (pa != pb) return pa > pb;
    if (a.enqueued_at != b.enqueued_at) return a.enqueued_at < b.enqueued_at;
    return a.sequence < b.sequence;
  }

  void decide(std::int64_t now);
  void drop_unrunnable(const admission& decision, std::int64_t now);
  void start(const admitted_run& admitted, const waiting_run* previous, std::int64_t now);
  void check_usage(std::int64_t now);
  void check_rate_windows();
  void probe_between(std::int64_t now);

  void violate(std::int64_t now, const std::string& what) {
    out_.violations.push_back("at " + std::to_string(now) + " ms: " + what);
  }

  pool_settings pool_;
  std::vector<sim_task> tasks_;
  std::vector<sim_run> waiting_;
  std::vector<sim_run> running_;
  std::map<std::string, std::vector<std::int64_t>, std::less<>> starts_;
  std::optional<std::int64_t> wake_at_;
  std::uint64_t sequence_ = 0;
  std::int64_t longest_ = 0;
  sim_outcome out_;
};

void pool_sim::decide(std::int64_t now) {
  ++out_.calls;
  auto decision = admit(pool_, usage(), waiting_runs(), now);
  wake_at_ = decision.wake_at;
  if (wake_at_ && *wake_at_ <= now) violate(now, "wake_at is not in the future");
  drop_unrunnable(decision, now);
  const waiting_run* previous = nullptr;
  waiting_run last;
  for (const auto& admitted : decision.start) {
    start(admitted, previous, now);
    last = running_.back().run;
    previous = &last;
  }
  check_usage(now);
  if (out_.calls % 7 == 0) probe_between(now);
}

void pool_sim::drop_unrunnable(const admission& decision, std::int64_t now) {
  for (const auto& u : decision.unrunnable) {
    auto it = std::find_if(waiting_.begin(), waiting_.end(),
                           [&](const sim_run& r) { return r.run.run_id == u.run_id; });
    if (it == waiting_.end()) {
      violate(now, "reported unrunnable a run that does not wait: " + u.run_id);
      continue;
    }
    auto task = std::find_if(tasks_.begin(), tasks_.end(),
                             [&](const sim_task& t) { return t.id == it->run.task_id; });
    if (!task->unrunnable) violate(now, "reported a runnable run unrunnable: " + u.reason);
    out_.unrunnable.push_back(u.run_id);
    waiting_.erase(it);
  }
  for (const auto& r : waiting_)
    for (const auto& t : tasks_)
      if (t.unrunnable && t.id == r.run.task_id) violate(now, "unrunnable run not reported");
}

void pool_sim::start(const admitted_run& admitted, const waiting_run* previous, std::int64_t now) {
  auto it = std::find_if(waiting_.begin(), waiting_.end(),
                         [&](const sim_run& r) { return r.run.run_id == admitted.run_id; });
  if (it == waiting_.end()) {
    violate(now, "started a run that does not wait: " + admitted.run_id);
    return;
  }
  const auto& run = it->run;
  resource_amounts asked;
  for (const auto& [name, value] : run.resources)
    if (value > 0) asked.emplace(name, value);
  if (admitted.allocation != asked) violate(now, run.run_id + ": allocation is not its request");
  if (previous && above(run, *previous, now)) violate(now, "starts are not in rank order");
  auto bound = std::max(run.enqueued_at, it->last_start_above) + longest_;
  if (!run.concurrency && !run.rate && now > bound)
    violate(now, run.run_id + " waited past the bound " + std::to_string(bound));
  for (auto& other : waiting_) {
    if (above(run, other.run, now)) other.last_start_above = now;
    bool same_queue_rules =
        other.run.task_id == run.task_id && !(run.concurrency && run.concurrency->key);
    if (same_queue_rules && &other != &*it && above(other.run, run, now))
      violate(now, run.run_id + " passed " + other.run.run_id + " of its own task (not FIFO)");
  }
  out_.started_at[run.run_id] = now;
  starts_[run.task_id].push_back(now);
  it->ends_at = now + it->duration_ms;
  running_.push_back(std::move(*it));
  waiting_.erase(it);
}

void pool_sim::check_usage(std::int64_t now) {
  if (static_cast<int>(running_.size()) > pool_.workers) violate(now, "more runs than workers");
  resource_amounts used;
  std::map<std::pair<std::string, std::string>, int> per_key;
  for (const auto& r : running_) {
    for (const auto& [name, value] : r.run.resources) used[name] += value;
    if (!r.run.concurrency) continue;
    auto count = ++per_key[{r.run.task_id, r.run.concurrency->key.value_or("")}];
    if (count > r.run.concurrency->limit) violate(now, r.run.task_id + " over its concurrency");
  }
  for (const auto& [name, value] : used) {
    auto capacity = pool_.capacity.contains(name) ? pool_.capacity.at(name) : 0;
    if (value > capacity) violate(now, name + " over capacity: " + std::to_string(value));
  }
}

void pool_sim::check_rate_windows() {
  for (const auto& task : tasks_) {
    if (!task.rate) continue;
    auto times = starts_[task.id];
    std::sort(times.begin(), times.end());
    for (std::size_t i = 0; i < times.size(); ++i) {
      auto first = std::upper_bound(times.begin(), times.end(), times[i] - task.rate->window_ms);
      if (times.begin() + static_cast<std::ptrdiff_t>(i) + 1 - first > task.rate->runs)
        violate(times[i], task.id + " over its rate limit");
    }
  }
}

/// With nothing happening, a call before the next event must start nothing.
void pool_sim::probe_between(std::int64_t now) {
  std::vector<sim_arrival> none;
  auto next = next_event(none, 0);
  if (!next || *next <= now + 1) return;
  auto probe = admit(pool_, usage(), waiting_runs(), now + (*next - now) / 2);
  if (!probe.start.empty()) violate(now, "a run could start before wake_at");
}

}  // namespace

namespace {

resource_amounts units(std::initializer_list<std::pair<const std::string, double>> amounts) {
  resource_amounts out;
  for (const auto& [name, value] : amounts) out.emplace(name, to_amount(value));
  return out;
}

sim_task task(std::string id, std::int64_t priority, resource_amounts resources) {
  sim_task out;
  out.id = std::move(id);
  out.priority = priority;
  out.resources = std::move(resources);
  return out;
}

/// A mixed workload: sizes, priorities, limits per task and per key, a rate limit, fractional
/// amounts, and two tasks the pool cannot run.
std::vector<sim_task> mixed_tasks() {
  std::vector<sim_task> tasks{task("small", 0, units({{"cpu", 1}, {"memoryMiB", 256}})),
                              task("big", 0, units({{"cpu", 6}, {"memoryMiB", 4096}})),
                              task("fraction", 1, units({{"cpu", 0.3}, {"memoryMiB", 100}})),
                              task("gpu", 2, units({{"cpu", 2}, {"gpu", 1}})),
                              task("urgent", 5, units({{"cpu", 2}, {"memoryMiB", 1024}})),
                              task("per-customer", 1, units({{"cpu", 1}})),
                              task("limited", 3, units({{"cpu", 1}})),
                              task("rated", 1, units({{"cpu", 0.5}})),
                              task("too-many-gpus", 0, units({{"gpu", 3}})),
                              task("licensed", 0, units({{"cpu", 1}, {"licenses", 1}}))};
  tasks[5].concurrency = run_concurrency{1, std::string{}};
  tasks[6].concurrency = run_concurrency{2, std::nullopt};
  tasks[7].rate = run_rate{3, 2000};
  tasks[8].unrunnable = tasks[9].unrunnable = true;
  return tasks;
}

pool_settings mixed_pool(int workers) {
  pool_settings pool;
  pool.capacity = units({{"cpu", 8}, {"memoryMiB", 16384}, {"gpu", 2}});
  pool.workers = workers;
  pool.aging_ms = 5000;
  return pool;
}

/// `count` arrivals in bursts and lulls: gaps drawn around `mean_gap_ms`, durations up to 3 s.
std::vector<sim_arrival> random_arrivals(std::mt19937& random, std::size_t tasks, int count,
                                         std::int64_t mean_gap_ms) {
  std::exponential_distribution<double> gap(1.0 / static_cast<double>(mean_gap_ms));
  std::uniform_int_distribution<std::size_t> task(0, tasks - 1);
  std::uniform_int_distribution<int> key(0, 2);
  std::uniform_int_distribution<std::int64_t> duration(50, 3000);
  std::vector<sim_arrival> arrivals;
  std::int64_t at = 0;
  for (int i = 0; i < count; ++i) {
    at += static_cast<std::int64_t>(gap(random));
    arrivals.push_back({at, task(random), "k" + std::to_string(key(random)), duration(random)});
  }
  return arrivals;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(task_admission_properties)

BOOST_DATA_TEST_CASE(random_workloads_keep_every_rule, boost::unit_test::data::xrange(1u, 9u),
                     seed) {
  std::mt19937 random{seed};
  auto tasks = mixed_tasks();
  auto pool = mixed_pool(3 + static_cast<int>(seed % 6));
  auto arrivals = random_arrivals(random, tasks.size(), 2000, 60 + 40 * (seed % 4));
  auto outcome = pool_sim{pool, tasks}.run(arrivals);
  BOOST_TEST(
      outcome.violations.empty(),
      "first: " << (outcome.violations.empty() ? std::string{} : outcome.violations.front()));
  BOOST_TEST(outcome.started_at.size() + outcome.unrunnable.size() == arrivals.size());
  BOOST_TEST(!outcome.unrunnable.empty());
}

/// Small high-priority runs arrive all the time, leaving capacity but never all of it; one big
/// low-priority run needs the whole pool.
std::vector<sim_arrival> stream_and_one_big_run(std::int64_t stream_ms) {
  std::vector<sim_arrival> arrivals;
  for (std::int64_t at = 0; at < stream_ms; at += 200) {
    if (at == 1000) arrivals.push_back({at, 1, "", 1000});
    arrivals.push_back({at, 0, "", 1000});
  }
  return arrivals;
}

BOOST_AUTO_TEST_CASE(aging_bounds_the_wait_of_a_run_that_higher_priorities_would_starve) {
  std::vector<sim_task> tasks{task("small", 5, units({{"cpu", 1}})),
                              task("big", 0, units({{"cpu", 8}}))};
  pool_settings pool;
  pool.capacity = units({{"cpu", 8}});
  pool.workers = 100;
  pool.aging_ms = 10'000;
  auto outcome = pool_sim{pool, tasks}.run(stream_and_one_big_run(200'000));
  BOOST_TEST(outcome.violations.empty());
  // Bound: (5 - 0 + 1) aging steps until the stream ranks below it, then the longest run.
  auto waited = outcome.started_at.at("r5") - 1000;
  BOOST_TEST(waited <= 6 * pool.aging_ms + 1000);
  BOOST_TEST(waited >= 4 * pool.aging_ms);

  pool.aging_ms = 0;  // no aging: the stream outranks it until the stream ends
  auto starved = pool_sim{pool, tasks}.run(stream_and_one_big_run(200'000));
  BOOST_TEST(starved.started_at.at("r5") >= 200'000);
}

BOOST_AUTO_TEST_SUITE_END()
