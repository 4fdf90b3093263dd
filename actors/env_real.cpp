// The real environment: system clocks, a seeded generator, CAF's timer, the file system.
#include <mutex>
#include <random>

#include <caf/actor_clock.hpp>
#include <caf/actor_control_block.hpp>
#include <caf/actor_system.hpp>
#include <caf/mailbox_element.hpp>
#include <caf/message.hpp>

#include "actors/env.hpp"
#include "runtime/text_file.hpp"

namespace auraos::actors {

namespace {

class real_environment final : public env {
 public:
  real_environment() : engine_(std::random_device{}()) {}

  std::int64_t now_ms() override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }

  std::chrono::steady_clock::time_point steady_now() override {
    return std::chrono::steady_clock::now();
  }

  double random() override {
    std::lock_guard lock(mutex_);
    return std::uniform_real_distribution<double>{0.0, 1.0}(engine_);
  }

  void schedule(caf::strong_actor_ptr dest, std::chrono::milliseconds delay,
                caf::message msg) override {
    if (!dest) return;
    auto& clock = dest->home_system->clock();
    auto at = clock.now() + std::max(delay, std::chrono::milliseconds(0));
    clock.schedule_message(
        at, dest, caf::make_mailbox_element(nullptr, caf::make_message_id(), {}, std::move(msg)));
  }

  void schedule_at(caf::strong_actor_ptr dest, std::int64_t deadline_ms,
                   caf::message msg) override {
    schedule(std::move(dest), std::chrono::milliseconds(deadline_ms - now_ms()), std::move(msg));
  }

  result<std::string, std::string> read_file(const std::filesystem::path& file) override {
    return runtime::read_text_file(file);
  }

 private:
  std::mutex mutex_;
  std::mt19937_64 engine_;
};

}  // namespace

std::shared_ptr<env> real_env() {
  static auto shared = std::make_shared<real_environment>();
  return shared;
}

std::shared_ptr<env> env_or_real(std::shared_ptr<env> e) {
  return e ? std::move(e) : real_env();
}

runtime::supervision::clock_source steady_source(std::shared_ptr<env> e) {
  return [e = std::move(e)] { return e->steady_now(); };
}

std::function<std::int64_t()> wall_source(std::shared_ptr<env> e) {
  return [e = std::move(e)] { return e->now_ms(); };
}

runtime::supervision::random_source random_source(std::shared_ptr<env> e) {
  return [e = std::move(e)] { return e->random(); };
}

}  // namespace auraos::actors
