#pragma once
// Request bodies of the task routes: definitions, starts, batches, claims and worker calls.
// Malformed JSON is 400; a definition's own errors are 422 with every error in `details`.

#include <optional>
#include <string>

#include "actors/tasks/task_messages.hpp"
#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// A definition body (POST, or PUT with `path_id` replacing the body's id) as a task_put.
result<actors::tasks::task_put, api_error> task_put_from(const http_request& request,
                                                         const std::optional<std::string>& path_id);

/// A start body `{"input": ...}` (empty: null input) with the Idempotency-Key header.
result<actors::tasks::run_request, api_error> run_request_from(const http_request& request,
                                                               const std::string& task_id);

/// A batch body `{"runs": [{"taskId", "input"}...]}` (1..1000 runs).
result<actors::tasks::batch_request, api_error> batch_request_from(const http_request& request);

/// A claim body `{workerId, max, waitSeconds}` for `queue`.
result<actors::tasks::claim_request, api_error> claim_request_from(const http_request& request,
                                                                   const std::string& queue);

/// A heartbeat, complete or fail body `{leaseId, output | error: {type, message}}`.
result<actors::tasks::lease_call, api_error> lease_call_from(const http_request& request,
                                                             const std::string& run_id,
                                                             actors::tasks::lease_verb verb);

}  // namespace auraos::gateway
