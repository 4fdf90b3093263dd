#pragma once
// Which deletes one retention pass makes: per stored type, the rule of the type or else the
// default rule ("*"), as an age bound and a count bound. Pure, so a table test covers it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/event_retention.hpp"

namespace auraos::actors::events {

/// The deletes of one type in a retention pass.
struct retention_task {
  std::string type;                           ///< The event type.
  std::optional<std::int64_t> older_than_ms;  ///< Delete events with timestamp below this.
  std::optional<std::int64_t> keep;           ///< Keep only this many newest events.
};

/// The tasks of a pass at `now_ms`: one for each of `types` that has a rule of its own or falls
/// under the default rule "*", in the order of `types`; types without any rule have none.
std::vector<retention_task> retention_tasks(
    const std::vector<persistence::event_retention_rule>& rules,
    const std::vector<std::string>& types, std::int64_t now_ms);

}  // namespace auraos::actors::events
