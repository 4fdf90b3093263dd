// The server: an acceptor and io_context threads, with a graceful, bounded stop.

#include "gateway/http_server.hpp"

#include <cctype>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include "gateway/detail/http_session.hpp"
#include "gateway/detail/server_context.hpp"
#include "gateway/tls_identity.hpp"

namespace auraos::gateway {
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

/// How long stop() waits for force-closed connections to wind down.
constexpr std::chrono::seconds force_close_wait{2};
/// Connections over the limit answered 503 at once; more are closed without an answer.
constexpr std::size_t over_limit_answers = 64;

void run_loop(net::io_context& io) {
  while (true) {
    try {
      io.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("gateway: an io thread caught: {}", e.what());
    }
  }
}

/// An error message as a clause: "Address already in use" -> "address already in use".
std::string clause(const boost::system::error_code& ec) {
  auto text = ec.message();
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

/// Resolves `host`, then opens, binds and listens `acceptor`; the bound port or an error
/// naming the address.
result<std::uint16_t, std::string> bind_listener(net::io_context& io, tcp::acceptor& acceptor,
                                                 const std::string& host, std::uint16_t port) {
  auto place = fmt::format("{}:{}", host, port);
  boost::beast::error_code ec;
  tcp::resolver resolver{io};
  auto endpoints = resolver.resolve(host, std::to_string(port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || endpoints.empty()) return fail(fmt::format("cannot resolve {}: {}", place, clause(ec)));
  auto endpoint = endpoints.begin()->endpoint();
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail(fmt::format("cannot listen on {}: {}", place, clause(ec)));
  return acceptor.local_endpoint().port();
}

}  // namespace

std::optional<std::string> check_listen_address(const std::string& host, std::uint16_t port) {
  net::io_context io;
  tcp::acceptor acceptor{io};
  auto bound = bind_listener(io, acceptor, host, port);
  if (!bound) return bound.error();
  return std::nullopt;
}

struct http_server::impl {
  impl(server_options options, http_handler handler)
      : io(std::max(1, options.threads)),
        context(std::make_shared<detail::server_context>(std::move(options), std::move(handler))),
        acceptor(net::make_strand(io)) {}

  result<std::uint16_t, std::string> listen();
  void accept();
  void on_accept(boost::beast::error_code ec, tcp::socket socket);
  /// Starts a session for `socket`: counted against the connection limit, or answered 503
  /// when over it (closed at once when too many are being answered already).
  void admit(tcp::socket socket);
  void drain();
  void stop();

  net::io_context io;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::shared_ptr<detail::server_context> context;
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
  std::mutex lifecycle;
  std::uint16_t port = 0;
  bool started = false;
  bool stopped = false;
};

result<std::uint16_t, std::string> http_server::impl::listen() {
  const auto& options = context->options();
  auto bound = bind_listener(io, acceptor, options.host, options.port);
  if (bound) port = *bound;
  return bound;
}

void http_server::impl::accept() {
  acceptor.async_accept(net::make_strand(io),
                        boost::beast::bind_front_handler(&impl::on_accept, this));
}

void http_server::impl::on_accept(boost::beast::error_code ec, tcp::socket socket) {
  if (!acceptor.is_open() || ec == net::error::operation_aborted) return;
  if (ec) {
    spdlog::warn("gateway: accepting a connection failed: {}", ec.message());
  } else {
    ++context->accepted();
    admit(std::move(socket));
  }
  accept();
}

void http_server::impl::admit(tcp::socket socket) {
  bool admitted = context->open().open_connection();
  if (!admitted && context->live_count() >= context->open().connections() + over_limit_answers) {
    if (context->should_log_refusal())
      spdlog::warn(
          "gateway: connections over the limit (config limits.maxConnections) closed "
          "unanswered: {} are waiting for their 503 already",
          over_limit_answers);
    boost::beast::error_code ignored;
    socket.close(ignored);
    return;
  }
  const auto& tls = context->options().tls;
  auto session = std::make_shared<detail::http_session>(std::move(socket), context,
                                                        tls ? tls->context() : nullptr, admitted);
  if (context->add_session(session)) session->start();
}

void http_server::impl::drain() {
  for (const auto& session : context->begin_stop()) session->begin_stop();
  if (context->wait_until_drained(context->options().drain_timeout)) return;
  spdlog::warn("gateway: closing connections still busy after the drain timeout");
  for (const auto& session : context->live_sessions()) session->force_close();
  context->wait_until_drained(force_close_wait);
}

void http_server::impl::stop() {
  std::lock_guard lock{lifecycle};
  if (!started || stopped) return;
  stopped = true;
  net::post(acceptor.get_executor(), [this] {
    boost::beast::error_code ignored;
    acceptor.close(ignored);
  });
  drain();
  work.reset();
  io.stop();
  for (auto& thread : threads) thread.join();
  context->close_gate();
}

http_server::http_server(server_options options, http_handler handler)
    : impl_(std::make_unique<impl>(std::move(options), std::move(handler))) {}

http_server::~http_server() {
  stop();
}

result<std::uint16_t, std::string> http_server::start() {
  std::lock_guard lock{impl_->lifecycle};
  if (impl_->started) return fail(std::string("the server was already started"));
  auto bound = impl_->listen();
  if (!bound) return bound;
  impl_->started = true;
  impl_->work.emplace(impl_->io.get_executor());
  impl_->accept();
  for (int i = 0; i < std::max(1, impl_->context->options().threads); ++i) {
    impl_->threads.emplace_back([io = &impl_->io] { run_loop(*io); });
  }
  return bound;
}

void http_server::stop() {
  impl_->stop();
}

std::uint16_t http_server::port() const {
  return impl_->port;
}

bool http_server::stopping() const {
  return impl_->context->stopping();
}

std::uint64_t http_server::connections_accepted() const {
  return impl_->context->accepted().load();
}

}  // namespace auraos::gateway
