// Internal: the read, handle, write loop of one HTTP connection.

#include "gateway/detail/http_session.hpp"

#include <fmt/format.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "gateway/detail/access_log.hpp"

namespace auraos::gateway::detail {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

bool is_http_error(const beast::error_code& ec) {
  return &ec.category() == &http::make_error_code(http::error::end_of_stream).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

api_error read_error(const beast::error_code& ec, const server_options& options) {
  if (ec == http::error::body_limit) {
    return make_error(
        errc::payload_too_large,
        fmt::format("request body exceeds the limit of {} bytes", options.body_limit));
  }
  if (ec == http::error::header_limit) {
    return make_error(
        errc::headers_too_large,
        fmt::format("request headers exceed the limit of {} bytes", options.header_limit));
  }
  return make_error(errc::invalid, fmt::format("malformed HTTP request: {}", ec.message()));
}

}  // namespace

http_session::http_session(net::ip::tcp::socket&& socket, std::shared_ptr<server_context> context)
    : stream_(std::move(socket)), context_(std::move(context)) {}

http_session::~http_session() {
  context_->remove_session();
}

void http_session::start() {
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&http_session::read_request, shared_from_this()));
}

void http_session::begin_stop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->phase_ == phase::reading) self->close();
    // An open stream ends now (its queued chunks and the terminator are still written).
    if (self->phase_ == phase::streaming && self->websocket_)
      self->writer_->close_with(1001, "the server is stopping");
    else if (self->phase_ == phase::streaming)
      self->writer_->close();
  });
}

void http_session::force_close() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->self_.reset();
    self->close();
  });
}

void http_session::read_request() {
  if (context_->stopping()) return close();
  phase_ = phase::reading;
  parser_.emplace();
  parser_->body_limit(context_->options().body_limit);
  parser_->header_limit(context_->options().header_limit);
  stream_.expires_after(context_->options().read_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&http_session::on_read, shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t) {
  if (phase_ == phase::closed) return;
  started_ = std::chrono::steady_clock::now();
  method_ = std::string(parser_->get().method_string());
  path_ = std::string(parser_->get().target());
  if (is_http_error(ec)) return reject(read_error(ec, context_->options()));
  if (ec) return close();
  handle_request();
}

void http_session::handle_request() {
  auto request = parser_->release();
  if (beast::websocket::is_upgrade(request))
    upgrade_request_ = request;
  else
    upgrade_request_.reset();
  version_ = request.version();
  keep_alive_ = request.keep_alive();
  auto plain = to_http_request(std::move(request));
  if (!plain) return reject(plain.error());
  phase_ = phase::handling;
  stream_.expires_never();
  self_ = shared_from_this();
  auto respond = make_responder();
  try {
    context_->handler()(*plain, respond);
  } catch (const std::exception& e) {
    respond(error_response(
        make_error(errc::internal, fmt::format("the handler failed: {}", e.what()))));
  }
}

responder http_session::make_responder() {
  std::weak_ptr<http_session> weak = shared_from_this();
  auto context = context_;
  auto deliver = [weak, context](http_response response) {
    context->through_gate([&] {
      auto session = weak.lock();
      if (!session) return;
      net::post(session->stream_.get_executor(),
                [session, response = std::move(response)]() mutable {
                  session->deliver(std::move(response));
                });
    });
  };
  auto open = [weak, context](http_response head, std::shared_ptr<stream_writer> writer,
                              const stream_options& options) {
    bool posted = false;
    context->through_gate([&] {
      auto session = weak.lock();
      if (!session) return;
      posted = true;
      net::post(session->stream_.get_executor(),
                [session, head = std::move(head), writer, options]() mutable {
                  session->begin_stream(std::move(head), std::move(writer), options);
                });
    });
    if (!posted) writer->finish();
  };
  return responder(std::move(deliver), std::move(open));
}

void http_session::deliver(http_response response) {
  if (phase_ != phase::handling) return;
  self_.reset();
  write(std::move(response), keep_alive_ && !context_->stopping());
}

void http_session::reject(const api_error& error) {
  linger_ = true;
  write(error_response(error), false);
}

void http_session::write(http_response response, bool keep_alive) {
  phase_ = phase::writing;
  response_ = to_beast_response(std::move(response), version_, keep_alive, method_ == "HEAD");
  stream_.expires_after(context_->options().read_timeout);
  http::async_write(
      stream_, response_,
      beast::bind_front_handler(&http_session::on_write, shared_from_this(), keep_alive));
}

void http_session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
  if (context_->options().access_log) {
    log_access(method_, path_, response_.result_int(), std::chrono::steady_clock::now() - started_);
  }
  if (ec || phase_ == phase::closed) return close();
  if (linger_) return drain_then_close();
  if (!keep_alive) return close();
  read_request();
}

void http_session::drain_then_close() {
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  discard_input();
}

void http_session::discard_input() {
  stream_.async_read_some(net::buffer(discard_),
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                            if (ec || self->phase_ == phase::closed) return self->close();
                            self->discard_input();
                          });
}

void http_session::close() {
  phase_ = phase::closed;
  if (heartbeat_) heartbeat_->cancel();
  if (writer_) writer_->finish();
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  stream_.close();
}

}  // namespace auraos::gateway::detail
