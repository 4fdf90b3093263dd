#pragma once
// The write operations of the timer store (fenced like every write of an execution).

#include <optional>
#include <string>

#include "persistence/history_record.hpp"

namespace auraos::persistence {

/// Creates or moves a durable timer.
struct put_timer_op {
  timer_record timer;                         ///< The timer.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
};

/// Removes a durable timer (fired or cancelled); absent timers are fine.
struct delete_timer_op {
  std::string execution_id;                   ///< The owner.
  std::string timer_id;                       ///< The timer.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
};

}  // namespace auraos::persistence
