// `auraos node health|ready|supervision|metrics`: a node's own state (GET /healthz, /readyz,
// /api/v1/supervision, /metrics).

#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/client_command.hpp"
#include "cli/command.hpp"

namespace auraos::cli {
namespace {

/// Prints a supervision tree, one actor per line, indented under its supervisor.
void print_tree(const nlohmann::json& actor, int depth = 0) {
  if (!actor.is_object()) return;
  std::string line(std::size_t(depth) * 2, ' ');
  line += field(actor, "name") + "  " + field(actor, "kind") + "  " + field(actor, "status");
  if (actor.value("strategy", nlohmann::json()).is_string()) line += "  " + field(actor, "strategy");
  auto restarts = actor.value("restarts", nlohmann::json(0));
  if (restarts.is_number() && restarts.get<long long>() > 0)
    line += "  restarts " + restarts.dump();
  std::printf("%s\n", line.c_str());
  if (actor.contains("children") && actor["children"].is_array())
    for (const auto& child : actor["children"]) print_tree(child, depth + 1);
}

std::function<std::string(const std::vector<std::string>&)> fixed(std::string path) {
  return [path](const std::vector<std::string>&) { return path; };
}

void install(CLI::App& app, int& exit_code) {
  auto* node = app.add_subcommand("node", "Show a node's health, readiness, supervision tree, metrics");
  node->require_subcommand(1);
  add_call_commands(
      *node,
      {{.name = "health", .description = "Is the node alive (GET /healthz)", .method = "GET",
        .path = fixed("/healthz")},
       {.name = "ready",
        .description = "Is the node ready: store and executions service (exit 1 when not)",
        .method = "GET", .path = fixed("/readyz")},
       {.name = "supervision",
        .description = "Print the live supervision tree: supervisors, services, restarts",
        .method = "GET", .path = fixed("/api/v1/supervision"),
        .table = [](const nlohmann::json& tree) { print_tree(tree); }},
       {.name = "metrics", .description = "Print the node's Prometheus metrics", .method = "GET",
        .path = fixed("/metrics")}},
      exit_code);
}

const command_registration registration{62, install};

}  // namespace
}  // namespace auraos::cli
