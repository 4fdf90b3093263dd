// Every message type that may cross a node, with its stable name (docs/messages.md).
#include "node/message_types.hpp"

#include <caf/actor_system_config.hpp>

#include "actors/executions/execution.hpp"
#include "actors/executions/executions_service.hpp"
#include "actors/store/store_actor.hpp"

namespace auraos::node {

namespace p = persistence;

void add_message_types(caf::actor_system_config& config) {
  // The executions service: commands and replies.
  config.add_message_type<actors::executions::start_execution_command>(
      "auraos.start_execution_command");
  config.add_message_type<actors::executions::execution_reply>("auraos.execution_reply");
  config.add_message_type<actors::executions::history_reply>("auraos.history_reply");
  config.add_message_type<actors::executions::locate_reply>("auraos.locate_reply");
  config.add_message_type<actors::executions::execution_brief>("auraos.execution_brief");
  config.add_message_type<actors::executions::executions_counters>("auraos.executions_counters");
  // The execution actor.
  config.add_message_type<actors::executions::attempt_outcome>("auraos.attempt_outcome");
  config.add_message_type<actors::executions::execution_end>("auraos.execution_end");
  config.add_message_type<actors::executions::child_request>("auraos.child_request");
  config.add_message_type<actors::executions::child_reply>("auraos.child_reply");
  // The store actor: queries.
  config.add_message_type<p::write_request>("auraos.store.write_request");
  config.add_message_type<actors::store::ping_query>("auraos.store.ping_query");
  config.add_message_type<actors::store::get_workflow_query>("auraos.store.get_workflow_query");
  config.add_message_type<actors::store::list_workflows_query>("auraos.store.list_workflows_query");
  config.add_message_type<actors::store::list_revisions_query>("auraos.store.list_revisions_query");
  config.add_message_type<actors::store::get_execution_query>("auraos.store.get_execution_query");
  config.add_message_type<actors::store::list_executions_query>(
      "auraos.store.list_executions_query");
  config.add_message_type<actors::store::count_executions_query>(
      "auraos.store.count_executions_query");
  config.add_message_type<actors::store::execution_activity_query>(
      "auraos.store.execution_activity_query");
  config.add_message_type<actors::store::unfinished_executions_query>(
      "auraos.store.unfinished_executions_query");
  config.add_message_type<actors::store::read_history_query>("auraos.store.read_history_query");
  config.add_message_type<actors::store::latest_snapshot_query>(
      "auraos.store.latest_snapshot_query");
  config.add_message_type<actors::store::due_timers_query>("auraos.store.due_timers_query");
  config.add_message_type<actors::store::next_timer_deadline_query>(
      "auraos.store.next_timer_deadline_query");
  config.add_message_type<actors::store::shard_lease_query>("auraos.store.shard_lease_query");
  config.add_message_type<actors::store::get_event_query>("auraos.store.get_event_query");
  config.add_message_type<actors::store::list_events_query>("auraos.store.list_events_query");
  config.add_message_type<actors::store::correlated_events_query>(
      "auraos.store.correlated_events_query");
  config.add_message_type<actors::store::last_event_seq_query>("auraos.store.last_event_seq_query");
  config.add_message_type<actors::store::event_cursor_query>("auraos.store.event_cursor_query");
  config.add_message_type<actors::store::get_pattern_query>("auraos.store.get_pattern_query");
  config.add_message_type<actors::store::list_patterns_query>("auraos.store.list_patterns_query");
  config.add_message_type<actors::store::pattern_states_query>(
      "auraos.store.pattern_states_query");
  config.add_message_type<actors::store::event_retention_rules_query>(
      "auraos.store.event_retention_rules_query");
  config.add_message_type<actors::store::event_types_query>("auraos.store.event_types_query");
  config.add_message_type<actors::store::event_count_cutoff_query>(
      "auraos.store.event_count_cutoff_query");
  config.add_message_type<actors::store::event_counts_query>("auraos.store.event_counts_query");
  // The store actor: replies.
  config.add_message_type<p::write_outcome>("auraos.store.write_outcome");
  config.add_message_type<actors::store::commit_stats>("auraos.store.commit_stats");
  config.add_message_type<p::store_status>("auraos.store.status");
  config.add_message_type<p::store_result<p::status_counts>>("auraos.store.status_counts");
  config.add_message_type<p::store_result<p::execution_activity>>(
      "auraos.store.execution_activity");
  config.add_message_type<p::store_result<p::workflow_record>>("auraos.store.workflow");
  config.add_message_type<p::store_result<p::page<p::workflow_record>>>(
      "auraos.store.workflow_page");
  config.add_message_type<p::store_result<p::execution_record>>("auraos.store.execution");
  config.add_message_type<p::store_result<p::page<p::execution_record>>>(
      "auraos.store.execution_page");
  config.add_message_type<p::store_result<std::vector<p::execution_record>>>(
      "auraos.store.executions");
  config.add_message_type<p::store_result<std::vector<p::history_event>>>("auraos.store.history");
  config.add_message_type<p::store_result<std::optional<p::snapshot_record>>>(
      "auraos.store.snapshot");
  config.add_message_type<p::store_result<std::vector<p::timer_record>>>("auraos.store.timers");
  config.add_message_type<p::store_result<std::optional<std::int64_t>>>(
      "auraos.store.timer_deadline");
  config.add_message_type<p::store_result<p::shard_lease>>("auraos.store.shard_lease");
  config.add_message_type<p::store_result<p::event_record>>("auraos.store.event");
  config.add_message_type<p::store_result<p::page<p::event_record>>>("auraos.store.event_page");
  config.add_message_type<p::store_result<std::vector<p::event_record>>>("auraos.store.events");
  config.add_message_type<p::store_result<std::int64_t>>("auraos.store.event_seq");
  config.add_message_type<p::store_result<p::event_pattern_record>>("auraos.store.event_pattern");
  config.add_message_type<p::store_result<p::page<p::event_pattern_record>>>(
      "auraos.store.event_pattern_page");
  config.add_message_type<p::store_result<std::vector<p::event_pattern_state>>>(
      "auraos.store.event_pattern_states");
  config.add_message_type<p::store_result<std::vector<p::event_retention_rule>>>(
      "auraos.store.event_retention_rules");
  config.add_message_type<p::store_result<std::vector<std::string>>>("auraos.store.event_types");
  config.add_message_type<p::store_result<std::vector<p::event_count>>>(
      "auraos.store.event_counts");
}

}  // namespace auraos::node
