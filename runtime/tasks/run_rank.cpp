#include "runtime/tasks/run_rank.hpp"

#include "runtime/tasks/admission.hpp"

namespace auraos::runtime::tasks {
namespace {

/// Aging steps from the epoch to `at` (rounded down, also before the epoch).
std::int64_t steps(std::int64_t at, std::int64_t aging_ms) {
  auto q = at / aging_ms;
  return at % aging_ms < 0 ? q - 1 : q;
}

}  // namespace

rank_key rank_of(const waiting_run& run, std::int64_t aging_ms) {
  auto aged = aging_ms > 0 ? steps(run.enqueued_at, aging_ms) : 0;
  return {aged - run.priority, run.enqueued_at, run.sequence};
}

std::int64_t effective_priority(const waiting_run& run, std::int64_t aging_ms, std::int64_t now) {
  if (aging_ms <= 0) return run.priority;
  return run.priority + steps(now, aging_ms) - steps(run.enqueued_at, aging_ms);
}

}  // namespace auraos::runtime::tasks
