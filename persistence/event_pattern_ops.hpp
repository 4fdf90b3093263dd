#pragma once
// The write operations of stored pattern rules and their matchers' states.

#include <string>

#include "persistence/event_pattern_record.hpp"

namespace auraos::persistence {

/// How a put_event_pattern_op treats an existing rule of the same id.
enum class pattern_put_mode {
  create,  ///< Conflict when the id exists.
  update,  ///< not_found when the id does not exist.
};

/// Stores a rule (id, name, kind, rule text; the store stamps created_at and updated_at).
/// Result: the stored event_pattern_record.
struct put_event_pattern_op {
  event_pattern_record pattern;                   ///< What to store.
  pattern_put_mode mode = pattern_put_mode::create;  ///< Create or replace.
};

/// Deletes a rule and its matcher's state (not_found when the rule does not exist).
struct delete_event_pattern_op {
  std::string id;  ///< The rule.
};

/// Stores a rule's matcher state; ignored when the rule does not exist (it was deleted).
struct put_pattern_state_op {
  std::string pattern_id;  ///< The rule.
  std::string state;       ///< JSON text.
};

}  // namespace auraos::persistence
