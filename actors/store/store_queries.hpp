#pragma once
// The read requests the store actor answers (plain data, each with an `inspect` overload).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/store/commit_stats.hpp"
#include "actors/store/store_wire.hpp"

namespace auraos::actors::store {

/// Asks the database for a trivial answer (readiness probe).
struct ping_query {};

/// Asks for a workflow (latest revision, or the given one).
struct get_workflow_query {
  std::string id;                        ///< The workflow.
  std::optional<std::int64_t> revision;  ///< Absent: the latest.
};

/// Asks for a page of workflows.
struct list_workflows_query {
  persistence::workflow_filter filter;  ///< Which ones.
  persistence::page_request page;       ///< Where.
};

/// Asks for a page of a workflow's revisions.
struct list_revisions_query {
  std::string id;                  ///< The workflow.
  persistence::page_request page;  ///< Where.
};

/// Asks for one execution.
struct get_execution_query {
  std::string id;  ///< The execution.
};

/// Asks for a page of executions.
struct list_executions_query {
  persistence::execution_filter filter;  ///< Which ones.
  persistence::page_request page;        ///< Where.
};

/// Asks how many executions have each status.
struct count_executions_query {};

/// Asks which executions started and ended in [from_ms, to_ms) (the metrics endpoint).
struct execution_activity_query {
  std::int64_t from_ms = 0;  ///< Start of the window, ms since the epoch (inclusive).
  std::int64_t to_ms = 0;    ///< End of the window, ms since the epoch (exclusive).
};

/// Asks for every pending, running or paused execution of some shards.
struct unfinished_executions_query {
  std::vector<std::int64_t> shards = {};  ///< Of these shards; empty: of all shards.
};

/// Asks for one event.
struct get_event_query {
  std::string id;  ///< The event.
};

/// Asks for a page of events in storing order.
struct list_events_query {
  persistence::event_filter filter;  ///< Which ones.
  persistence::page_request page;    ///< Where.
};

/// Asks for the events of a correlation id in time order.
struct correlated_events_query {
  std::string correlation_id;  ///< The correlation id.
  std::int64_t limit = 10000;  ///< At most this many.
};

/// Asks for the highest stored event seq.
struct last_event_seq_query {};

/// Asks how far a named consumer of the event log got.
struct event_cursor_query {
  std::string name;  ///< The consumer, e.g. "triggers".
};

/// Asks for one stored pattern rule.
struct get_pattern_query {
  std::string id;  ///< The rule.
};

/// Asks for a page of stored pattern rules in creation order.
struct list_patterns_query {
  persistence::page_request page;  ///< Where.
};

/// Asks for every stored pattern matcher state.
struct pattern_states_query {};
/// Asks for every event retention rule.
struct event_retention_rules_query {};

/// Asks for every type that has a stored event.
struct event_types_query {};

/// Asks for the seq below which a type holds more than `keep` events (event_count_cutoff).
struct event_count_cutoff_query {
  std::string type;       ///< The type.
  std::int64_t keep = 1;  ///< The newest events kept.
};

/// Asks for the event counts per bucket, type and source of a window (event_counts).
struct event_counts_query {
  std::int64_t from_ms = 0;          ///< Window start (inclusive).
  std::int64_t to_ms = 0;            ///< Window end (exclusive).
  std::int64_t interval_ms = 60000;  ///< Bucket length.
  std::int64_t limit = 100000;       ///< At most this many rows.
};

/// Asks for the history of an execution after a seq.
struct read_history_query {
  std::string execution_id;    ///< The execution.
  std::int64_t after_seq = 0;  ///< Records with a higher seq.
  std::int64_t limit = 0;      ///< At most this many (0: all).
};

/// Asks for an execution's latest snapshot.
struct latest_snapshot_query {
  std::string execution_id;  ///< The execution.
};

/// Asks for timers due at `now_ms`.
struct due_timers_query {
  std::int64_t now_ms = 0;                ///< The time.
  std::int64_t limit = 100;               ///< At most this many.
  std::vector<std::int64_t> shards = {};  ///< Of these shards; empty: of all shards.
};

/// Asks for the earliest timer deadline.
struct next_timer_deadline_query {
  std::vector<std::int64_t> shards = {};  ///< Of these shards; empty: of all shards.
};

/// Asks for a shard's lease.
struct shard_lease_query {
  std::int64_t shard = 0;  ///< The shard.
};

/// Inspects a `ping_query` (no fields).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, ping_query&) {
  return f(caf::meta::type_name("ping_query"));
}

