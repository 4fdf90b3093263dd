#pragma once
// The Server-Sent Events wire format (WHATWG HTML, "Server-sent events").

#include <string>
#include <string_view>

namespace auraos::gateway {

/// The Content-Type of an event stream.
inline constexpr std::string_view sse_content_type = "text/event-stream";

/// One message: "event: NAME\n", one "data: LINE\n" per line of `data` (CR, LF or CRLF), "\n".
std::string sse_event(std::string_view name, std::string_view data);

/// A comment clients ignore (": TEXT\n\n"), e.g. to keep proxies from closing an idle stream.
std::string sse_comment(std::string_view text);

}  // namespace auraos::gateway
