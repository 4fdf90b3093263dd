#pragma once
// The statistics of the `rate` matcher (internal to it).

#include <cstdint>
#include <deque>

#include "runtime/events/patterns/match.hpp"

namespace auraos::runtime::events::patterns {

/// `count` with the mean and population standard deviation of `history` (non-empty).
rate_figures figures_of(const std::deque<std::int64_t>& history, std::int64_t count);

/// True when the count lies outside mean ± k·stddev (with stddev 0: differs from the mean).
bool is_outlier(const rate_figures& figures, double k);

/// The number of the window of length `window_ms` holding `ms` (floor division).
std::int64_t window_of(std::int64_t ms, std::int64_t window_ms);

}  // namespace auraos::runtime::events::patterns
