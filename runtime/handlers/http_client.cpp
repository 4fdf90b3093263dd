#include "runtime/handlers/http_client.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

#include "runtime/handlers/http_exchange.hpp"

namespace auraos::runtime::handlers {

namespace asio = boost::asio;

/// The I/O thread, the TLS settings and the requests in flight.
struct http_client::impl {
  impl() : tls(asio::ssl::context::tls_client), work(asio::make_work_guard(io)) {
    boost::system::error_code ignored;
    tls.set_default_verify_paths(ignored);
    tls.set_verify_mode(asio::ssl::verify_peer, ignored);
    thread = std::thread([this] { io.run(); });
  }

  asio::io_context io;
  asio::ssl::context tls;
  asio::executor_work_guard<asio::io_context::executor_type> work;
  std::mutex mutex;
  std::map<std::uint64_t, std::weak_ptr<http_exchange>> running;
  std::uint64_t next_id = 0;
  std::thread thread;
};

void http_client::handle::cancel() const {
  cancel_exchange(exchange_.lock());
}

http_client::http_client() : impl_(std::make_unique<impl>()) {}

http_client::~http_client() {
  {
    std::lock_guard lock(impl_->mutex);
    for (const auto& [id, exchange] : impl_->running) cancel_exchange(exchange.lock());
  }
  impl_->work.reset();
  impl_->thread.join();
}

http_client::handle http_client::start(http_request request,
                                       std::function<void(http_result)> done) {
  std::lock_guard lock(impl_->mutex);
  auto id = impl_->next_id++;
  auto finished = [state = impl_.get(), id, done = std::move(done)](http_result result) {
    done(std::move(result));
    std::lock_guard lock(state->mutex);
    state->running.erase(id);
  };
  auto exchange = start_exchange(impl_->io, impl_->tls, std::move(request), std::move(finished));
  if (exchange) impl_->running.emplace(id, exchange);
  return handle(exchange);
}

}  // namespace auraos::runtime::handlers
