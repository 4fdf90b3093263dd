#include "bench/support/cpu_usage.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace auraos::bench {

cpu_sample sample_cpu(pid_t pid) {
  cpu_sample out;
  std::ifstream machine{"/proc/stat"};
  std::string label;
  machine >> label;  // "cpu": the sum over all cores
  std::int64_t value = 0;
  for (int field = 0; field < 8 && machine >> value; ++field) {
    out.total_ticks += value;
    if (field != 3 && field != 4) out.busy_ticks += value;  // idle, iowait
  }
  if (pid == 0) return out;
  std::ifstream process{"/proc/" + std::to_string(pid) + "/stat"};
  std::string line;
  std::getline(process, line);
  // Fields after the command (which may hold spaces) end with ')'; utime and stime are the
  // 12th and 13th after it.
  auto close = line.rfind(')');
  if (close == std::string::npos) return out;
  std::istringstream fields{line.substr(close + 2)};
  std::string field;
  for (int i = 1; i <= 13 && fields >> field; ++i)
    if (i >= 12) out.process_ticks += std::stoll(field);
  return out;
}

cpu_usage usage_between(const cpu_sample& before, const cpu_sample& after) {
  static const double ticks_per_second = static_cast<double>(::sysconf(_SC_CLK_TCK));
  cpu_usage out;
  out.process_seconds =
      static_cast<double>(after.process_ticks - before.process_ticks) / ticks_per_second;
  auto total = after.total_ticks - before.total_ticks;
  if (total > 0)
    out.machine_busy = static_cast<double>(after.busy_ticks - before.busy_ticks) /
                       static_cast<double>(total);
  return out;
}

}  // namespace auraos::bench
