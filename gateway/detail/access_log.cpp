// Internal: access-log lines through spdlog.

#include "gateway/detail/access_log.hpp"

#include <spdlog/spdlog.h>

namespace auraos::gateway::detail {

void log_access(std::string_view method, std::string_view path, int status,
                std::chrono::steady_clock::duration elapsed) {
  auto millis = std::chrono::duration<double, std::milli>(elapsed).count();
  spdlog::debug("http {} {} {} {:.3f}ms", method.empty() ? "-" : method, path.empty() ? "-" : path,
                status, millis);
}

}  // namespace auraos::gateway::detail
