#pragma once
// The filter flags of `auraos event list` and `auraos event tail`, as a query string.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace auraos::cli {

/// `--type` (repeatable), `--source`, `--from`, `--to`, `--correlation-id`, `--where`.
struct event_filter_flags {
  std::vector<std::string> types;  ///< Any of these types.
  std::string source;              ///< This source.
  std::string from;                ///< RFC 3339: timestamp >= from.
  std::string to;                  ///< RFC 3339: timestamp < to.
  std::string correlation_id;      ///< This correlation id.
  std::string where;               ///< A boolean expression over `event`.

  /// Adds the flags to `command`.
  void add_to(CLI::App& command);
  /// The query parameters of the set flags, each "&name=value" (escaped).
  std::string query() const;
};

/// "&name=value" with `value` escaped, or "" when `value` is empty.
std::string query_pair(const std::string& name, const std::string& value);

/// `target` + `query` with the first "&" made a "?".
std::string with_query(std::string target, const std::string& query);

}  // namespace auraos::cli
