#pragma once
// tasks_bench's summary: every round's figure per system and setting, their medians as a
// Markdown table, and the best setting of each system.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace auraos::bench {

/// The runs of one system at one setting.
struct setting_runs {
  std::vector<double> runs_per_second;  ///< One per round.
  std::vector<double> seconds;          ///< First enqueue to all completed.
  std::vector<double> enqueue_seconds;  ///< First enqueue to the last one answered.
};

/// The figures of every round.
class throughput_table {
 public:
  /// Records one run of `system` (e.g. "postgres") at `setting` (e.g. "workers 32").
  void add(const std::string& system, const std::string& setting, double runs_per_second,
           double seconds, double enqueue_seconds);
  /// Prints the medians per system and setting as a Markdown table.
  void print() const;
  /// The setting of `system` with the highest median runs/s, and that median.
  std::optional<std::pair<std::string, double>> best(const std::string& system) const;

 private:
  std::map<std::pair<std::string, std::string>, setting_runs> runs_;
};

}  // namespace auraos::bench
