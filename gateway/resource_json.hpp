#pragma once
// The REST shapes of stored records (their errors: gateway/error_mapping.hpp).

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "gateway/api_error.hpp"
#include "gateway/error_mapping.hpp"
#include "persistence/execution_record.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::gateway {

/// Milliseconds since the epoch as RFC 3339 UTC, e.g. "2026-01-02T03:04:05.678Z".
std::string rfc3339_utc(std::int64_t epoch_ms);

/// `{id, name, description, version, revision, tags, createdAt, updatedAt, definition}`.
nlohmann::json workflow_json(const persistence::workflow_record& record);

/// `{id, workflowId, revision, status, input, output, error, createdAt, startedAt,
/// completedAt, idempotencyKey}` of a stored execution (lists answer this shape).
nlohmann::json execution_summary_json(const persistence::execution_record& record);

/// A response carrying JSON text the service produced, with `status`.
http_response json_text_response(int status, std::string json_text);

}  // namespace auraos::gateway
