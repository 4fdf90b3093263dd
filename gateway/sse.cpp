// Server-Sent Events framing.

#include "gateway/sse.hpp"

namespace auraos::gateway {

std::string sse_event(std::string_view name, std::string_view data) {
  std::string out;
  out.reserve(name.size() + data.size() + 16);
  out.append("event: ").append(name).append("\n");
  while (true) {
    auto end = data.find_first_of("\r\n");
    out.append("data: ").append(data.substr(0, end)).append("\n");
    if (end == std::string_view::npos) break;
    bool crlf = data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n';
    data.remove_prefix(end + (crlf ? 2 : 1));
  }
  out.append("\n");
  return out;
}

std::shared_ptr<stream_writer> open_sse_stream(
    const responder& respond, std::size_t capacity,
    std::function<void(const std::shared_ptr<stream_writer>&)> prepare) {
  http_response head;
  head.content_type = std::string{sse_content_type};
  head.headers.set("Cache-Control", "no-cache");
  // Tells nginx-like proxies not to buffer the stream.
  head.headers.set("X-Accel-Buffering", "no");
  stream_options options;
  options.capacity = capacity;
  options.heartbeat_interval = sse_ping_interval;
  options.heartbeat_text = sse_comment("ping");
  options.prepare = std::move(prepare);
  return respond.stream(std::move(head), options);
}

std::string sse_comment(std::string_view text) {
  std::string out{": "};
  out.append(text).append("\n\n");
  return out;
}

}  // namespace auraos::gateway
