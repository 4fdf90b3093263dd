#pragma once
// History records as JSON, for the REST history endpoint (docs/history-format.md).

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "messages/history.pb.h"

namespace auraos::runtime::engine {

/// The record kind, as named in history.proto ("attempt_started"); empty when unset.
std::string_view record_kind(const v1::HistoryEvent& record);

/// `{kind, nodeId, attempt, atMs, data}`; JSON text payloads (`*_json`) become JSON values.
nlohmann::json record_to_json(const v1::HistoryEvent& record);

}  // namespace auraos::runtime::engine