/// Inspects a `count_executions_query` (no fields).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, count_executions_query&) {
  return f(caf::meta::type_name("count_executions_query"));
}

/// Inspects an `execution_activity_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_activity_query& x) {
  return f(caf::meta::type_name("execution_activity_query"), x.from_ms, x.to_ms);
}

/// Inspects a `unfinished_executions_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, unfinished_executions_query& x) {
  return f(caf::meta::type_name("unfinished_executions_query"), x.shards);
}

/// Inspects a `next_timer_deadline_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, next_timer_deadline_query& x) {
  return f(caf::meta::type_name("next_timer_deadline_query"), x.shards);
}

/// Inspects a `get_workflow_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, get_workflow_query& x) {
  wire::optional_field<std::int64_t> revision{x.revision};
  return f(caf::meta::type_name("get_workflow_query"), x.id, revision);
}

/// Inspects a `list_workflows_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, list_workflows_query& x) {
  return f(caf::meta::type_name("list_workflows_query"), x.filter, x.page);
}

/// Inspects a `list_revisions_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, list_revisions_query& x) {
  return f(caf::meta::type_name("list_revisions_query"), x.id, x.page);
}

/// Inspects a `get_execution_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, get_execution_query& x) {
  return f(caf::meta::type_name("get_execution_query"), x.id);
}

/// Inspects a `list_executions_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, list_executions_query& x) {
  return f(caf::meta::type_name("list_executions_query"), x.filter, x.page);
}

/// Inspects a `get_event_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, get_event_query& x) {
  return f(caf::meta::type_name("get_event_query"), x.id);
}

/// Inspects a `list_events_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, list_events_query& x) {
  return f(caf::meta::type_name("list_events_query"), x.filter, x.page);
}

/// Inspects a `correlated_events_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correlated_events_query& x) {
  return f(caf::meta::type_name("correlated_events_query"), x.correlation_id, x.limit);
}

/// Inspects a `last_event_seq_query` (no fields).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, last_event_seq_query&) {
  return f(caf::meta::type_name("last_event_seq_query"));
}

/// Inspects an `event_cursor_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_cursor_query& x) {
  return f(caf::meta::type_name("event_cursor_query"), x.name);
}

/// Inspects a `get_pattern_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, get_pattern_query& x) {
  return f(caf::meta::type_name("get_pattern_query"), x.id);
}

/// Inspects a `list_patterns_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, list_patterns_query& x) {
  return f(caf::meta::type_name("list_patterns_query"), x.page);
}

/// Inspects a `pattern_states_query` (no fields).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pattern_states_query&) {
  return f(caf::meta::type_name("pattern_states_query"));
}

/// Inspects an `event_retention_rules_query` (no fields).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_retention_rules_query&) {
  return f(caf::meta::type_name("event_retention_rules_query"));
}

/// Inspects an `event_types_query` (no fields).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_types_query&) {
  return f(caf::meta::type_name("event_types_query"));
}

/// Inspects an `event_count_cutoff_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_count_cutoff_query& x) {
  return f(caf::meta::type_name("event_count_cutoff_query"), x.type, x.keep);
}

/// Inspects an `event_counts_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_counts_query& x) {
  return f(caf::meta::type_name("event_counts_query"), x.from_ms, x.to_ms, x.interval_ms, x.limit);
}

/// Inspects a `read_history_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, read_history_query& x) {
  return f(caf::meta::type_name("read_history_query"), x.execution_id, x.after_seq, x.limit);
}

/// Inspects a `latest_snapshot_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, latest_snapshot_query& x) {
  return f(caf::meta::type_name("latest_snapshot_query"), x.execution_id);
}

/// Inspects a `due_timers_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, due_timers_query& x) {
  return f(caf::meta::type_name("due_timers_query"), x.now_ms, x.limit, x.shards);
}

/// Inspects a `shard_lease_query`.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, shard_lease_query& x) {
  return f(caf::meta::type_name("shard_lease_query"), x.shard);
}

/// Inspects the commit statistics.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, commit_stats& x) {
  return f(caf::meta::type_name("commit_stats"), x.commits, x.failed_commits, x.requests,
           x.latency_sum_us, x.bucket_counts);
}

}  // namespace auraos::actors::store
