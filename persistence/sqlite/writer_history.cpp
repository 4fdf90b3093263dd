// History appends (expected seq + fencing), snapshots, timers and shard leases.
#include <utility>

#include "persistence/shards.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_status writer::check_fence(const std::optional<fence>& lease, const char* what,
                                 const std::string& id) {
  if (!lease) return std::monostate{};
  auto& query = queries_["lease_check"];
  query.bind(1, lease->shard);
  std::optional<std::int64_t> ends;
  auto held = fetch_one<shard_lease>(query, [&ends](const statement& row) {
    ends = row.optional_integer(3);
    return read_lease(row);
  });
  if (!held) return fail(std::move(held).error());
  auto place = std::string{what} + " '" + id + "'";
  if (*held && (*held)->epoch == lease->epoch) {
    if (!ends || *ends > clock_()) return std::monostate{};
    return store_fail(store_errc::fenced,
                      place + ": lease expired, shard " + std::to_string(lease->shard) +
                          " at epoch " + std::to_string(lease->epoch) + " (owner '" +
                          (*held)->owner + "') ended at " + std::to_string(*ends));
  }
  if (!*held)
    return store_fail(store_errc::fenced,
                      place + ": shard " + std::to_string(lease->shard) + " has no lease");
  return store_fail(store_errc::fenced, place + ": lease lost, shard " +
                                            std::to_string(lease->shard) + " is at epoch " +
                                            std::to_string((*held)->epoch) + " (owner '" +
                                            (*held)->owner + "'), the writer holds epoch " +
                                            std::to_string(lease->epoch));
}

store_status writer::check_next_seq(const append_history_op& op) {
  auto& query = queries_["history_last_seq"];
  query.bind(1, op.execution_id);
  auto last = fetch_integer(query);
  if (!last) return fail(std::move(last).error());
  auto next = last->value_or(0) + 1;
  if (next == op.expected_next_seq) return std::monostate{};
  return store_fail(store_errc::conflict, "append history to execution '" + op.execution_id +
                                              "': expected next seq " +
                                              std::to_string(op.expected_next_seq) +
                                              " but the next is " + std::to_string(next));
}

store_result<op_result> writer::apply_op(const append_history_op& op) {
  if (op.events.empty())
    return store_fail(store_errc::invalid,
                      "append history to execution '" + op.execution_id + "': no events");
  if (auto fenced = check_fence(op.lease, "append history to execution", op.execution_id); !fenced)
    return fail(std::move(fenced).error());
  if (auto ordered = check_next_seq(op); !ordered) return fail(std::move(ordered).error());
  auto seq = op.expected_next_seq;
  for (const auto& e : op.events) {
    auto& query = queries_["history_insert"];
    query.bind(1, op.execution_id).bind(2, seq++).bind(3, e.timestamp_ms).bind(4, e.kind);
    query.bind(5, e.node_id).bind(6, e.attempt).bind_blob(7, e.payload);
    if (auto done = query.run(); !done) return fail(std::move(done).error());
  }
  return op_result{};
}

store_result<op_result> writer::apply_op(const put_snapshot_op& op) {
  const auto& s = op.snapshot;
  if (auto fenced = check_fence(op.lease, "put snapshot of execution", s.execution_id); !fenced)
    return fail(std::move(fenced).error());
  auto& query = queries_["snapshot_put"];
  query.bind(1, s.execution_id).bind(2, s.seq).bind_blob(3, s.payload);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{};
}

store_result<op_result> writer::apply_op(const put_timer_op& op) {
  if (auto fenced = check_fence(op.lease, "put timer of execution", op.timer.execution_id); !fenced)
    return fail(std::move(fenced).error());
  auto& query = queries_["timer_put"];
  query.bind(1, op.timer.execution_id).bind(2, op.timer.timer_id).bind(3, op.timer.deadline_ms);
  query.bind(4, row_shard(op.timer.execution_id, op.lease, shards_));
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{};
}

store_result<op_result> writer::apply_op(const delete_timer_op& op) {
  if (auto fenced = check_fence(op.lease, "delete timer of execution", op.execution_id); !fenced)
    return fail(std::move(fenced).error());
  auto& query = queries_["timer_delete"];
  query.bind(1, op.execution_id).bind(2, op.timer_id);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{};
}

store_result<op_result> writer::apply_op(const acquire_shard_op& op) {
  if (op.owner.empty())
    return store_fail(store_errc::invalid,
                      "acquire shard " + std::to_string(op.shard) + ": empty owner");
  auto& query = queries_["lease_acquire"];
  query.bind(1, op.shard).bind(2, op.owner).bind(3, clock_());
  auto lease = fetch_one<shard_lease>(query, read_lease);
  if (!lease) return fail(std::move(lease).error());
  return op_result{std::move(**lease)};
}

}  // namespace auraos::persistence::sqlite
