#pragma once
// How workflow, execution and cluster answers print for people (`--output table`).

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace auraos::cli {

/// Prints workflow definitions (`[workflow JSON...]`): id, status, revision, updated, name.
void print_workflow_table(const nlohmann::json& workflows);

/// Prints executions (`[execution JSON...]`): id, workflow, status, started, completed.
void print_execution_table(const nlohmann::json& executions);

/// Prints one execution: its row, then its nodes, output and error when set.
void print_execution_details(const nlohmann::json& execution);

/// One history record (`{seq, timestamp, kind, nodeId, attempt, data}`) as one line of text:
/// "TIME  s#SEQ  KIND  node N  attempt A  what happened".
std::string history_line(const nlohmann::json& record);

/// Prints the members of a cluster (GET /api/v1/cluster) and its shard moves.
void print_cluster(const nlohmann::json& cluster);

}  // namespace auraos::cli
