// Internal: the WebSocket streams of a connection: the upgrade handshake, the writer's chunks
// as text messages in order, a close frame with the writer's code and reason, and an end when
// either side is done. The client's messages are read (so its pings and close are answered)
// and ignored.

#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>

#include "gateway/detail/http_session.hpp"

namespace auraos::gateway::detail {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace websocket = beast::websocket;

namespace {

/// The largest client message read (its content is ignored).
constexpr std::size_t client_message_limit = 64 * 1024;

/// `reason` cut to what a close frame carries (123 bytes), never inside a UTF-8 sequence.
std::string close_reason_text(std::string reason) {
  constexpr std::size_t limit = 123;
  if (reason.size() <= limit) return reason;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(reason[end]) & 0xC0) == 0x80) --end;
  reason.resize(end);
  return reason;
}

}  // namespace

void http_session::begin_websocket(std::shared_ptr<stream_writer> writer,
                                   const stream_options& options) {
  if (phase_ != phase::handling) return writer->finish();
  if (!upgrade_request_) {
    writer->finish();
    self_.reset();
    return reject(
        error_response(make_error(errc::invalid, "this request is not a WebSocket upgrade")));
  }
  if (auto refused = open_subscription()) {
    writer->finish();
    return deliver(std::move(*refused));
  }
  self_.reset();
  phase_ = phase::streaming;
  writer_ = std::move(writer);
  stream_options_ = options;
  tcp().expires_never();  // the WebSocket keeps its own timeouts and pings
  if (tls_)
    websocket_.emplace<tls_websocket>(std::get<tls_stream>(stream_));
  else
    websocket_.emplace<plain_websocket>(std::get<plain_stream>(stream_));
  with_websocket([this](auto& socket) {
    socket.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    socket.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, "auraos"); }));
    socket.read_message_max(client_message_limit);
    socket.async_accept(
        *upgrade_request_,
        beast::bind_front_handler(&http_session::on_websocket_accept, shared_from_this()));
  });
}

void http_session::on_websocket_accept(beast::error_code ec) {
  if (ec || phase_ != phase::streaming) return end_stream();
  std::weak_ptr<http_session> weak = shared_from_this();
  auto executor = tcp().get_executor();
  read_websocket();
  writer_->connect([weak, executor] {
    net::post(executor, [weak] {
      if (auto self = weak.lock()) self->pump_websocket();
    });
  });
  if (context_->stopping()) writer_->close_with(1001, "the server is stopping");
}

void http_session::pump_websocket() {
  if (phase_ != phase::streaming || stream_writing_) return;
  auto batch = writer_->take();
  for (auto& chunk : batch.chunks) websocket_out_.push_back(std::move(chunk));
  if (batch.finish && !websocket_close_)
    websocket_close_.emplace(batch.close_code, std::move(batch.close_reason));
  if (!websocket_out_.empty()) {
    stream_writing_ = true;
    with_websocket([this](auto& socket) {
      socket.text(true);
      socket.async_write(
          net::buffer(*websocket_out_.front()),
          beast::bind_front_handler(&http_session::on_websocket_write, shared_from_this()));
    });
    return;
  }
  if (!websocket_close_) return;
  stream_writing_ = true;
  auto text = close_reason_text(websocket_close_->second);
  websocket::close_reason reason{static_cast<websocket::close_code>(websocket_close_->first),
                                 beast::string_view(text.data(), text.size())};
  with_websocket([&](auto& socket) {
    socket.async_close(reason, [self = shared_from_this()](beast::error_code) {
      self->stream_writing_ = false;
      self->end_stream();
    });
  });
}

void http_session::on_websocket_write(beast::error_code ec, std::size_t) {
  stream_writing_ = false;
  if (ec || phase_ != phase::streaming) return end_stream();
  websocket_out_.pop_front();
  pump_websocket();
}

void http_session::read_websocket() {
  with_websocket([this](auto& socket) {
    socket.async_read(websocket_in_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (self->phase_ != phase::streaming) return;
                        // The client closed (its close frame answered), left, or sent too much.
                        if (ec) return self->end_stream();
                        self->websocket_in_.consume(self->websocket_in_.size());
                        self->read_websocket();
                      });
  });
}

}  // namespace auraos::gateway::detail
