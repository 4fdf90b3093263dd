// Subscribing, counting by topic, and fanning messages out to the subscribers' queues.

#include "gateway/live_hub.hpp"

#include "gateway/event_feed.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace auraos::gateway {

bool live_filter::accepts(live_topic topic, std::string_view execution_id) const {
  switch (topic) {
    case live_topic::executions:
      return executions;
    case live_topic::supervision:
      return supervision;
    case live_topic::cluster:
      return cluster;
    case live_topic::transitions:
      return execution && *execution == execution_id;
    case live_topic::events:
      return false;  // offered through offer_events, each feed with its own filter
  }
  return false;
}

std::uint64_t live_hub::subscribe(const live_filter& filter,
                                  std::shared_ptr<stream_writer> writer) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock{mutex_};
    id = next_id_++;
    subscribers_.emplace(id, subscriber{filter, writer});
    count(filter, +1);
  }
  writer->on_end([this, id] { unsubscribe(id); });
  return id;
}

void live_hub::unsubscribe(std::uint64_t id) {
  std::lock_guard lock{mutex_};
  auto it = subscribers_.find(id);
  if (it == subscribers_.end()) return;
  count(it->second.filter, -1);
  subscribers_.erase(it);
}

bool live_hub::wants_transitions(std::string_view execution_id) const {
  if (!wanted(live_topic::transitions)) return false;
  std::lock_guard lock{mutex_};
  for (const auto& [id, sub] : subscribers_)
    if (sub.filter.accepts(live_topic::transitions, execution_id)) return true;
  return false;
}

std::size_t live_hub::subscribers() const {
  std::lock_guard lock{mutex_};
  return subscribers_.size();
}

void live_hub::publish(live_topic topic, const stream_chunk& message,
                       std::string_view execution_id) {
  if (!wanted(topic)) return;
  std::vector<std::shared_ptr<stream_writer>> behind;
  std::string last;
  {
    std::lock_guard lock{mutex_};
    for (auto it = subscribers_.begin(); it != subscribers_.end();) {
      auto& sub = it->second;
      if (!sub.filter.accepts(topic, execution_id) || sub.writer->push(message)) {
        ++it;
        continue;
      }
      behind.push_back(std::move(sub.writer));
      count(sub.filter, -1);
      it = subscribers_.erase(it);
    }
    last = overflow_message_;
  }
  // Outside the lock: closing may end the stream at once, which unsubscribes (a no-op now).
  for (auto& writer : behind) writer->close(last);
}

live_hub::event_lag live_hub::event_subscriber_lag() const {
  event_lag out;
  std::lock_guard lock{mutex_};
  for (const auto& [id, sub] : subscribers_) {
    if (!sub.filter.events) continue;
    auto lag = sub.filter.events->lag();
    ++out.subscribers;
    out.max = std::max(out.max, lag);
    out.total += lag;
  }
  return out;
}

void live_hub::offer_events(const std::function<bool(event_feed&)>& offer) {
  if (!wanted(live_topic::events)) return;
  std::vector<std::shared_ptr<event_feed>> behind;
  {
    std::lock_guard lock{mutex_};
    for (auto it = subscribers_.begin(); it != subscribers_.end();) {
      auto& sub = it->second;
      if (!sub.filter.events || offer(*sub.filter.events)) {
        ++it;
        continue;
      }
      behind.push_back(sub.filter.events);
      count(sub.filter, -1);
      it = subscribers_.erase(it);
    }
  }
  for (auto& feed : behind) feed->overflow();
}

void live_hub::set_overflow_message(std::string message) {
  std::lock_guard lock{mutex_};
  overflow_message_ = std::move(message);
}

void live_hub::count(const live_filter& filter, int delta) {
  auto add = [&](live_topic topic) {
    counts_[static_cast<std::size_t>(topic)].fetch_add(delta, std::memory_order_relaxed);
  };
  if (filter.executions) add(live_topic::executions);
  if (filter.supervision) add(live_topic::supervision);
  if (filter.cluster) add(live_topic::cluster);
  if (filter.execution) add(live_topic::transitions);
  if (filter.events) add(live_topic::events);
}

}  // namespace auraos::gateway
