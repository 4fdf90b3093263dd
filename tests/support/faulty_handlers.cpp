#include "tests/support/faulty_handlers.hpp"

namespace auraos::test {

namespace h = runtime::handlers;

injected_crash::injected_crash() : std::runtime_error("injected crash (faulty_handlers)") {}

faulty_handlers::faulty_handlers(std::shared_ptr<h::node_handlers> real) : real_(std::move(real)) {}

void faulty_handlers::fail_next(std::size_t count, h::work_error error) {
  std::lock_guard lock(mutex_);
  failing_ = count;
  error_ = std::move(error);
}

void faulty_handlers::crash_next(std::size_t count) {
  std::lock_guard lock(mutex_);
  crashing_ = count;
}

std::size_t faulty_handlers::attempts() const {
  std::lock_guard lock(mutex_);
  return attempts_;
}

faulty_handlers::next faulty_handlers::take(std::optional<h::work_error>& error) {
  std::lock_guard lock(mutex_);
  ++attempts_;
  if (crashing_ > 0) {
    --crashing_;
    return next::crash;
  }
  if (failing_ == 0) return next::pass;
  --failing_;
  error = error_;
  return next::fail;
}

template <class Start>
h::cancel_fn faulty_handlers::run(h::done_fn& done, Start start) {
  std::optional<h::work_error> error;
  switch (take(error)) {
    case next::crash:
      throw injected_crash{};
    case next::fail:
      done(h::work_failed(std::move(*error)));
      return [] {};
    case next::pass:
      break;
  }
  return start();
}

h::cancel_fn faulty_handlers::start_shell(h::shell_request request, h::done_fn done) {
  return run(done, [&] { return real_->start_shell(std::move(request), std::move(done)); });
}

h::cancel_fn faulty_handlers::start_http(h::http_request request, h::done_fn done) {
  return run(done, [&] { return real_->start_http(std::move(request), std::move(done)); });
}

}  // namespace auraos::test
