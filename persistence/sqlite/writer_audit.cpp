// The audit log operations: append (entries in order) and prune (retention).
#include <utility>

#include "persistence/security_checks.hpp"
#include "persistence/sqlite/write_rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<op_result> writer::apply_op(const append_audit_op& op) {
  for (const auto& e : audit_to_append(op.entries, clock_())) {
    auto& query = queries_["audit_insert"];
    query.bind(1, e.at).bind(2, e.actor).bind(3, e.actor_name).bind(4, e.token_id);
    query.bind(5, e.action).bind(6, e.target).bind(7, e.source).bind(8, e.outcome);
    query.bind(9, e.status).bind(10, e.details);
    if (auto done = query.run(); !done) {
      done.error().message = "append audit '" + e.action + "': " + done.error().message;
      return fail(std::move(done).error());
    }
  }
  return op_result{};
}

store_result<op_result> writer::apply_op(const prune_audit_op& op) {
  return pruned(queries_["audit_prune"], op.before);
}

}  // namespace auraos::persistence::sqlite
