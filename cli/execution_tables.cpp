// Tables and lines of workflows, executions, their history and the cluster.

#include "cli/execution_tables.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/client_command.hpp"
#include "cli/text_table.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

/// The longest piece of a payload shown on a history line.
constexpr std::size_t longest_detail = 160;

/// `text` cut to `longest_detail` bytes (at a UTF-8 boundary) with "…" when cut.
std::string shortened(std::string text) {
  if (text.size() <= longest_detail) return text;
  auto end = longest_detail;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

/// What a history record's payload says, in a few words: an error's type and message, an
/// output, a delay; empty when nothing is worth showing.
std::string detail_of(const nlohmann::json& record) {
  const auto& data = record.contains("data") ? record["data"] : nlohmann::json();
  if (!data.is_object()) return "";
  if (data.contains("error") && data["error"].is_object()) {
    const auto& error = data["error"];
    return shortened(field(error, "type") + ": " + field(error, "message"));
  }
  if (data.contains("output")) return shortened("output " + runtime::dump_json(data["output"]));
  if (data.contains("delayMs")) return "in " + field(data, "delayMs") + " ms";
  if (data.contains("reason") && data["reason"].is_string()) return cell(data["reason"]);
  return "";
}

}  // namespace

void print_workflow_table(const nlohmann::json& workflows) {
  text_table table{{"ID", "STATUS", "REVISION", "UPDATED", "NAME"}};
  for (const auto& w : workflows)
    table.add({field(w, "id"), field(w, "status"), field(w, "revision"), field(w, "updatedAt"),
               field(w, "name")});
  table.print();
}

void print_execution_table(const nlohmann::json& executions) {
  text_table table{{"ID", "WORKFLOW", "STATUS", "STARTED", "COMPLETED"}};
  for (const auto& e : executions)
    table.add({field(e, "id"), field(e, "workflowId"), field(e, "status"), field(e, "startedAt"),
               field(e, "completedAt")});
  table.print();
}

void print_execution_details(const nlohmann::json& execution) {
  print_execution_table(nlohmann::json::array({execution}));
  if (execution.contains("nodes") && execution["nodes"].is_array() &&
      !execution["nodes"].empty()) {
    std::printf("\n");
    text_table nodes{{"NODE", "STATUS", "ATTEMPTS", "STARTED", "COMPLETED"}};
    for (const auto& n : execution["nodes"])
      nodes.add({field(n, "id"), field(n, "status"), field(n, "attempts"), field(n, "startedAt"),
                 field(n, "completedAt")});
    nodes.print();
  }
  for (const char* name : {"output", "error"})
    if (execution.contains(name) && !execution[name].is_null())
      std::printf("\n%s: %s\n", name, runtime::dump_json(execution[name], 2).c_str());
}

std::string history_line(const nlohmann::json& record) {
  auto line = field(record, "timestamp") + "  s#" + field(record, "seq") + "  " +
              field(record, "kind");
  auto node = record.value("nodeId", nlohmann::json());
  if (node.is_string() && !node.get<std::string>().empty())
    line += "  node " + node.get<std::string>();
  auto attempt = record.value("attempt", nlohmann::json());
  if (attempt.is_number_integer() && attempt.get<long long>() > 0)
    line += "  attempt " + attempt.dump();
  auto detail = detail_of(record);
  if (!detail.empty()) line += "  " + detail;
  return line;
}

void print_cluster(const nlohmann::json& cluster) {
  std::printf("this node: %s; shards: %s\n", field(cluster, "self").c_str(),
              field(cluster, "shards").c_str());
  text_table table{{"NODE", "STATUS", "SHARDS", "HTTP", "CLUSTER", "LAST HEARTBEAT", "STARTED"}};
  if (cluster.contains("nodes") && cluster["nodes"].is_array())
    for (const auto& n : cluster["nodes"])
      table.add({field(n, "name"), field(n, "status"), field(n, "shardCount"),
                 field(n, "httpAddress"), field(n, "clusterAddress"), field(n, "lastHeartbeatAt"),
                 field(n, "startedAt")});
  table.print();
  if (!cluster.contains("moves") || !cluster["moves"].is_object()) return;
  const auto& moves = cluster["moves"];
  auto last = moves.value("last", nlohmann::json());
  std::printf("shard moves: %s; last: %s\n",
              moves.value("inProgress", false) ? "in progress" : "none in progress",
              last.is_object() ? ("shard " + field(last, "shard") + " " + field(last, "from") +
                                  " -> " + field(last, "to") + " at " + field(last, "at") + " (" +
                                  field(last, "reason") + ")")
                                     .c_str()
                               : "none");
}

}  // namespace auraos::cli
