#include "persistence/postgres/task_run_merge.hpp"

#include <unordered_map>

#include "persistence/postgres/run_state_columns.hpp"
#include "runtime/uuid.hpp"

namespace auraos::persistence::postgres {
namespace {

/// The 21 array parameters of task_runs_apply.sql.
struct apply_columns {
  integers request;
  texts id;
  run_state_columns state;
  integers log_request, log_at;
  texts log_run, log_stream, log_line;

  void add(std::int64_t member, const task_run_record& r) {
    request.push_back(member);
    id.push_back(r.id);
    state.add(r);
  }

  void add(std::int64_t member, const append_task_log_op& op, std::int64_t now) {
    for (const auto& line : op.lines) {
      log_request.push_back(member);
      log_run.push_back(op.run_id);
      log_at.push_back(line.at == 0 ? now : line.at);
      log_stream.push_back(line.stream);
      log_line.push_back(line.text);
    }
  }

  params values() const {
    const auto& s = state;
    params p;
    p.add(integer_array(request)).add(text_array(id)).add(text_array(s.status));
    p.add(optional_text_array(s.output)).add(optional_text_array(s.error));
    p.add(integer_array(s.attempts)).add(integer_array(s.priority));
    p.add(optional_integer_array(s.started)).add(optional_integer_array(s.completed));
    p.add(optional_integer_array(s.next)).add(optional_text_array(s.resources));
    p.add(optional_text_array(s.worker)).add(optional_text_array(s.lease_id));
    p.add(optional_integer_array(s.lease_ends)).add(text_array(s.depends));
    p.add(optional_integer_array(s.schedule_time));
    p.add(integer_array(log_request)).add(text_array(log_run)).add(integer_array(log_at));
    p.add(text_array(log_stream)).add(text_array(log_line));
    return p;
  }
};

/// The run an op of a task run names, if it is one.
const std::string* run_named(const write_op& op) {
  if (const auto* update = std::get_if<update_task_run_op>(&op)) return &update->run.id;
  if (const auto* log = std::get_if<append_task_log_op>(&op)) return &log->run_id;
  return nullptr;
}

/// True when every op of `request` is an update without a lease of a run with a UUID, or a
/// log append to such a run.
bool mergeable(const write_request& request) {
  if (request.ops.empty()) return false;
  for (const auto& op : request.ops) {
    const auto* id = run_named(op);
    if (!id || !runtime::is_uuid(*id)) return false;
    if (const auto* update = std::get_if<update_task_run_op>(&op); update && update->lease)
      return false;
  }
  return true;
}

}  // namespace

std::optional<merged_task_runs> merge_task_run_writes(const std::vector<write_request>& requests,
                                                      const clock_fn& clock) {
  // Which request names each run (-1: more than one, or one run updated twice).
  std::unordered_map<std::string, std::ptrdiff_t> owner;
  auto note = [&](const std::string& id, std::ptrdiff_t request) {
    auto [it, added] = owner.emplace(id, request);
    if (!added && it->second != request) it->second = -1;
  };
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto index = static_cast<std::ptrdiff_t>(i);
    std::unordered_map<std::string, int> updates;
    for (const auto& op : requests[i].ops) {
      if (const auto* create = std::get_if<create_task_runs_op>(&op))
        for (const auto& run : create->runs) note(run.id, index);
      if (const auto* id = run_named(op)) note(*id, index);
      if (const auto* update = std::get_if<update_task_run_op>(&op))
        if (++updates[update->run.id] > 1) owner[update->run.id] = -1;
    }
  }
  merged_task_runs out;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (!mergeable(requests[i])) continue;
    bool alone = true;
    for (const auto& op : requests[i].ops)
      alone = alone && owner[*run_named(op)] == static_cast<std::ptrdiff_t>(i);
    if (alone) out.members.push_back(i);
  }
  if (out.members.size() < 2) return std::nullopt;
  apply_columns columns;
  auto now = clock();
  for (std::size_t m = 0; m < out.members.size(); ++m) {
    for (const auto& op : requests[out.members[m]].ops) {
      auto member = static_cast<std::int64_t>(m);
      if (const auto* update = std::get_if<update_task_run_op>(&op))
        columns.add(member, update->run);
      else
        columns.add(member, std::get<append_task_log_op>(op), now);
    }
  }
  out.left_out = std::make_shared<std::vector<std::pair<std::size_t, std::string>>>();
  planned_op call{{{"task_runs_apply", columns.values()}}, {}, "update task runs"};
  call.read = [left_out = out.left_out](const pg_result& rows) -> store_result<op_result> {
    for (int row = 0; row < rows.rows(); ++row)
      left_out->emplace_back(static_cast<std::size_t>(rows.integer(row, 0)), rows.text(row, 1));
    return op_result{};
  };
  out.planned = std::vector<planned_op>{std::move(call)};
  return out;
}

std::vector<write_outcome> member_outcomes(const merged_task_runs& merged,
                                           const std::vector<write_request>& requests) {
  std::vector<write_outcome> out;
  out.reserve(merged.members.size());
  for (auto index : merged.members)
    out.emplace_back(std::vector<op_result>(requests[index].ops.size()));
  for (const auto& [member, run] : *merged.left_out)
    if (member < out.size())
      out[member] = store_fail(store_errc::not_found, "update task run: no task run '" + run + "'");
  return out;
}

}  // namespace auraos::persistence::postgres
