// A shared once-only answer whose last owner answers 500 when nobody else did.

#include "gateway/responder.hpp"

#include <atomic>

#include <spdlog/spdlog.h>

#include "gateway/api_error.hpp"

namespace auraos::gateway {

struct responder::state {
  explicit state(deliver_function f) : deliver(std::move(f)) {}
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
  std::atomic<bool> answered{false};
};

responder::responder(deliver_function deliver)
    : state_(std::make_shared<state>(std::move(deliver))) {}

bool responder::operator()(http_response response) const {
  if (state_->answered.exchange(true)) return false;
  state_->deliver(std::move(response));
  return true;
}

bool responder::answered() const {
  return state_->answered.load();
}

}  // namespace auraos::gateway
