#pragma once
// The client's link to one node's actor API: its own actor system with the middleman, the
// endpoint's handle (connected on first use, again after a loss, with backoff), and one call
// at a time per caller thread. Internal to the library; CAF stays in here.

#include <memory>
#include <mutex>
#include <string>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "client/client.hpp"
#include "messages/api_calls.pb.h"

namespace auraos::client::detail {

/// A live endpoint handle, or why none could be had.
using endpoint_result = result<caf::actor>;

/// One node's endpoint, reached through a private actor system.
class connection {
 public:
  /// A connection to `options.host:options.port` (nothing is dialled yet).
  explicit connection(options opts);
  ~connection();

  /// Sends `call` and waits for its reply. A lost connection is redialled with backoff;
  /// the call is sent again, after a lost connection or a 503 answer (a node still starting),
  /// only when `retry_safe` (a read, or a call with an Idempotency-Key).
  result<v1::ApiReply> call(const v1::ApiCall& call, bool retry_safe);

  /// The endpoint, dialled (with backoff, up to `connect_attempts` tries) when there is none.
  endpoint_result endpoint();

  /// The endpoint if one is connected now (never dials).
  caf::actor current_endpoint();

  /// Keeps `found` as the endpoint (an actor dialled it itself, without blocking).
  void adopt(const caf::actor& found);

  /// Forgets `dead` as the endpoint (a call or a subscription saw it go down).
  void forget(const caf::actor& dead);

  /// The actor system the subscriptions run in.
  caf::actor_system& system();

  /// The options.
  const options& settings() const { return options_; }

 private:
  /// One dial with the connect timeout.
  endpoint_result dial();

  options options_;
  std::unique_ptr<caf::actor_system_config> config_;
  std::unique_ptr<caf::actor_system> system_;
  std::mutex dial_mutex_;  ///< Held by the one caller dialling.
  std::mutex mutex_;       ///< Guards endpoint_ (held briefly).
  caf::actor endpoint_;
};

/// The delay before try `attempt` (1-based) of a redial: initial * 2^(attempt-1), capped.
std::chrono::milliseconds backoff_delay(const options& opts, int attempt);

}  // namespace auraos::client::detail
