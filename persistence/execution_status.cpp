#include <array>
#include <string>

#include "persistence/execution_record.hpp"

namespace auraos::persistence {

namespace {

constexpr std::array<std::string_view, 7> status_names{
    "pending", "running", "paused", "completed", "failed", "cancelled", "timed_out"};

}  // namespace

std::string_view to_string(execution_status status) {
  return status_names.at(static_cast<std::size_t>(status));
}

store_result<execution_status> parse_execution_status(std::string_view text) {
  for (std::size_t i = 0; i < status_names.size(); ++i)
    if (status_names[i] == text) return static_cast<execution_status>(i);
  return store_fail(store_errc::invalid,
                    "execution status: unknown value '" + std::string{text} + "'");
}

bool is_unfinished(execution_status status) {
  return status == execution_status::pending || status == execution_status::running ||
         status == execution_status::paused;
}

}  // namespace auraos::persistence
