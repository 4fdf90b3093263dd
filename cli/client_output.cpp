// Printing a node's answers for client commands.

#include "cli/client_output.hpp"

#include <cstdio>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"

namespace auraos::cli {

void client_flags::add_to(CLI::App& command) {
  command.add_option("--server", server,
                     "Node URL http://HOST:PORT (default $AURAOS_SERVER, else "
                     "http://127.0.0.1:8080)");
  command.add_option("--token", token,
                     "Access or API token (default $AURAOS_TOKEN, else the one `auraos login` "
                     "saved for the server)");
  command.add_option("--output", output, "table or json (default: table on a terminal)")
      ->check(CLI::IsMember({"table", "json"}));
}

bool client_flags::json() const {
  if (!output.empty()) return output == "json";
  return ::isatty(STDOUT_FILENO) == 0;
}

bool succeeded(const result<node_reply, unreachable>& reply) {
  return reply && reply->status >= 200 && reply->status < 300;
}

int print_failure(const result<node_reply, unreachable>& reply) {
  if (!reply) {
    std::fprintf(stderr, "auraos: %s\n", reply.error().message.c_str());
    return exit_unreachable;
  }
  auto body = nlohmann::json::parse(reply->body, nullptr, false);
  const auto* error = body.is_object() && body.contains("error") ? &body["error"] : nullptr;
  if (!error || !error->is_object()) {
    std::fprintf(stderr, "auraos: the server answered %d: %s\n", reply->status,
                 reply->body.substr(0, 500).c_str());
    return exit_failed;
  }
  std::fprintf(stderr, "auraos: %s\n", error->value("message", std::string{"error"}).c_str());
  if (error->contains("details") && (*error)["details"].is_array())
    for (const auto& line : (*error)["details"])
      std::fprintf(stderr, "  %s\n", line.is_string() ? line.get<std::string>().c_str()
                                                      : line.dump().c_str());
  return exit_failed;
}

result<node_reply, int> call_checked(const client_flags& flags, const std::string& method,
                                     const std::string& target, const std::string& body,
                                     const std::map<std::string, std::string>& headers) {
  auto server = resolve_server(flags.server, flags.token);
  if (!server) return fail(usage_error(server.error()));
  auto reply = call_node(*server, method, target, body, headers);
  if (!succeeded(reply)) return fail(print_failure(reply));
  return std::move(*reply);
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "auraos: %s\n", message.c_str());
  return exit_invalid;
}

void print_event_table(const nlohmann::json& events) {
  std::printf("%-24s  %-24s  %-16s  %s\n", "TIMESTAMP", "TYPE", "SOURCE", "ID");
  for (const auto& e : events)
    std::printf("%-24s  %-24s  %-16s  %s\n", e.value("timestamp", std::string{}).c_str(),
                e.value("type", std::string{}).c_str(), e.value("source", std::string{}).c_str(),
                e.value("id", std::string{}).c_str());
}

}  // namespace auraos::cli
