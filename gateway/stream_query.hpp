#pragma once
// The query of GET /api/v1/stream: which topics, and which execution's transitions.

#include <string>
#include <vector>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "gateway/live_hub.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// Reads `topics` (comma list of executions, supervision, cluster; default all) and `execution`
/// (an execution id: adds its transitions); a 400 error naming the parameter on a bad value.
result<live_filter, api_error> parse_stream_filter(const http_request& request);

/// The topic names a filter takes, in the order executions, supervision, cluster.
std::vector<std::string> topic_names(const live_filter& filter);

}  // namespace auraos::gateway
