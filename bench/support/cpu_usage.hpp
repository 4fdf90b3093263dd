#pragma once
// CPU time for a bench's record: the machine's busy share (/proc/stat) and one process's
// CPU seconds (/proc/PID/stat), sampled before and after a measurement.

#include <sys/types.h>

#include <cstdint>

namespace auraos::bench {

/// One reading of the clocks.
struct cpu_sample {
  std::int64_t process_ticks = 0;  ///< utime + stime of the process (clock ticks).
  std::int64_t busy_ticks = 0;     ///< All cores: time not idle and not waiting for I/O.
  std::int64_t total_ticks = 0;    ///< All cores: all time.
};

/// Reads the clocks now (`pid` 0: no process).
cpu_sample sample_cpu(pid_t pid);

/// What happened between two readings.
struct cpu_usage {
  double process_seconds = 0;  ///< CPU seconds the process used.
  double machine_busy = 0;     ///< Share of all cores' time that was busy, 0..1.
};

/// The usage between `before` and `after`.
cpu_usage usage_between(const cpu_sample& before, const cpu_sample& after);

}  // namespace auraos::bench
