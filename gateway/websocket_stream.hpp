#pragma once
// Streams that become WebSockets (RFC 6455): the request's wish and the answer that accepts it
// (plain C++: the connection does the handshake and the framing).

#include <cstddef>
#include <functional>
#include <memory>

#include "gateway/http_message.hpp"
#include "gateway/responder.hpp"

namespace auraos::gateway {

/// True when `request` asks to become a WebSocket: `Upgrade` names `websocket` and
/// `Connection` names `upgrade` (case-insensitive tokens).
bool wants_websocket(const http_request& request);

/// Accepts the request's upgrade: the connection answers 101 and sends each chunk of the
/// returned writer as one text message, at most `capacity` waiting; null when it could not.
/// `prepare` runs with the writer before the 101 is sent.
std::shared_ptr<stream_writer> open_websocket_stream(
    const responder& respond, std::size_t capacity,
    std::function<void(const std::shared_ptr<stream_writer>&)> prepare = {});

}  // namespace auraos::gateway
