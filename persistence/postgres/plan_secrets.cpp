// Planning the sealed secrets operation: re-sealing one row's value under another key.
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/rows.hpp"

namespace auraos::persistence::postgres {

store_result<planned_op> plan_op(const reseal_op& op, const clock_fn&) {
  if (op.owner == sealed_owner::execution && !is_uuid(op.id))
    return store_fail(store_errc::not_found, "reseal secrets: no execution '" + op.id + "'");
  params values;
  values.add(op.id).add(op.from).add(op.to);
  auto query = op.owner == sealed_owner::task ? "reseal_task" : "reseal_execution";
  return planned_op{{{query, std::move(values)}}, {}, "reseal secrets of '" + op.id + "'"};
}

}  // namespace auraos::persistence::postgres
