// Planning of history appends (checks in the database), snapshots, timers and leases.
#include <utility>

#include "persistence/postgres/array_literal.hpp"
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/rows.hpp"
#include "persistence/shards.hpp"

namespace auraos::persistence::postgres {

namespace {

store_status known_execution(const std::string& id, const std::string& place) {
  if (is_uuid(id)) return std::monostate{};
  return store_fail(store_errc::not_found, place + ": no execution '" + id + "'");
}

}  // namespace

store_result<planned_op> plan_op(const append_history_op& op, const clock_fn&) {
  auto place = "append history to execution '" + op.execution_id + "'";
  if (op.events.empty()) return store_fail(store_errc::invalid, place + ": no events");
  if (auto known = known_execution(op.execution_id, place); !known)
    return fail(std::move(known).error());
  std::vector<std::int64_t> times, attempts;
  std::vector<std::string> kinds, nodes, payloads;
  for (const auto& e : op.events) {
    times.push_back(e.timestamp_ms);
    kinds.push_back(e.kind);
    nodes.push_back(e.node_id);
    attempts.push_back(e.attempt);
    payloads.push_back(e.payload);
  }
  params values;
  values.add(op.execution_id).add(op.expected_next_seq);
  values.add(op.lease ? std::optional{op.lease->shard} : std::nullopt);
  values.add(op.lease ? std::optional{op.lease->epoch} : std::nullopt);
  values.add(integer_array(times)).add(text_array(kinds)).add(text_array(nodes));
  values.add(integer_array(attempts)).add(bytea_array(payloads));
  return planned_op{{{"history_append", std::move(values)}}, {}, place};
}

store_result<planned_op> plan_op(const put_snapshot_op& op, const clock_fn&) {
  const auto& s = op.snapshot;
  auto place = "put snapshot of execution '" + s.execution_id + "' at seq " + std::to_string(s.seq);
  if (auto known = known_execution(s.execution_id, place); !known)
    return fail(std::move(known).error());
  params values;
  values.add(s.execution_id).add(s.seq).add_bytes(s.payload);
  return planned_op{{{"snapshot_put", std::move(values)}}, {}, place};
}

store_result<planned_op> plan_op(const put_timer_op& op, const clock_fn&, std::int64_t shards) {
  const auto& t = op.timer;
  auto place = "put timer '" + t.timer_id + "' of execution '" + t.execution_id + "'";
  if (auto known = known_execution(t.execution_id, place); !known)
    return fail(std::move(known).error());
  params values;
  values.add(t.execution_id).add(t.timer_id).add(t.deadline_ms);
  values.add(row_shard(t.execution_id, op.lease, shards));
  return planned_op{{{"timer_put", std::move(values)}}, {}, place};
}

store_result<planned_op> plan_op(const delete_timer_op& op, const clock_fn&) {
  auto place = "delete timer '" + op.timer_id + "' of execution '" + op.execution_id + "'";
  if (!is_uuid(op.execution_id)) return planned_op{{}, {}, place};  // nothing to delete
  params values;
  values.add(op.execution_id).add(op.timer_id);
  return planned_op{{{"timer_delete", std::move(values)}}, {}, place};
}

store_result<planned_op> plan_op(const acquire_shard_op& op, const clock_fn& clock) {
  auto place = "acquire shard " + std::to_string(op.shard);
  if (op.owner.empty()) return store_fail(store_errc::invalid, place + ": empty owner");
  params values;
  values.add(op.shard).add(op.owner).add(clock());
  planned_op planned{{{"lease_acquire", std::move(values)}}, {}, place};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    return op_result{read_lease(rows, 0)};
  };
  return planned;
}

store_result<planned_op> plan(const write_op& op, const clock_fn& clock, std::int64_t shards) {
  return std::visit(
      [&](const auto& one) {
        if constexpr (requires { plan_op(one, clock, shards); })
          return plan_op(one, clock, shards);
        else
          return plan_op(one, clock);
      },
      op);
}

namespace {

/// Fences already checked in one request (it commits as a whole, so once is enough) until an
/// acquisition in the same request moves that shard.
class checked_fences {
 public:
  /// True when `op` carries a fence no earlier operation of the request checked; notes it.
  bool needs_check(const write_op& op) {
    if (const auto* acquire = std::get_if<acquire_shard_op>(&op)) {
      std::erase_if(checked_, [&](const fence& f) { return f.shard == acquire->shard; });
      return false;
    }
    auto lease = lease_of(op);
    if (!lease) return false;
    for (const auto& f : checked_)
      if (f.shard == lease->shard && f.epoch == lease->epoch) return false;
    checked_.push_back(*lease);
    return true;
  }

 private:
  std::vector<fence> checked_;
};

}  // namespace

planned_request plan(const write_request& request, const clock_fn& clock, std::int64_t shards) {
  std::vector<planned_op> ops;
  checked_fences fences;
  for (const auto& op : request.ops) {
    auto planned = plan(op, clock, shards);
    if (!planned) return fail(std::move(planned).error());
    // An append checks its fence in auraos_append_history; other kinds get a lease_check first.
    if (fences.needs_check(op) && !std::holds_alternative<append_history_op>(op)) {
      auto lease = *lease_of(op);
      params values;
      values.add(lease.shard).add(lease.epoch);
      auto& commands = planned->commands;
      commands.insert(commands.begin(), command{"lease_check", std::move(values)});
    }
    ops.push_back(std::move(planned).value());
  }
  return ops;
}

}  // namespace auraos::persistence::postgres
