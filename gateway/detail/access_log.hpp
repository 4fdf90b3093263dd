#pragma once
// Internal: the one access-log line per request.

#include <chrono>
#include <string_view>

namespace auraos::gateway::detail {

/// Logs "METHOD PATH STATUS DURATIONms" at debug level through spdlog.
void log_access(std::string_view method, std::string_view path, int status,
                std::chrono::steady_clock::duration elapsed);

}  // namespace auraos::gateway::detail
