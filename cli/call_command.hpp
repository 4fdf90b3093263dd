#pragma once
// Client commands that are one REST call each, declared as data: their positional arguments
// become path segments, their flags query parameters or body fields (`auraos workflow metrics`,
// `auraos event pattern create`, `auraos node health` ...).

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace CLI {
class App;
}

namespace auraos::cli {

/// A flag of a call command and where its value goes.
struct call_flag {
  /// How the value is written into a body.
  enum class value_kind { text, integer, json };
  std::string flag;   ///< "--from".
  std::string field;  ///< The query parameter or body field it sets ("from").
  std::string help;   ///< Its line in --help.
  value_kind kind = value_kind::text;  ///< Body fields only: text, a whole number, or JSON.
  bool required = false;               ///< The command refuses to run without it.
};

/// One REST call as a command.
struct call_command {
  std::string name{};         ///< The subcommand's name.
  std::string description{};  ///< Its line in --help.
  std::string method{};       ///< HTTP method.
  /// Positional arguments (names like "ID", with their help); their values fill `path`.
  std::vector<std::pair<std::string, std::string>> arguments{};
  /// The request target from the positional values (escape them with query_escape).
  std::function<std::string(const std::vector<std::string>& values)> path{};
  std::vector<call_flag> query{};  ///< Flags sent as query parameters (when given).
  std::vector<call_flag> body{};   ///< Flags sent as fields of a JSON object body (when given).
  /// Positional values also sent as text fields of the body: (argument index, field).
  std::vector<std::pair<std::size_t, std::string>> argument_fields{};
  /// True: the last positional argument is a FILE whose JSON is the body.
  bool body_from_file = false;
  /// Prints a 2xx answer for people; empty: the answer's JSON, indented.
  std::function<void(const nlohmann::json& answer)> table{};
  /// What `table` output prints for a 204 answer ("deleted the rule").
  std::string done_text{};
};

/// `--from`, `--to` and `--interval` of the metrics routes (a time window in buckets).
std::vector<call_flag> window_flags();

/// Adds `command` to `parent` with the client flags; its callback sets `exit_code`.
void add_call_command(CLI::App& parent, call_command command, int& exit_code);

/// Adds every command of `commands` to `parent`.
void add_call_commands(CLI::App& parent, std::vector<call_command> commands, int& exit_code);

}  // namespace auraos::cli
