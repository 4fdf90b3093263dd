#pragma once
// The reads of stored pattern rules and their matchers' states; writes are the
// event_pattern_ops through `commit`.

#include <string>
#include <vector>

#include "persistence/batch_store.hpp"
#include "persistence/event_pattern_record.hpp"

namespace auraos::persistence {

/// Stored pattern rules and matcher states.
class event_pattern_store : public virtual batch_store {
 public:
  /// One rule by id (not_found names the id).
  virtual store_result<event_pattern_record> get_event_pattern(const std::string& id) = 0;
  /// Rules in creation order (created_at, id); keyset cursors as for workflows.
  virtual store_result<page<event_pattern_record>> list_event_patterns(
      const page_request& page) = 0;
  /// Every stored matcher state.
  virtual store_result<std::vector<event_pattern_state>> event_pattern_states() = 0;
};

}  // namespace auraos::persistence
