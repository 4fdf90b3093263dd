// The replay gate of event subscribers and the fan-out of newly stored events.

#include "gateway/event_feed.hpp"

#include <nlohmann/json.hpp>

#include "gateway/sse.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {

const nlohmann::json& offered_event::scope() {
  if (!scope_) scope_ = std::make_shared<nlohmann::json>(runtime::events::where_scope(*event_));
  return *scope_;
}

const stream_chunk& offered_event::message() {
  if (!message_)
    message_ = std::make_shared<const std::string>(
        "id: " + event_->id + "\n" + sse_event("event", runtime::dump_json(scope()["event"])));
  return message_;
}

const stream_chunk& offered_event::text() {
  if (!text_) text_ = std::make_shared<const std::string>(runtime::dump_json(scope()["event"]));
  return text_;
}

event_feed::event_feed(runtime::events::event_filter filter,
                       std::shared_ptr<stream_writer> writer, std::size_t buffer_limit,
                       event_framing framing)
    : filter_(std::move(filter)),
      writer_(std::move(writer)),
      buffer_limit_(buffer_limit),
      framing_(framing) {}

const stream_chunk& event_feed::chunk_of(offered_event& e) const {
  return framing_ == event_framing::websocket ? e.text() : e.message();
}

bool event_feed::offer(offered_event& e) {
  if (!filter_.matches_fields(e.value())) return true;
  if (filter_.where && !runtime::events::where_holds(*filter_.where, e.scope())) return true;
  std::lock_guard lock{mutex_};
  if (live_) {
    if (e.value().seq <= last_seq_) return true;  // the replay (or a repeat) sent it already
    last_seq_ = e.value().seq;
    return writer_->push(chunk_of(e));
  }
  if (held_.size() >= buffer_limit_) return false;
  held_.emplace_back(e.value().seq, chunk_of(e));
  return true;
}

bool event_feed::replay(const std::vector<runtime::events::event>& stored) {
  for (const auto& e : stored) {
    offered_event offered{e};
    if (!filter_.matches(e, offered.scope())) continue;
    if (!writer_->push(chunk_of(offered))) return false;
  }
  return true;
}

bool event_feed::go_live(std::int64_t last_seq) {
  std::lock_guard lock{mutex_};
  live_ = true;
  last_seq_ = last_seq;
  for (auto& [seq, message] : held_) {
    if (seq <= last_seq_) continue;
    last_seq_ = seq;
    if (!writer_->push(std::move(message))) return false;
  }
  held_.clear();
  return true;
}

std::size_t event_feed::lag() {
  std::lock_guard lock{mutex_};
  return held_.size() + writer_->queued();
}

void event_feed::overflow() {
  auto why = "the subscriber fell more than " + std::to_string(buffer_limit_) +
             " events behind (subscriberBufferEvents)";
  if (framing_ == event_framing::websocket) return writer_->close_with(1008, std::move(why));
  writer_->close(sse_event("overflow", runtime::dump_json(nlohmann::json{{"reason", why}})));
}

void event_feed::announce_live() {
  if (framing_ == event_framing::sse) writer_->push(sse_comment("live"));
}

void event_feed::fail(const std::string& why) {
  if (framing_ == event_framing::websocket) return writer_->close_with(1011, why);
  writer_->close(sse_event("error", runtime::dump_json(nlohmann::json{{"message", why}})));
}

void publish_stored_events(live_hub& hub, const std::vector<runtime::events::event>& events) {
  if (events.empty() || !hub.wanted(live_topic::events)) return;
  std::vector<offered_event> offered(events.begin(), events.end());
  hub.offer_events([&offered](event_feed& feed) {
    for (auto& e : offered)
      if (!feed.offer(e)) return false;
    return true;
  });
}

}  // namespace auraos::gateway
