#pragma once
// Turns a request body into a workflow draft: JSON limits, then the definition's own rules.

#include <optional>
#include <string>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "persistence/workflow_record.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// Parses and validates a definition body; `path_id`, when given, replaces the body's id.
/// 400 for malformed JSON, 422 `invalid_definition` with every error in `details`.
result<persistence::workflow_draft, api_error> workflow_draft_from(
    const http_request& request, const std::optional<std::string>& path_id);

/// Parses a PATCH body `{"status": "draft" | "active" | "archived"}`; 400 for anything else.
result<persistence::workflow_status, api_error> workflow_status_patch_from(
    const http_request& request);

/// Parses the `status` query value of a workflow list, when present; 400 for an unknown one.
result<std::optional<persistence::workflow_status>, api_error> workflow_status_filter_from(
    const http_request& request);

}  // namespace auraos::gateway
