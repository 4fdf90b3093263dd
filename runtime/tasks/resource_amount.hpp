#pragma once
// Amounts of named resources as the task pool counts them: integers, so sums never drift.

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace auraos::runtime::tasks {

/// An amount of a resource in thousandths of its unit (cpu 0.5 is 500, memoryMiB 512 is
/// 512000).
using amount = std::int64_t;

/// Amounts by resource name ("cpu", "memoryMiB", or a custom name).
using resource_amounts = std::map<std::string, amount, std::less<>>;

/// `units` in thousandths, rounded to the nearest (0.5 -> 500); negative counts as 0.
amount to_amount(double units);

/// Every amount of `units` (a definition's `resources`, a pool's capacity) in thousandths.
resource_amounts to_amounts(const std::map<std::string, double, std::less<>>& units);

/// An amount as people write it, in units: 500 -> "0.5", 8000 -> "8".
std::string format_amount(amount value);

}  // namespace auraos::runtime::tasks
