#include <array>
#include <string>

#include "persistence/workflow_record.hpp"

namespace auraos::persistence {

namespace {

constexpr std::array<std::string_view, 3> status_names{"draft", "active", "archived"};

}  // namespace

std::string_view to_string(workflow_status status) {
  return status_names.at(static_cast<std::size_t>(status));
}

store_result<workflow_status> parse_workflow_status(std::string_view text) {
  for (std::size_t i = 0; i < status_names.size(); ++i)
    if (status_names[i] == text) return static_cast<workflow_status>(i);
  return store_fail(store_errc::invalid, "workflow status: unknown value '" + std::string{text} +
                                             "' (one of draft, active, archived)");
}

}  // namespace auraos::persistence
