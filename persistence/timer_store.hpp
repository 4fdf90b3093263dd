#pragma once
// The timer store: absolute deadlines that wake their owners.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/batch_store.hpp"

namespace auraos::persistence {

/// Durable timers: reads, and writes as timer_ops through `commit`.
class timer_store : public virtual batch_store {
 public:
  /// Timers with deadline <= now_ms of the given shards (none given: of all shards),
  /// earliest first.
  virtual store_result<std::vector<timer_record>> due_timers(
      std::int64_t now_ms, std::int64_t limit, const std::vector<std::int64_t>& shards = {}) = 0;
  /// The earliest deadline of any timer of the given shards (none given: of all), if any.
  virtual store_result<std::optional<std::int64_t>> next_timer_deadline(
      const std::vector<std::int64_t>& shards = {}) = 0;

  /// Creates or moves a timer (fenced when `lease` is given).
  store_status put_timer(timer_record timer, std::optional<fence> lease = {});
  /// Removes a timer (fenced when `lease` is given).
  store_status delete_timer(const std::string& execution_id, const std::string& timer_id,
                            std::optional<fence> lease = {});
};

}  // namespace auraos::persistence
