// The sealed secrets operation: re-sealing one row's value under another key.
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<op_result> writer::apply_op(const reseal_op& op) {
  auto& query = queries_[op.owner == sealed_owner::task ? "reseal_task" : "reseal_execution"];
  query.bind(1, op.id).bind(2, op.from).bind(3, op.to);
  if (auto done = query.run(); !done) {
    done.error().message = "reseal secrets of '" + op.id + "': " + done.error().message;
    return fail(std::move(done).error());
  }
  return op_result{};
}

}  // namespace auraos::persistence::sqlite
