// Planning of an audit append: one call that inserts every entry in order.
#include <utility>

#include "persistence/postgres/array_literal.hpp"
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/security_checks.hpp"

namespace auraos::persistence::postgres {

store_result<planned_op> plan_op(const append_audit_op& op, const clock_fn& clock) {
  texts actors, names, actions, sources, outcomes;
  optional_texts tokens, targets, details;
  integers times, statuses;
  for (auto& e : audit_to_append(op.entries, clock())) {
    times.push_back(e.at);
    actors.push_back(std::move(e.actor));
    names.push_back(std::move(e.actor_name));
    tokens.push_back(std::move(e.token_id));
    actions.push_back(std::move(e.action));
    targets.push_back(std::move(e.target));
    sources.push_back(std::move(e.source));
    outcomes.push_back(std::move(e.outcome));
    statuses.push_back(e.status);
    details.push_back(std::move(e.details));
  }
  params values;
  values.add(integer_array(times)).add(text_array(actors)).add(text_array(names));
  values.add(optional_text_array(tokens)).add(text_array(actions));
  values.add(optional_text_array(targets)).add(text_array(sources)).add(text_array(outcomes));
  values.add(integer_array(statuses)).add(optional_text_array(details));
  return planned_op{{{"audit_append", std::move(values)}}, {}, "append audit"};
}

}  // namespace auraos::persistence::postgres
