#pragma once
// `inspect` overloads of the stored pattern rules, their states and their write ops, so that
// the store actor's pattern requests and replies may cross a node (found by ADL).

#include <caf/meta/type_name.hpp>

#include "persistence/event_pattern_ops.hpp"

namespace auraos::persistence {

/// Inspects a stored pattern rule.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_pattern_record& x) {
  return f(caf::meta::type_name("event_pattern_record"), x.id, x.name, x.kind, x.rule,
           x.created_at, x.updated_at);
}

/// Inspects a stored matcher state.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_pattern_state& x) {
  return f(caf::meta::type_name("event_pattern_state"), x.pattern_id, x.state, x.updated_at);
}

/// Inspects a rule write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_event_pattern_op& x) {
  return f(caf::meta::type_name("put_event_pattern_op"), x.pattern, x.mode);
}

/// Inspects a rule delete.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_event_pattern_op& x) {
  return f(caf::meta::type_name("delete_event_pattern_op"), x.id);
}

/// Inspects a matcher state write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_pattern_state_op& x) {
  return f(caf::meta::type_name("put_pattern_state_op"), x.pattern_id, x.state);
}

}  // namespace auraos::persistence
