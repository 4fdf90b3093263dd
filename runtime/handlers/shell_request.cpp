#include "runtime/handlers/shell_request.hpp"

#include <nlohmann/json.hpp>

#include "runtime/handlers/json_text.hpp"

extern char** environ;

namespace auraos::runtime::handlers {
namespace {

using nlohmann::json;

result<std::vector<std::string>, work_error> command_argv(const json& command) {
  if (command.is_string()) {
    if (command.get<std::string>().empty()) return fail(config_error("config.command", "is empty"));
    return std::vector<std::string>{"/bin/sh", "-c", command.get<std::string>()};
  }
  if (!command.is_array()) {
    return fail(config_error("config.command", "required: a string or an array of strings"));
  }
  if (command.empty()) return fail(config_error("config.command", "the argv array is empty"));
  std::vector<std::string> argv;
  for (std::size_t i = 0; i < command.size(); ++i) {
    auto arg = scalar_text(command[i], "config.command[" + std::to_string(i) + "]");
    if (!arg) return fail(std::move(arg).error());
    argv.push_back(std::move(arg).value());
  }
  if (argv[0].empty()) return fail(config_error("config.command[0]", "is empty"));
  return argv;
}

result<std::string, work_error> optional_text(const json& config, const char* field) {
  auto it = config.find(field);
  if (it == config.end() || it->is_null()) return std::string{};
  return scalar_text(*it, std::string("config.") + field);
}

/// A NUL byte would cut what the operating system gets short of what the config says (a `cwd`
/// of "/srv/${input.dir}/sandbox" with "..\0" in the input): refused instead.
result<bool, work_error> without_nul(const shell_request& request) {
  auto has_nul = [](const std::string& text) { return text.find('\0') != std::string::npos; };
  for (const auto& arg : request.argv)
    if (has_nul(arg)) return fail(config_error("config.command", "contains a NUL byte"));
  for (const auto& [name, value] : request.env) {
    if (has_nul(name) || has_nul(value))
      return fail(config_error("config.env", "a name or value contains a NUL byte"));
    if (name.empty() || name.find('=') != std::string::npos)
      return fail(config_error("config.env", "a name is empty or contains '='"));
  }
  if (has_nul(request.cwd)) return fail(config_error("config.cwd", "contains a NUL byte"));
  return true;
}

}  // namespace

result<shell_request, work_error> parse_shell_config(const json& config,
                                                     attempt_identity identity) {
  if (!config.is_object()) return fail(config_error("config", "must be an object"));
  shell_request request;
  auto argv = command_argv(config.contains("command") ? config["command"] : json());
  if (!argv) return fail(std::move(argv).error());
  request.argv = std::move(argv).value();
  auto env = text_map(config.contains("env") ? config["env"] : json(), "config.env");
  if (!env) return fail(std::move(env).error());
  request.env = std::move(env).value();
  auto cwd = optional_text(config, "cwd");
  if (!cwd) return fail(std::move(cwd).error());
  request.cwd = std::move(cwd).value();
  auto stdin_data = optional_text(config, "stdin");
  if (!stdin_data) return fail(std::move(stdin_data).error());
  request.stdin_data = std::move(stdin_data).value();
  if (auto checked = without_nul(request); !checked) return fail(std::move(checked).error());
  request.identity = std::move(identity);
  return request;
}

std::vector<std::string> shell_environment(const shell_request& request) {
  std::map<std::string, std::string> vars;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text{*entry};
    auto eq = text.find('=');
    if (eq != std::string::npos) vars[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const auto& [name, value] : request.env) vars[name] = value;
  const auto& id = request.identity;
  vars["AURAOS_EXECUTION_ID"] = id.execution_id;
  vars["AURAOS_NODE_ID"] = id.node_id;
  vars["AURAOS_ATTEMPT"] = std::to_string(id.attempt);
  vars["AURAOS_IDEMPOTENCY_KEY"] = id.idempotency_key;
  std::vector<std::string> out;
  out.reserve(vars.size());
  for (const auto& [name, value] : vars) out.push_back(name + "=" + value);
  return out;
}

}  // namespace auraos::runtime::handlers
