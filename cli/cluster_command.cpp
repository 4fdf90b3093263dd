// `auraos cluster status`: the members of the node's cluster and its shard moves
// (GET /api/v1/cluster; a node alone shows itself).

#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/client_command.hpp"
#include "cli/command.hpp"
#include "cli/execution_tables.hpp"

namespace auraos::cli {
namespace {

int status(const client_flags& flags) {
  auto reply = call_checked(flags, "GET", "/api/v1/cluster");
  if (!reply) return reply.error();
  return print_answer(flags, *reply, print_cluster);
}

void install(CLI::App& app, int& exit_code) {
  auto* cluster = app.add_subcommand("cluster", "Show the cluster a node belongs to");
  cluster->require_subcommand(1);
  auto flags = std::make_shared<client_flags>();
  auto* command =
      cluster->add_subcommand("status", "List the members: status, shards, addresses, heartbeats");
  flags->add_to(*command);
  command->callback([flags, &exit_code] { exit_code = status(*flags); });
}

const command_registration registration{60, install};

}  // namespace
}  // namespace auraos::cli
