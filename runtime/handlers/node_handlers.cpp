#include "runtime/handlers/node_handlers.hpp"

#include "runtime/handlers/http_client.hpp"
#include "runtime/handlers/shell_runner.hpp"

namespace auraos::runtime::handlers {
namespace {

/// Shell commands on runner threads, HTTP calls on the client's I/O thread.
class real_handlers final : public node_handlers {
 public:
  cancel_fn start_shell(shell_request request, done_fn done) override {
    auto handle = shell_.start(std::move(request), std::move(done));
    return [handle] { handle.cancel(); };
  }

  cancel_fn start_http(http_request request, done_fn done) override {
    auto handle = http_.start(std::move(request), std::move(done));
    return [handle] { handle.cancel(); };
  }

 private:
  shell_runner shell_;
  http_client http_;
};

}  // namespace

std::shared_ptr<node_handlers> make_node_handlers() {
  return std::make_shared<real_handlers>();
}

}  // namespace auraos::runtime::handlers
