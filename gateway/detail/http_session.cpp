// Internal: the read, handle, write loop of one HTTP connection.

#include "gateway/detail/http_session.hpp"

#include <algorithm>

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

/// How long a connection over the connection limit may take to send its request.
constexpr std::chrono::milliseconds over_limit_timeout{std::chrono::seconds(5)};

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

http_session::http_session(net::ip::tcp::socket&& socket, std::shared_ptr<server_context> context,
                           std::shared_ptr<net::ssl::context> tls, bool admitted)
    : tls_(std::move(tls)),
      stream_(make_stream(std::move(socket), tls_)),
      admitted_(admitted),
      context_(std::move(context)) {}

http_session::~http_session() {
  end_subscription();
  if (admitted_) context_->open().close_connection();
  context_->remove_session();
}

std::variant<http_session::plain_stream, http_session::tls_stream> http_session::make_stream(
    net::ip::tcp::socket&& socket, const std::shared_ptr<net::ssl::context>& tls) {
  using stream_variant = std::variant<plain_stream, tls_stream>;
  if (tls) return stream_variant{std::in_place_type<tls_stream>, std::move(socket), *tls};
  return stream_variant{std::in_place_type<plain_stream>, std::move(socket)};
}

http_session::plain_stream& http_session::tcp() {
  return std::visit([](auto& stream) -> plain_stream& { return beast::get_lowest_layer(stream); },
                    stream_);
}

const http_session::plain_stream& http_session::tcp() const {
  return std::visit(
      [](const auto& stream) -> const plain_stream& { return beast::get_lowest_layer(stream); },
      stream_);
}

void http_session::start() {
  auto first = tls_ ? &http_session::detect_tls : &http_session::read_request;
  net::dispatch(tcp().get_executor(), beast::bind_front_handler(first, shared_from_this()));
}

void http_session::begin_stop() {
  net::post(tcp().get_executor(), [self = shared_from_this()] {
    if (self->phase_ == phase::reading) self->close();
    // An open stream ends now (its queued chunks and the terminator are still written).
    if (self->phase_ == phase::streaming && self->is_websocket())
      self->writer_->close_with(1001, "the server is stopping");
    else if (self->phase_ == phase::streaming)
      self->writer_->close();
  });
}

void http_session::force_close() {
  net::post(tcp().get_executor(), [self = shared_from_this()] {
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
  // A connection over the limit is only answered 503: it gets less time to send its request.
  tcp().expires_after(admitted_ ? context_->options().read_timeout
                                : std::min(context_->options().read_timeout, over_limit_timeout));
  with_stream([this](auto& stream) {
    http::async_read(stream, buffer_, *parser_,
                     beast::bind_front_handler(&http_session::on_read, shared_from_this()));
  });
}

void http_session::on_read(beast::error_code ec, std::size_t) {
  if (phase_ == phase::closed) return;
  started_ = std::chrono::steady_clock::now();
  method_ = std::string(parser_->get().method_string());
  path_ = std::string(parser_->get().target());
  if (is_http_error(ec)) return reject(error_response(read_error(ec, context_->options())));
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
  if (!admitted_) return reject(over_capacity());
  auto peer = peer_address();
  if (auto refused = admit(request, peer))
    return write(std::move(*refused), keep_alive_ && !context_->stopping());
  auto plain = to_http_request(std::move(request));
  if (!plain) return reject(error_response(plain.error()));
  plain->peer = std::move(peer);
  phase_ = phase::handling;
  tcp().expires_never();
  self_ = shared_from_this();
  auto respond = make_responder();
  try {
    context_->handler()(*plain, respond);
  } catch (const std::exception& e) {
    respond(error_response(
        make_error(errc::internal, fmt::format("the handler failed: {}", e.what()))));
  }
}

std::string http_session::peer_address() const {
  boost::system::error_code ec;
  auto endpoint = tcp().socket().remote_endpoint(ec);
  if (ec) return {};
  auto address = endpoint.address();
  // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; name it as IPv4.
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
  return address.to_string();
}

responder http_session::make_responder() {
  std::weak_ptr<http_session> weak = shared_from_this();
  auto context = context_;
  auto deliver = [weak, context](http_response response) {
    context->through_gate([&] {
      auto session = weak.lock();
      if (!session) return;
      net::post(session->tcp().get_executor(), [session, response = std::move(response)]() mutable {
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
      net::post(session->tcp().get_executor(),
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

void http_session::reject(http_response response) {
  linger_ = true;
  write(std::move(response), false);
}

void http_session::write(http_response response, bool keep_alive) {
  phase_ = phase::writing;
  response_ = to_beast_response(std::move(response), version_, keep_alive, method_ == "HEAD");
  tcp().expires_after(context_->options().read_timeout);
  with_stream([&](auto& stream) {
    http::async_write(
        stream, response_,
        beast::bind_front_handler(&http_session::on_write, shared_from_this(), keep_alive));
  });
}

void http_session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
  if (context_->options().access_log) {
    log_access(method_, path_, response_.result_int(), std::chrono::steady_clock::now() - started_);
  }
  if (ec || phase_ == phase::closed) return close();
  if (linger_) return drain_then_close();
  if (!keep_alive) return tls_ ? close_tls() : close();
  read_request();
}

void http_session::drain_then_close() {
  if (tls_) return close_tls();
  beast::error_code ignored;
  tcp().socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  discard_input();
}

void http_session::discard_input() {
  tcp().async_read_some(net::buffer(discard_),
                        [self = shared_from_this()](beast::error_code ec, std::size_t) {
                          if (ec || self->phase_ == phase::closed) return self->close();
                          self->discard_input();
                        });
}

void http_session::close() {
  phase_ = phase::closed;
  if (heartbeat_) heartbeat_->cancel();
  if (writer_) writer_->finish();
  end_subscription();
  beast::error_code ignored;
  tcp().socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  tcp().close();
}

}  // namespace auraos::gateway::detail
