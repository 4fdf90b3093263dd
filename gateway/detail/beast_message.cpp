// Internal: copying requests out of Beast and responses into it.

#include "gateway/detail/beast_message.hpp"

#include <fmt/format.h>

namespace auraos::gateway::detail {
namespace http = boost::beast::http;
namespace {

std::string_view view(boost::beast::string_view text) {
  return {text.data(), text.size()};
}

}  // namespace

result<http_request, api_error> to_http_request(beast_request&& request) {
  http_request plain;
  plain.method = std::string(request.method_string());
  plain.target = std::string(request.target());
  auto question = plain.target.find('?');
  plain.path = plain.target.substr(0, question);
  if (question != std::string::npos) {
    auto query = parse_query(std::string_view(plain.target).substr(question + 1));
    if (!query) {
      return fail(
          make_error(errc::invalid,
                     fmt::format("malformed percent-encoding in the query of {}", plain.target)));
    }
    plain.query = std::move(*query);
  }
  for (const auto& field : request)
    plain.headers.add(view(field.name_string()), view(field.value()));
  plain.body = std::move(request.body());
  return plain;
}

beast_response to_beast_response(http_response&& response, unsigned version, bool keep_alive,
                                 bool head) {
  beast_response out{static_cast<http::status>(response.status), version};
  out.set(http::field::server, "auraos");
  for (const auto& [name, value] : response.headers.fields()) out.set(name, value);
  bool bodiless = response.status < 200 || response.status == 204 || response.status == 304;
  if (!bodiless && !response.body.empty())
    out.set(http::field::content_type, response.content_type);
  if (!bodiless) out.body() = std::move(response.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  if (head && !bodiless) {
    // prepare_payload set Content-Length from the body; the header stays, the body goes.
    out.body().clear();
  }
  return out;
}

beast_stream_head to_stream_head(http_response&& head, unsigned version) {
  beast_stream_head out{static_cast<http::status>(head.status), version};
  out.set(http::field::server, "auraos");
  for (const auto& [name, value] : head.headers.fields()) out.set(name, value);
  out.set(http::field::content_type, head.content_type);
  out.keep_alive(false);
  if (version >= 11) out.chunked(true);
  return out;
}

}  // namespace auraos::gateway::detail
