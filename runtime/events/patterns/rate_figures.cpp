#include "runtime/events/patterns/rate_figures.hpp"

#include <cmath>

namespace auraos::runtime::events::patterns {

rate_figures figures_of(const std::deque<std::int64_t>& history, std::int64_t count) {
  double n = static_cast<double>(history.size());
  double sum = 0;
  for (auto value : history) sum += static_cast<double>(value);
  double mean = sum / n;
  double squares = 0;
  for (auto value : history)
    squares += (static_cast<double>(value) - mean) * (static_cast<double>(value) - mean);
  return {count, mean, std::sqrt(squares / n)};
}

bool is_outlier(const rate_figures& figures, double k) {
  return std::fabs(static_cast<double>(figures.count) - figures.mean) > k * figures.stddev;
}

std::int64_t window_of(std::int64_t ms, std::int64_t window_ms) {
  auto n = ms / window_ms;
  return (ms % window_ms != 0 && ms < 0) ? n - 1 : n;
}

}  // namespace auraos::runtime::events::patterns
