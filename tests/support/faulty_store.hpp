#pragma once
// A fault-injecting store for tests: wraps a real store, fails writes, delays calls, drops the
// connection.

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>

#include "persistence/store.hpp"

namespace auraos::test {

/// Passes every call to a real store, except the faults a test injects. Thread-safe: a test
/// changes the faults while the store actor's thread calls the store.
class faulty_store final : public persistence::store {
 public:
  /// A store that behaves like `real` until a fault is injected.
  explicit faulty_store(std::shared_ptr<persistence::store> real);

  /// The next `count` commits fail with `code` and never reach the real store.
  void fail_next_writes(std::size_t count,
                        persistence::store_errc code = persistence::store_errc::unavailable);
  /// Every call waits `delay` before it runs (zero: no delay).
  void delay_operations(std::chrono::milliseconds delay);
  /// Every call (reads, commits, ping) answers unavailable until `restore_connection`.
  void drop_connection();
  /// Ends `drop_connection`: calls reach the real store again.
  void restore_connection();
  /// Calls answered with an injected failure so far.
  std::size_t injected_failures() const;

  // The store interface: each call meets the injected faults first, then the real store.

  /// Commits through the real store unless a write failure or a dropped connection answers.
  persistence::store_result<std::vector<persistence::write_outcome>> commit(
      const persistence::write_batch& batch) override;
  persistence::store_result<persistence::workflow_record> get_workflow(
      const std::string& id, std::optional<std::int64_t> revision = {}) override;
  persistence::store_result<persistence::page<persistence::workflow_record>> list_workflows(
      const persistence::workflow_filter& filter, const persistence::page_request& page) override;
  persistence::store_result<persistence::page<persistence::workflow_record>>
  list_workflow_revisions(const std::string& id, const persistence::page_request& page) override;
  persistence::store_result<persistence::execution_record> get_execution(
      const std::string& id) override;
  persistence::store_result<persistence::page<persistence::execution_record>> list_executions(
      const persistence::execution_filter& filter, const persistence::page_request& page) override;
  persistence::store_result<persistence::status_counts> count_executions_by_status() override;
  persistence::store_result<persistence::execution_activity> execution_activity_between(
      std::int64_t from_ms, std::int64_t to_ms) override;
  persistence::store_result<std::vector<persistence::execution_record>> unfinished_executions(
      const std::vector<std::int64_t>& shards = {}) override;
  persistence::store_result<std::vector<persistence::history_event>> read_history(
      const std::string& execution_id, std::int64_t after_seq = 0, std::int64_t limit = 0) override;
  persistence::store_result<std::optional<persistence::snapshot_record>> latest_snapshot(
      const std::string& execution_id) override;
  persistence::store_result<std::vector<persistence::timer_record>> due_timers(
      std::int64_t now_ms, std::int64_t limit,
      const std::vector<std::int64_t>& shards = {}) override;
  persistence::store_result<std::optional<std::int64_t>> next_timer_deadline(
      const std::vector<std::int64_t>& shards = {}) override;
  persistence::store_result<persistence::shard_lease> get_shard_lease(std::int64_t shard) override;
  persistence::store_result<persistence::event_record> get_event(const std::string& id) override;
  persistence::store_result<persistence::page<persistence::event_record>> list_events(
      const persistence::event_filter& filter, const persistence::page_request& page) override;
  persistence::store_result<std::vector<persistence::event_record>> correlated_events(
      const std::string& correlation_id, std::int64_t limit) override;
  persistence::store_result<std::int64_t> last_event_seq() override;
  persistence::store_result<std::int64_t> event_cursor(const std::string& name) override;
  persistence::store_result<persistence::event_pattern_record> get_event_pattern(
      const std::string& id) override;
  persistence::store_result<persistence::page<persistence::event_pattern_record>>
  list_event_patterns(const persistence::page_request& page) override;
  persistence::store_result<std::vector<persistence::event_pattern_state>> event_pattern_states()
      override;
  persistence::store_result<std::vector<persistence::event_retention_rule>> event_retention_rules()
      override;
  persistence::store_result<std::vector<std::string>> event_types() override;
  persistence::store_result<std::vector<persistence::sealed_value>> sealed_not_under(
      const std::string& key_id, std::int64_t limit) override;
  persistence::store_result<std::int64_t> event_count_cutoff(const std::string& type,
                                                             std::int64_t keep) override;
  persistence::store_result<std::vector<persistence::event_count>> event_counts(
      std::int64_t from_ms, std::int64_t to_ms, std::int64_t interval_ms,
      std::int64_t limit) override;
  persistence::store_result<persistence::task_record> get_task(const std::string& id) override;
  persistence::store_result<persistence::page<persistence::task_record>> list_tasks(
      const persistence::task_filter& filter, const persistence::page_request& page) override;
  persistence::store_result<persistence::task_run_record> get_task_run(
      const std::string& id) override;
  persistence::store_result<persistence::page<persistence::task_run_record>> list_task_runs(
      const persistence::task_run_filter& filter, const persistence::page_request& page) override;
  persistence::store_result<std::vector<persistence::task_run_record>> unfinished_task_runs(
      const std::vector<std::int64_t>& shards = {}) override;
  persistence::store_result<std::vector<persistence::task_log_line>> task_run_logs(
      const std::string& run_id, std::int64_t after_seq = 0, std::int64_t limit = 0) override;
  persistence::store_result<persistence::task_run_figures> task_figures(
      const std::string& task_id) override;
  persistence::store_result<persistence::task_schedule_record> get_task_schedule(
      const std::string& task_id) override;
  persistence::store_result<std::vector<persistence::task_schedule_record>> task_schedules()
      override;
  persistence::store_result<persistence::user_record> get_user(const std::string& id) override;
  persistence::store_result<persistence::user_record> get_user_by_name(
      const std::string& username) override;
  persistence::store_result<persistence::page<persistence::user_record>> list_users(
      const persistence::page_request& page) override;
  persistence::store_result<persistence::role_record> get_role(const std::string& name) override;
  persistence::store_result<std::vector<persistence::role_record>> list_roles() override;
  persistence::store_result<persistence::api_token_record> find_api_token(
      const std::string& token_hash) override;
  persistence::store_result<std::vector<persistence::api_token_record>> list_api_tokens(
      const std::string& user_id) override;
  persistence::store_result<persistence::refresh_token_record> find_refresh_token(
      const std::string& token_hash) override;
  persistence::store_result<std::vector<persistence::revocation_record>> revocations_after(
      std::int64_t after_seq, std::int64_t limit) override;
  persistence::store_result<persistence::page<persistence::audit_record>> list_audit(
      const persistence::audit_filter& filter, const persistence::page_request& page) override;
  persistence::store_result<persistence::audit_summary> summarize_audit(
      std::int64_t from_ms, std::int64_t to_ms) override;
  persistence::store_result<std::int64_t> ensure_shard_count(
      std::optional<std::int64_t> requested) override;
  /// The real store's count (no fault applies).
  std::int64_t shard_count() const override;
  persistence::store_status ping() override;

 private:
  /// The failure injected into this call, if any, after the injected delay; `write`: a commit.
  std::optional<persistence::store_error> fault(bool write, const char* operation);
  /// `call()`, unless a fault answers instead.
  template <class F>
  auto pass(bool write, const char* operation, F call) -> decltype(call());

  std::shared_ptr<persistence::store> real_;
  mutable std::mutex mutex_;
  std::size_t failing_writes_ = 0;
  persistence::store_errc write_error_ = persistence::store_errc::unavailable;
  std::chrono::milliseconds delay_{0};
  bool dropped_ = false;
  std::size_t injected_ = 0;
};

}  // namespace auraos::test
