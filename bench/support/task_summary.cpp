#include "bench/support/task_summary.hpp"

#include <fmt/core.h>

#include "bench/support/rest_load.hpp"

namespace auraos::bench {

void throughput_table::add(const std::string& system, const std::string& setting,
                           double runs_per_second, double seconds, double enqueue_seconds) {
  auto& runs = runs_[{system, setting}];
  runs.runs_per_second.push_back(runs_per_second);
  runs.seconds.push_back(seconds);
  runs.enqueue_seconds.push_back(enqueue_seconds);
}

void throughput_table::print() const {
  fmt::print(
      "| system | setting | rounds | runs/s, median (min–max) | total s, median | enqueue s, "
      "median |\n|---|---|---|---|---|---|\n");
  for (const auto& [key, runs] : runs_)
    fmt::print("| {} | {} | {} | {:.0f} ({:.0f}–{:.0f}) | {:.2f} | {:.2f} |\n", key.first,
               key.second, runs.runs_per_second.size(), quantile(runs.runs_per_second, 0.5),
               quantile(runs.runs_per_second, 0), quantile(runs.runs_per_second, 1),
               quantile(runs.seconds, 0.5), quantile(runs.enqueue_seconds, 0.5));
}

std::optional<std::pair<std::string, double>> throughput_table::best(
    const std::string& system) const {
  std::optional<std::pair<std::string, double>> out;
  for (const auto& [key, runs] : runs_) {
    if (key.first != system) continue;
    auto median = quantile(runs.runs_per_second, 0.5);
    if (!out || median > out->second) out = std::make_pair(key.second, median);
  }
  return out;
}

}  // namespace auraos::bench
