#pragma once
// The PostgreSQL backend of the store: libpq, a connection pool, group commit in a pipeline.

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "persistence/clock.hpp"
#include "persistence/store.hpp"

namespace auraos::persistence::postgres {

class connection_pool;

/// How to open a PostgreSQL store.
struct postgres_options {
  std::string url;  ///< postgresql://USER@HOST:PORT/DATABASE (any libpq URL).
  clock_fn clock;   ///< Source of created_at/updated_at stamps (required: the env's wall clock).
  std::size_t pool_size = 1;  ///< Connections, for callers on several threads.
};

/// A store in one PostgreSQL database; migrates the schema on open. A lost connection answers
/// unavailable and is re-established by the next call.
class postgres_store final : public store {
 public:
  /// Connects, migrates under an advisory lock, refuses a schema newer than this binary.
  static store_result<std::unique_ptr<postgres_store>> open(postgres_options options);
  ~postgres_store() override;

  store_result<std::vector<write_outcome>> commit(const write_batch& batch) override;
  store_result<workflow_record> get_workflow(const std::string& id,
                                             std::optional<std::int64_t> revision) override;
  store_result<page<workflow_record>> list_workflows(const workflow_filter& filter,
                                                     const page_request& page) override;
  store_result<page<workflow_record>> list_workflow_revisions(const std::string& id,
                                                              const page_request& page) override;
  store_result<execution_record> get_execution(const std::string& id) override;
  store_result<page<execution_record>> list_executions(const execution_filter& filter,
                                                       const page_request& page) override;
  store_result<std::vector<execution_record>> unfinished_executions(
      const std::vector<std::int64_t>& shards = {}) override;
  store_result<std::vector<history_event>> read_history(const std::string& execution_id,
                                                        std::int64_t after_seq,
                                                        std::int64_t limit) override;
  store_result<std::optional<snapshot_record>> latest_snapshot(
      const std::string& execution_id) override;
  store_result<std::vector<timer_record>> due_timers(
      std::int64_t now_ms, std::int64_t limit,
      const std::vector<std::int64_t>& shards = {}) override;
  store_result<std::optional<std::int64_t>> next_timer_deadline(
      const std::vector<std::int64_t>& shards = {}) override;
  store_result<shard_lease> get_shard_lease(std::int64_t shard) override;
  store_result<event_record> get_event(const std::string& id) override;
  store_result<page<event_record>> list_events(const event_filter& filter,
                                               const page_request& page) override;
  store_result<std::vector<event_record>> correlated_events(const std::string& correlation_id,
                                                            std::int64_t limit) override;
  store_result<std::int64_t> last_event_seq() override;
  store_result<std::int64_t> event_cursor(const std::string& name) override;
  store_result<event_pattern_record> get_event_pattern(const std::string& id) override;
  store_result<page<event_pattern_record>> list_event_patterns(const page_request& page) override;
  store_result<std::vector<event_pattern_state>> event_pattern_states() override;
  store_result<std::vector<event_retention_rule>> event_retention_rules() override;
  store_result<std::vector<std::string>> event_types() override;
  store_result<std::vector<sealed_value>> sealed_not_under(const std::string& key_id,
                                                           std::int64_t limit) override;
  store_result<std::int64_t> event_count_cutoff(const std::string& type,
                                                std::int64_t keep) override;
  store_result<std::vector<event_count>> event_counts(std::int64_t from_ms, std::int64_t to_ms,
                                                      std::int64_t interval_ms,
                                                      std::int64_t limit) override;
  store_result<task_record> get_task(const std::string& id) override;
  store_result<page<task_record>> list_tasks(const task_filter& filter,
                                             const page_request& page) override;
  store_result<task_run_record> get_task_run(const std::string& id) override;
  store_result<page<task_run_record>> list_task_runs(const task_run_filter& filter,
                                                     const page_request& page) override;
  store_result<std::vector<task_run_record>> unfinished_task_runs(
      const std::vector<std::int64_t>& shards = {}) override;
  store_result<std::vector<task_log_line>> task_run_logs(const std::string& run_id,
                                                         std::int64_t after_seq = 0,
                                                         std::int64_t limit = 0) override;
  store_result<task_run_figures> task_figures(const std::string& task_id) override;
  store_result<task_schedule_record> get_task_schedule(const std::string& task_id) override;
  store_result<std::vector<task_schedule_record>> task_schedules() override;
  store_result<user_record> get_user(const std::string& id) override;
  store_result<user_record> get_user_by_name(const std::string& username) override;
  store_result<page<user_record>> list_users(const page_request& page) override;
  store_result<role_record> get_role(const std::string& name) override;
  store_result<std::vector<role_record>> list_roles() override;
  store_result<api_token_record> find_api_token(const std::string& token_hash) override;
  store_result<std::vector<api_token_record>> list_api_tokens(const std::string& user_id) override;
  store_result<refresh_token_record> find_refresh_token(const std::string& token_hash) override;
  store_result<std::vector<revocation_record>> revocations_after(std::int64_t after_seq,
                                                                 std::int64_t limit) override;
  store_result<page<audit_record>> list_audit(const audit_filter& filter,
                                              const page_request& page) override;
  store_result<audit_summary> summarize_audit(std::int64_t from_ms, std::int64_t to_ms) override;
  store_result<std::int64_t> ensure_shard_count(std::optional<std::int64_t> requested) override;
  std::int64_t shard_count() const override { return shards_; }
  store_status ping() override;
  store_result<status_counts> count_executions_by_status() override;
  store_result<execution_activity> execution_activity_between(std::int64_t from_ms,
                                                              std::int64_t to_ms) override;

 private:
  postgres_store(std::unique_ptr<connection_pool> pool, clock_fn clock);

  std::unique_ptr<connection_pool> pool_;
  clock_fn clock_;
  std::atomic<std::int64_t> shards_;  ///< See shard_count().
};

}  // namespace auraos::persistence::postgres
