#pragma once
// One live subscriber of stored events (`GET /api/v1/events/stream`): its filter, and the gate
// that holds live events back while stored ones are replayed, so that the stream has no gap and
// no duplicate. Also the hook the node calls with newly stored events.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "gateway/live_hub.hpp"
#include "gateway/stream_writer.hpp"
#include "runtime/events/event.hpp"
#include "runtime/events/event_filter.hpp"

namespace auraos::gateway {

/// A stored event offered to subscribers: its `where` scope and its message are rendered at
/// most once, however many subscribers take it.
class offered_event {
 public:
  /// Offers `e` (which must outlive this).
  explicit offered_event(const runtime::events::event& e) : event_(&e) {}
  /// The event.
  const runtime::events::event& value() const { return *event_; }
  /// `{"event": event_json(e)}` (rendered on first use).
  const nlohmann::json& scope();
  /// The SSE message: `id: ID`, `event: event`, `data: EVENT JSON` (rendered on first use).
  const stream_chunk& message();
  /// The event's JSON alone, a WebSocket text message (rendered on first use).
  const stream_chunk& text();

 private:
  const runtime::events::event* event_;
  std::shared_ptr<nlohmann::json> scope_;
  stream_chunk message_;
  stream_chunk text_;
};

/// How a subscriber's stream carries events.
enum class event_framing : std::uint8_t {
  sse,        ///< Server-Sent Events: `id:` and `event: event` messages, `: live`, `overflow`.
  websocket,  ///< One JSON event per text message; overflow closes with code 1008.
};

/// A subscriber's filter and replay gate in front of its stream.
class event_feed {
 public:
  /// A feed taking events that pass `filter` into `writer`; while replaying it holds at most
  /// `buffer_limit` live events, and a stream that falls more behind is closed (`overflow`).
  event_feed(runtime::events::event_filter filter, std::shared_ptr<stream_writer> writer,
             std::size_t buffer_limit, event_framing framing = event_framing::sse);

  /// A newly stored event (from the hub, in storing order); false when the subscriber fell
  /// behind and must be dropped.
  bool offer(offered_event& e);
  /// Writes stored events (in storing order) that pass the filter; false when the stream
  /// refused one (ended, closing or full).
  bool replay(const std::vector<runtime::events::event>& stored);
  /// Ends the replay, which covered every event up to `last_seq`: held live events after it
  /// are written, later ones go straight to the stream; an event at or below the last seq
  /// written is never written again. False when the stream refused one.
  bool go_live(std::int64_t last_seq);
  /// Closes the stream because the subscriber fell behind: an `overflow` message (SSE), close
  /// code 1008 (WebSocket).
  void overflow();
  /// Tells the subscriber the replay is over (SSE: a `: live` comment; WebSocket: nothing).
  void announce_live();
  /// Closes the stream because it cannot go on: an `error` message naming `why` (SSE), close
  /// code 1011 with `why` (WebSocket).
  void fail(const std::string& why);
  /// Events waiting: held during the replay plus queued on the stream.
  std::size_t lag();
  /// The stream.
  const std::shared_ptr<stream_writer>& writer() const { return writer_; }

 private:
  /// The chunk that carries `e` on this feed's stream.
  const stream_chunk& chunk_of(offered_event& e) const;

  runtime::events::event_filter filter_;
  std::shared_ptr<stream_writer> writer_;
  std::size_t buffer_limit_;
  event_framing framing_;
  std::mutex mutex_;
  bool live_ = false;
  std::int64_t last_seq_ = 0;
  std::deque<std::pair<std::int64_t, stream_chunk>> held_;
};

/// Hands newly stored events (in storing order) to the event subscribers of `hub`; cheap when
/// none listens. The node calls it from the events service's `on_stored` hook.
void publish_stored_events(live_hub& hub, const std::vector<runtime::events::event>& events);

}  // namespace auraos::gateway
