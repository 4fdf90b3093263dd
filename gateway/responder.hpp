#pragma once
// The answer channel a handler gets with each request: call it once, from any thread.

#include <functional>
#include <memory>

#include "gateway/http_message.hpp"
#include "gateway/stream_writer.hpp"

namespace auraos::gateway {

/// Sends the response of one request. Copies share one answer: the first call of any copy
/// counts and later calls are ignored. When the last copy is dropped without a call, the
/// request is answered 500, so a connection never waits forever.
class responder {
 public:
  /// The function that carries a response to the connection (the server posts it to a strand).
  using deliver_function = std::function<void(http_response)>;
  /// The function that starts a streamed response on the connection: its head, its writer.
  using open_function =
      std::function<void(http_response, std::shared_ptr<stream_writer>, const stream_options&)>;

  /// A responder that hands its one response to `deliver` and, when `open` is set, may stream.
  explicit responder(deliver_function deliver, open_function open = {});

  /// Answers the request; true when this was the first answer, false when one was already sent.
  bool operator()(http_response response) const;

  /// Answers with a streamed response: `head` gives the status and header fields (its body is
  /// ignored; the chunks follow). The writer of the stream, or null when an answer was already
  /// sent or this connection cannot stream (it is then answered 500).
  std::shared_ptr<stream_writer> stream(http_response head, const stream_options& options) const;

  /// True once any copy has answered.
  bool answered() const;

 private:
  struct state;
  std::shared_ptr<state> state_;
};

/// A request handler: answers through the responder, now or later, from any thread.
using http_handler = std::function<void(const http_request&, responder)>;

}  // namespace auraos::gateway
