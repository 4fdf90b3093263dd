#pragma once
// The Server-Sent Events wire format (WHATWG HTML, "Server-sent events").

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "gateway/responder.hpp"

namespace auraos::gateway {

/// The Content-Type of an event stream.
inline constexpr std::string_view sse_content_type = "text/event-stream";

/// One message: "event: NAME\n", one "data: LINE\n" per line of `data` (CR, LF or CRLF), "\n".
std::string sse_event(std::string_view name, std::string_view data);

/// How often an idle stream gets a `: ping` comment, so proxies keep it open.
inline constexpr std::chrono::seconds sse_ping_interval{15};

/// Answers with an event stream (no-cache, unbuffered by proxies, pinged when idle) whose
/// queue holds at most `capacity` chunks; its writer, or null when it could not open.
/// `prepare` runs with the writer before the head is sent.
std::shared_ptr<stream_writer> open_sse_stream(
    const responder& respond, std::size_t capacity,
    std::function<void(const std::shared_ptr<stream_writer>&)> prepare = {});

/// A comment clients ignore (": TEXT\n\n"), e.g. to keep proxies from closing an idle stream.
std::string sse_comment(std::string_view text);

}  // namespace auraos::gateway
