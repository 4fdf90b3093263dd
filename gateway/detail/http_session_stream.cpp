// Internal: the streamed responses of a connection (Server-Sent Events): the head, then the
// writer's chunks as they come, a heartbeat, and an end when either side is done.

#include <fmt/format.h>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "gateway/detail/access_log.hpp"
#include "gateway/detail/http_session.hpp"

namespace auraos::gateway::detail {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

/// Appends `text` as one HTTP/1.1 chunk (or as is, for a close-delimited HTTP/1.0 body).
void append_chunk(std::string& out, const std::string& text, bool chunked) {
  if (text.empty()) return;  // an empty chunk would end a chunked body
  if (chunked) out += fmt::format("{:x}\r\n", text.size());
  out += text;
  if (chunked) out += "\r\n";
}

}  // namespace

void http_session::begin_stream(http_response head, std::shared_ptr<stream_writer> writer,
                                const stream_options& options) {
  if (options.websocket) return begin_websocket(std::move(writer), options);
  if (phase_ != phase::handling) return writer->finish();
  if (auto refused = open_subscription()) {
    writer->finish();
    return deliver(std::move(*refused));
  }
  self_.reset();
  phase_ = phase::streaming;
  writer_ = std::move(writer);
  stream_options_ = options;
  stream_head_.emplace(to_stream_head(std::move(head), version_));
  stream_serializer_.emplace(*stream_head_);
  tcp().expires_after(context_->options().read_timeout);
  with_stream([this](auto& stream) {
    http::async_write_header(
        stream, *stream_serializer_,
        beast::bind_front_handler(&http_session::on_stream_head, shared_from_this()));
  });
}

void http_session::on_stream_head(beast::error_code ec, std::size_t) {
  if (ec || phase_ != phase::streaming || method_ == "HEAD") return end_stream();
  std::weak_ptr<http_session> weak = shared_from_this();
  auto executor = tcp().get_executor();
  // Writes set their own deadline; the read that watches the client must have none.
  tcp().expires_never();
  watch_client();
  arm_heartbeat();
  writer_->connect([weak, executor] {
    net::post(executor, [weak] {
      if (auto self = weak.lock()) self->pump_stream();
    });
  });
  if (context_->stopping()) writer_->close();
}

void http_session::pump_stream() {
  if (phase_ != phase::streaming || stream_writing_) return;
  auto batch = writer_->take();
  if (batch.chunks.empty() && !batch.finish) return;
  bool chunked = stream_head_->chunked();
  stream_out_.clear();
  for (const auto& chunk : batch.chunks) append_chunk(stream_out_, *chunk, chunked);
  if (batch.finish && chunked) stream_out_ += "0\r\n\r\n";
  stream_writing_ = true;
  tcp().expires_after(context_->options().read_timeout);
  with_stream([&](auto& stream) {
    net::async_write(stream, net::buffer(stream_out_),
                     beast::bind_front_handler(&http_session::on_stream_write, shared_from_this(),
                                               batch.finish));
  });
}

void http_session::on_stream_write(bool finish, beast::error_code ec, std::size_t) {
  stream_writing_ = false;
  if (ec || finish || phase_ != phase::streaming) return end_stream();
  pump_stream();
}

void http_session::watch_client() {
  // The client sends nothing on a stream: any end of its side (or a reset) ends the stream.
  auto watch = [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (self->phase_ != phase::streaming) return;
    if (ec) return self->end_stream();
    self->watch_client();
  };
  // Over TLS the bytes are records: read them through the TLS stream (its close_notify too).
  if (tls_)
    std::get<tls_stream>(stream_).async_read_some(net::buffer(discard_), std::move(watch));
  else
    tcp().socket().async_read_some(net::buffer(discard_), std::move(watch));
}

void http_session::arm_heartbeat() {
  if (stream_options_.heartbeat_interval.count() <= 0) return;
  if (!heartbeat_) heartbeat_.emplace(tcp().get_executor());
  heartbeat_->expires_after(stream_options_.heartbeat_interval);
  heartbeat_->async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->phase_ != phase::streaming) return;
    self->writer_->push(self->stream_options_.heartbeat_text);
    self->arm_heartbeat();
  });
}

void http_session::end_stream() {
  if (phase_ == phase::closed) return;
  if (context_->options().access_log)
    log_access(method_, path_,
               is_websocket() ? 101
               : stream_head_ ? static_cast<int>(stream_head_->result_int())
                              : 0,
               std::chrono::steady_clock::now() - started_);
  close();
}

}  // namespace auraos::gateway::detail
