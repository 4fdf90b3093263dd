// Building the actor system of a process, and the stop signals.
#include "node/actor_system_setup.hpp"

#include <csignal>
#include <ctime>
#include <stdexcept>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include "cluster/transport.hpp"
#include "messages/api_endpoint.hpp"
#include "node/message_types.hpp"

namespace auraos::node {

actor_runtime::actor_runtime(int scheduler_threads,
                             const std::optional<cluster::transport_options>& transport)
    : config_(std::make_unique<caf::actor_system_config>()) {
  if (transport && transport->tls) {
    // CAF reads the files only on the first connection and aborts the process when they are bad.
    if (auto error = cluster::check_tls_files(*transport->tls)) throw std::invalid_argument(*error);
  }
  if (scheduler_threads > 0)
    config_->set("scheduler.max-threads", static_cast<std::size_t>(scheduler_threads));
  config_->set("scheduler.policy", caf::atom("sharing"));
  add_message_types(*config_);
  api::add_api_message_types(*config_);
  if (transport) cluster::configure_transport(*config_, *transport);
  system_ = std::make_unique<caf::actor_system>(*config_);
}

actor_runtime::~actor_runtime() {
  system_.reset();
  config_.reset();
}

caf::actor_system& actor_runtime::system() {
  return *system_;
}

namespace {

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void block_stop_signals() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  auto set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int wait_stop_signal(int timeout_ms) {
  auto set = stop_signals();
  timespec timeout{timeout_ms / 1000, static_cast<long>(timeout_ms % 1000) * 1000000L};
  int signal = sigtimedwait(&set, nullptr, &timeout);
  return signal > 0 ? signal : 0;
}

}  // namespace auraos::node
