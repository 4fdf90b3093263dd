// Published events from a request body.

#include "gateway/event_body.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "gateway/json_body.hpp"
#include "runtime/events/cloud_event.hpp"
#include "runtime/events/event_input.hpp"

namespace auraos::gateway {
namespace {

/// The media type of the Content-Type field, lower case, without parameters.
std::string media_type(const http_request& request) {
  auto value = request.headers.get("Content-Type").value_or("application/json");
  auto type = value.substr(0, value.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return c == ' '; }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

}  // namespace

result<std::vector<runtime::events::event>, api_error> published_events(
    const http_request& request) {
  namespace ev = runtime::events;
  auto body = parse_json_body(request.body);
  if (!body) return fail(body.error());
  auto type = media_type(request);
  auto parsed = type == ev::cloudevents_type         ? ev::parse_cloud_events(*body, false)
                : type == ev::cloudevents_batch_type ? ev::parse_cloud_events(*body, true)
                                                     : ev::parse_published_events(*body);
  if (parsed) return std::move(*parsed);
  auto error = make_error(errc::invalid_input, parsed.error().message);
  error.details = std::make_shared<const nlohmann::json>(parsed.error().details);
  return fail(std::move(error));
}

}  // namespace auraos::gateway
