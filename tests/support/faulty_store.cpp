#include "tests/support/faulty_store.hpp"

#include <string>
#include <thread>

namespace auraos::test {

namespace p = persistence;

faulty_store::faulty_store(std::shared_ptr<p::store> real) : real_(std::move(real)) {}

void faulty_store::fail_next_writes(std::size_t count, p::store_errc code) {
  std::lock_guard lock(mutex_);
  failing_writes_ = count;
  write_error_ = code;
}

void faulty_store::delay_operations(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  delay_ = delay;
}

void faulty_store::drop_connection() {
  std::lock_guard lock(mutex_);
  dropped_ = true;
}

void faulty_store::restore_connection() {
  std::lock_guard lock(mutex_);
  dropped_ = false;
}

std::size_t faulty_store::injected_failures() const {
  std::lock_guard lock(mutex_);
  return injected_;
}

std::optional<p::store_error> faulty_store::fault(bool write, const char* operation) {
  std::chrono::milliseconds delay;
  {
    std::lock_guard lock(mutex_);
    delay = delay_;
  }
  // The store runs on its own thread: a delay here is a slow database, not a blocked scheduler.
  if (delay.count() > 0) std::this_thread::sleep_for(delay);
  std::lock_guard lock(mutex_);
  if (dropped_) {
    ++injected_;
    return p::store_error{p::store_errc::unavailable,
                          std::string{operation} + ": connection dropped (injected fault)"};
  }
  if (!write || failing_writes_ == 0) return std::nullopt;
  --failing_writes_;
  ++injected_;
  return p::store_error{write_error_, std::string{operation} + ": injected fault"};
}

template <class F>
auto faulty_store::pass(bool write, const char* operation, F call) -> decltype(call()) {
  if (auto error = fault(write, operation)) return fail(std::move(*error));
  return call();
}

p::store_result<std::vector<p::write_outcome>> faulty_store::commit(const p::write_batch& batch) {
  return pass(true, "commit", [&] { return real_->commit(batch); });
}

p::store_result<p::workflow_record> faulty_store::get_workflow(
    const std::string& id, std::optional<std::int64_t> revision) {
  return pass(false, "get_workflow", [&] { return real_->get_workflow(id, revision); });
}

p::store_result<p::page<p::workflow_record>> faulty_store::list_workflows(
    const p::workflow_filter& filter, const p::page_request& page) {
  return pass(false, "list_workflows", [&] { return real_->list_workflows(filter, page); });
}

p::store_result<p::page<p::workflow_record>> faulty_store::list_workflow_revisions(
    const std::string& id, const p::page_request& page) {
  return pass(false, "list_workflow_revisions",
              [&] { return real_->list_workflow_revisions(id, page); });
}

p::store_result<p::execution_record> faulty_store::get_execution(const std::string& id) {
  return pass(false, "get_execution", [&] { return real_->get_execution(id); });
}

p::store_result<p::page<p::execution_record>> faulty_store::list_executions(
    const p::execution_filter& filter, const p::page_request& page) {
  return pass(false, "list_executions", [&] { return real_->list_executions(filter, page); });
}

p::store_result<p::status_counts> faulty_store::count_executions_by_status() {
  return pass(false, "count_executions_by_status",
              [&] { return real_->count_executions_by_status(); });
}

p::store_result<p::execution_activity> faulty_store::execution_activity_between(
    std::int64_t from_ms, std::int64_t to_ms) {
  return pass(false, "execution_activity_between",
              [&] { return real_->execution_activity_between(from_ms, to_ms); });
}

p::store_result<std::vector<p::execution_record>> faulty_store::unfinished_executions(
    const std::vector<std::int64_t>& shards) {
  return pass(false, "unfinished_executions", [&] { return real_->unfinished_executions(shards); });
}

p::store_result<std::vector<p::history_event>> faulty_store::read_history(
    const std::string& execution_id, std::int64_t after_seq, std::int64_t limit) {
  return pass(false, "read_history",
              [&] { return real_->read_history(execution_id, after_seq, limit); });
}

p::store_result<std::optional<p::snapshot_record>> faulty_store::latest_snapshot(
    const std::string& execution_id) {
  return pass(false, "latest_snapshot", [&] { return real_->latest_snapshot(execution_id); });
}

p::store_result<std::vector<p::timer_record>> faulty_store::due_timers(
    std::int64_t now_ms, std::int64_t limit, const std::vector<std::int64_t>& shards) {
  return pass(false, "due_timers", [&] { return real_->due_timers(now_ms, limit, shards); });
}

p::store_result<std::optional<std::int64_t>> faulty_store::next_timer_deadline(
    const std::vector<std::int64_t>& shards) {
  return pass(false, "next_timer_deadline", [&] { return real_->next_timer_deadline(shards); });
}

p::store_result<p::shard_lease> faulty_store::get_shard_lease(std::int64_t shard) {
  return pass(false, "get_shard_lease", [&] { return real_->get_shard_lease(shard); });
}

p::store_result<p::event_record> faulty_store::get_event(const std::string& id) {
  return pass(false, "get_event", [&] { return real_->get_event(id); });
}

p::store_result<p::page<p::event_record>> faulty_store::list_events(const p::event_filter& filter,
                                                                    const p::page_request& page) {
  return pass(false, "list_events", [&] { return real_->list_events(filter, page); });
}

p::store_result<std::vector<p::event_record>> faulty_store::correlated_events(
    const std::string& correlation_id, std::int64_t limit) {
  return pass(false, "correlated_events",
              [&] { return real_->correlated_events(correlation_id, limit); });
}

p::store_result<std::int64_t> faulty_store::last_event_seq() {
  return pass(false, "last_event_seq", [&] { return real_->last_event_seq(); });
}

p::store_result<std::int64_t> faulty_store::event_cursor(const std::string& name) {
  return pass(false, "event_cursor", [&] { return real_->event_cursor(name); });
}

p::store_result<p::event_pattern_record> faulty_store::get_event_pattern(const std::string& id) {
  return pass(false, "get_event_pattern", [&] { return real_->get_event_pattern(id); });
}

p::store_result<p::page<p::event_pattern_record>> faulty_store::list_event_patterns(
    const p::page_request& page) {
  return pass(false, "list_event_patterns", [&] { return real_->list_event_patterns(page); });
}

p::store_result<std::vector<p::event_pattern_state>> faulty_store::event_pattern_states() {
  return pass(false, "event_pattern_states", [&] { return real_->event_pattern_states(); });
}

p::store_result<std::vector<p::event_retention_rule>> faulty_store::event_retention_rules() {
  return pass(false, "event_retention_rules", [&] { return real_->event_retention_rules(); });
}

p::store_result<std::vector<std::string>> faulty_store::event_types() {
  return pass(false, "event_types", [&] { return real_->event_types(); });
}

p::store_result<std::vector<p::sealed_value>> faulty_store::sealed_not_under(
    const std::string& key_id, std::int64_t limit) {
  return pass(false, "sealed_not_under", [&] { return real_->sealed_not_under(key_id, limit); });
}

p::store_result<std::int64_t> faulty_store::event_count_cutoff(const std::string& type,
                                                               std::int64_t keep) {
  return pass(false, "event_count_cutoff", [&] { return real_->event_count_cutoff(type, keep); });
}

p::store_result<std::vector<p::event_count>> faulty_store::event_counts(std::int64_t from_ms,
                                                                        std::int64_t to_ms,
                                                                        std::int64_t interval_ms,
                                                                        std::int64_t limit) {
  return pass(false, "event_counts",
              [&] { return real_->event_counts(from_ms, to_ms, interval_ms, limit); });
}

p::store_result<std::int64_t> faulty_store::ensure_shard_count(
    std::optional<std::int64_t> requested) {
  return pass(true, "ensure_shard_count", [&] { return real_->ensure_shard_count(requested); });
}

p::store_result<p::task_record> faulty_store::get_task(const std::string& id) {
  return pass(false, "get_task", [&] { return real_->get_task(id); });
}

p::store_result<p::page<p::task_record>> faulty_store::list_tasks(const p::task_filter& filter,
                                                                  const p::page_request& page) {
  return pass(false, "list_tasks", [&] { return real_->list_tasks(filter, page); });
}

p::store_result<p::task_run_record> faulty_store::get_task_run(const std::string& id) {
  return pass(false, "get_task_run", [&] { return real_->get_task_run(id); });
}

p::store_result<p::page<p::task_run_record>> faulty_store::list_task_runs(
    const p::task_run_filter& filter, const p::page_request& page) {
  return pass(false, "list_task_runs", [&] { return real_->list_task_runs(filter, page); });
}

p::store_result<std::vector<p::task_run_record>> faulty_store::unfinished_task_runs(
    const std::vector<std::int64_t>& shards) {
  return pass(false, "unfinished_task_runs", [&] { return real_->unfinished_task_runs(shards); });
}

p::store_result<std::vector<p::task_log_line>> faulty_store::task_run_logs(
    const std::string& run_id, std::int64_t after_seq, std::int64_t limit) {
  return pass(false, "task_run_logs",
              [&] { return real_->task_run_logs(run_id, after_seq, limit); });
}

p::store_result<p::task_run_figures> faulty_store::task_figures(const std::string& task_id) {
  return pass(false, "task_figures", [&] { return real_->task_figures(task_id); });
}

p::store_result<p::task_schedule_record> faulty_store::get_task_schedule(
    const std::string& task_id) {
  return pass(false, "get_task_schedule", [&] { return real_->get_task_schedule(task_id); });
}

p::store_result<std::vector<p::task_schedule_record>> faulty_store::task_schedules() {
  return pass(false, "task_schedules", [&] { return real_->task_schedules(); });
}

std::int64_t faulty_store::shard_count() const {
  return real_->shard_count();
}

p::store_status faulty_store::ping() {
  return pass(false, "ping", [&] { return real_->ping(); });
}

p::store_result<p::user_record> faulty_store::get_user(const std::string& id) {
  return pass(false, "get_user", [&] { return real_->get_user(id); });
}

p::store_result<p::user_record> faulty_store::get_user_by_name(const std::string& username) {
  return pass(false, "get_user_by_name", [&] { return real_->get_user_by_name(username); });
}

p::store_result<p::page<p::user_record>> faulty_store::list_users(const p::page_request& page) {
  return pass(false, "list_users", [&] { return real_->list_users(page); });
}

p::store_result<p::role_record> faulty_store::get_role(const std::string& name) {
  return pass(false, "get_role", [&] { return real_->get_role(name); });
}

p::store_result<std::vector<p::role_record>> faulty_store::list_roles() {
  return pass(false, "list_roles", [&] { return real_->list_roles(); });
}

p::store_result<p::api_token_record> faulty_store::find_api_token(const std::string& token_hash) {
  return pass(false, "find_api_token", [&] { return real_->find_api_token(token_hash); });
}

p::store_result<std::vector<p::api_token_record>> faulty_store::list_api_tokens(
    const std::string& user_id) {
  return pass(false, "list_api_tokens", [&] { return real_->list_api_tokens(user_id); });
}

p::store_result<p::refresh_token_record> faulty_store::find_refresh_token(
    const std::string& token_hash) {
  return pass(false, "find_refresh_token", [&] { return real_->find_refresh_token(token_hash); });
}

p::store_result<std::vector<p::revocation_record>> faulty_store::revocations_after(
    std::int64_t after_seq, std::int64_t limit) {
  return pass(false, "revocations_after",
              [&] { return real_->revocations_after(after_seq, limit); });
}

p::store_result<p::page<p::audit_record>> faulty_store::list_audit(const p::audit_filter& filter,
                                                                   const p::page_request& page) {
  return pass(false, "list_audit", [&] { return real_->list_audit(filter, page); });
}

p::store_result<p::audit_summary> faulty_store::summarize_audit(std::int64_t from_ms,
                                                                std::int64_t to_ms) {
  return pass(false, "summarize_audit", [&] { return real_->summarize_audit(from_ms, to_ms); });
}

}  // namespace auraos::test
