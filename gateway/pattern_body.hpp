#pragma once
// The body of a pattern rule write (POST/PUT /api/v1/event-patterns): parsed and validated by
// runtime/events/patterns (400 for malformed JSON, 422 with one `path: message` detail per
// problem), and the JSON shape of a stored rule.

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "actors/events/pattern_messages.hpp"
#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"

namespace auraos::gateway {

/// The rule write of `request`'s body; `path_id` is the id of a PUT (the body's `id`, when
/// given, must equal it); a POST without `id` gets a random UUID.
result<actors::events::pattern_put, api_error> pattern_body(
    const http_request& request, const std::optional<std::string>& path_id);

/// `{<the rule>, createdAt, updatedAt, matches, lastMatchAt}` of a stored rule.
nlohmann::json pattern_json(const actors::events::pattern_info& info);

}  // namespace auraos::gateway
