#pragma once
// The wire form (CAF inspect overloads) of the pattern service's requests and replies.

#include <caf/meta/type_name.hpp>

#include "actors/events/pattern_messages.hpp"
#include "actors/executions/executions_wire.hpp"
#include "actors/store/pattern_wire.hpp"
#include "actors/store/store_wire.hpp"

namespace auraos::actors::events {

/// Inspects a rule and its figures.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pattern_info& x) {
  actors::wire::optional_field<std::int64_t> last{x.last_match_ms};
  return f(caf::meta::type_name("pattern_info"), x.record, x.matches, last);
}

/// Inspects a rule write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pattern_put& x) {
  return f(caf::meta::type_name("pattern_put"), x.id, x.name, x.kind, x.rule, x.create);
}

/// Inspects a rule delete.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pattern_delete& x) {
  return f(caf::meta::type_name("pattern_delete"), x.id);
}

/// Inspects a rule read.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pattern_get& x) {
  return f(caf::meta::type_name("pattern_get"), x.id);
}

/// Inspects a rule list.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pattern_list& x) {
  return f(caf::meta::type_name("pattern_list"), x.page);
}

}  // namespace auraos::actors::events
