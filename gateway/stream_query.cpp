// Parsing the stream's query parameters.

#include "gateway/stream_query.hpp"

#include <cctype>

#include <fmt/format.h>

namespace auraos::gateway {
namespace {

/// True for an execution id as the store makes them: a UUID (8-4-4-4-12 hex digits).
bool is_execution_id(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (text[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

api_error bad_topic(std::string_view topic) {
  return make_error(errc::invalid,
                    fmt::format("query parameter 'topics': '{}' is not a topic; the topics are "
                                "executions, supervision and cluster",
                                topic.substr(0, 100)));
}

/// Sets the topic named `name` in `filter`; false when there is none.
bool take_topic(live_filter& filter, std::string_view name) {
  if (name == "executions")
    filter.executions = true;
  else if (name == "supervision")
    filter.supervision = true;
  else if (name == "cluster")
    filter.cluster = true;
  else
    return false;
  return true;
}

}  // namespace

result<live_filter, api_error> parse_stream_filter(const http_request& request) {
  live_filter filter;
  if (auto topics = request.query_param("topics")) {
    filter.executions = filter.supervision = filter.cluster = false;
    std::string_view rest = *topics;
    while (true) {
      auto comma = rest.find(',');
      auto name = rest.substr(0, comma);
      if (!take_topic(filter, name)) return fail(bad_topic(name));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  if (auto execution = request.query_param("execution")) {
    if (!is_execution_id(*execution))
      return fail(make_error(
          errc::invalid,
          fmt::format("query parameter 'execution': '{}' is not an execution id (a UUID)",
                      execution->substr(0, 100))));
    filter.execution = *execution;
  }
  return filter;
}

std::vector<std::string> topic_names(const live_filter& filter) {
  std::vector<std::string> names;
  if (filter.executions) names.emplace_back("executions");
  if (filter.supervision) names.emplace_back("supervision");
  if (filter.cluster) names.emplace_back("cluster");
  return names;
}

}  // namespace auraos::gateway
