// A shared once-only answer whose last owner answers 500 when nobody else did.

#include "gateway/responder.hpp"

#include <atomic>

#include <spdlog/spdlog.h>

#include "gateway/api_error.hpp"

namespace auraos::gateway {

struct responder::state {
  state(deliver_function f, open_function o) : deliver(std::move(f)), open(std::move(o)) {}
  state(const state&) = delete;
  state& operator=(const state&) = delete;

  ~state() {
    if (answered.exchange(true)) return;
    try {
      deliver(error_response(
          make_error(errc::internal, "the handler dropped the request without answering")));
    } catch (const std::exception& e) {
      spdlog::error("gateway: answering a dropped request failed: {}", e.what());
    }
  }

  deliver_function deliver;
  open_function open;
  std::atomic<bool> answered{false};
};

responder::responder(deliver_function deliver, open_function open)
    : state_(std::make_shared<state>(std::move(deliver), std::move(open))) {}

bool responder::operator()(http_response response) const {
  if (state_->answered.exchange(true)) return false;
  state_->deliver(std::move(response));
  return true;
}

std::shared_ptr<stream_writer> responder::stream(http_response head,
                                                 const stream_options& options) const {
  if (!state_->open) {
    (*this)(error_response(make_error(errc::internal, "this connection cannot stream a response")));
    return nullptr;
  }
  if (state_->answered.exchange(true)) return nullptr;
  auto writer = std::make_shared<stream_writer>(options.capacity);
  if (options.prepare) options.prepare(writer);
  auto kept = options;
  kept.prepare = nullptr;  // it ran; what it captured may not outlive this call
  state_->open(std::move(head), writer, kept);
  return writer;
}

bool responder::answered() const {
  return state_->answered.load();
}

}  // namespace auraos::gateway
