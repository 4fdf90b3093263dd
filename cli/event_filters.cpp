// Filter flags of the event client commands.

#include "cli/event_filters.hpp"

#include <CLI/CLI.hpp>

#include "cli/node_client.hpp"

namespace auraos::cli {

void event_filter_flags::add_to(CLI::App& command) {
  command.add_option("--type", types, "Only events of this type (repeatable)");
  command.add_option("--source", source, "Only events of this source");
  command.add_option("--from", from, "Only events at or after this RFC 3339 time");
  command.add_option("--to", to, "Only events before this RFC 3339 time");
  command.add_option("--correlation-id", correlation_id, "Only events of this correlation id");
  command.add_option("--where", where, "Only events for which this expression over `event` holds");
}

std::string event_filter_flags::query() const {
  std::string out;
  for (const auto& type : types) out += query_pair("type", type);
  return out + query_pair("source", source) + query_pair("from", from) + query_pair("to", to) +
         query_pair("correlationId", correlation_id) + query_pair("where", where);
}

std::string query_pair(const std::string& name, const std::string& value) {
  return value.empty() ? std::string{} : "&" + name + "=" + query_escape(value);
}

std::string with_query(std::string target, const std::string& query) {
  if (query.empty()) return target;
  return target + "?" + query.substr(1);
}

}  // namespace auraos::cli
