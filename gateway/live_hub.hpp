#pragma once
// The node's live updates: publishers (the store, supervisors, the cluster board) hand rendered
// messages to the hub, which copies them into the queue of each subscribed stream.
//
// A plain object with a mutex rather than an actor: publishers run on many threads (the store
// actor's own thread, supervisors, the lease keeper) and must learn with one atomic load whether
// anyone listens at all, so that an unwatched node does no rendering; a delivery is a queue push
// under the subscriber's lock, which never blocks on a client. An actor would add a mailbox hop
// per message and could not answer "anyone listening?" synchronously.

#include <array>
#include <functional>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "gateway/stream_writer.hpp"

namespace auraos::gateway {

class event_feed;

/// What a message is about.
enum class live_topic : std::uint8_t {
  executions,   ///< An execution row was created or changed status.
  supervision,  ///< The supervision tree changed.
  cluster,      ///< Membership or shard ownership changed.
  transitions,  ///< A history record of one execution was stored.
  events,       ///< An event was stored (each subscriber's event_feed filters).
};

/// The number of topics.
inline constexpr std::size_t live_topic_count = 5;

/// What one subscriber wants.
struct live_filter {
  bool executions = true;                ///< `execution` messages.
  bool supervision = true;               ///< `supervision` messages.
  bool cluster = true;                   ///< `cluster` messages.
  std::optional<std::string> execution;  ///< `transition` messages of this execution.
  /// Stored events, through this feed's filter and replay gate (null: none).
  std::shared_ptr<event_feed> events;

  /// True when the filter takes messages of `topic` about `execution_id`.
  bool accepts(live_topic topic, std::string_view execution_id) const;
};

/// Subscribers and the fan-out of published messages to them.
class live_hub {
 public:
  /// Subscribes `writer` with `filter`; the id to unsubscribe with. The subscriber leaves by
  /// itself when its stream ends.
  std::uint64_t subscribe(const live_filter& filter, std::shared_ptr<stream_writer> writer);
  /// Removes a subscriber (nothing when it left already).
  void unsubscribe(std::uint64_t id);

  /// True when some subscriber takes `topic` (one atomic load: check before rendering).
  bool wanted(live_topic topic) const {
    return counts_[static_cast<std::size_t>(topic)].load(std::memory_order_relaxed) > 0;
  }
  /// True when some subscriber takes the transitions of `execution_id`.
  bool wants_transitions(std::string_view execution_id) const;
  /// The number of subscribers.
  std::size_t subscribers() const;

  /// The event subscribers and how far behind they are.
  struct event_lag {
    std::size_t subscribers = 0;  ///< Subscribers of stored events.
    std::size_t max = 0;          ///< The most events waiting for one of them.
    std::size_t total = 0;        ///< Events waiting for all of them together.
  };
  /// The event subscribers' lag: events queued or held per subscriber.
  event_lag event_subscriber_lag() const;

  /// Queues `message` to every subscriber taking `topic` (and `execution_id`, for transitions).
  /// A subscriber whose queue is full is dropped and its stream closed with `overflow_message`;
  /// the publisher never waits.
  void publish(live_topic topic, const stream_chunk& message, std::string_view execution_id = {});

  /// Calls `offer` with the feed of every event subscriber; a subscriber it returns false for
  /// (fallen behind) is dropped and, outside the lock, told so by its feed's `overflow()`.
  void offer_events(const std::function<bool(event_feed&)>& offer);

  /// Sets what a dropped subscriber is sent last (an `overflow` event).
  void set_overflow_message(std::string message);

 private:
  struct subscriber {
    live_filter filter;
    std::shared_ptr<stream_writer> writer;
  };

  /// Adjusts the per-topic counts for `filter` by `delta` (under the lock).
  void count(const live_filter& filter, int delta);

  mutable std::mutex mutex_;
  std::map<std::uint64_t, subscriber> subscribers_;
  std::uint64_t next_id_ = 1;
  std::string overflow_message_;
  std::array<std::atomic<int>, live_topic_count> counts_{};
};

}  // namespace auraos::gateway
