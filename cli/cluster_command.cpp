// `auraos cluster status|shards`: the members of the node's cluster and its shard moves
// (GET /api/v1/cluster; a node alone shows itself), and who holds each shard.

#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/client_command.hpp"
#include "cli/command.hpp"
#include "cli/execution_tables.hpp"
#include "cli/text_table.hpp"

namespace auraos::cli {

namespace {

void print_shards(const nlohmann::json& shards) {
  text_table table{{"SHARD", "OWNER", "EPOCH", "EXPIRES"}};
  if (shards.is_array())
    for (const auto& s : shards)
      table.add({field(s, "shard"), field(s, "owner"), field(s, "epoch"), field(s, "expiresAt")});
  table.print();
}

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
  add_call_command(*cluster,
                   {.name = "shards", .description = "List the shards: owner, lease epoch, expiry",
                    .method = "GET",
                    .path = [](const std::vector<std::string>&) {
                      return std::string{"/api/v1/cluster/shards"};
                    },
                    .table = print_shards},
                   exit_code);
}

const command_registration registration{60, install};

}  // namespace
}  // namespace auraos::cli
