#pragma once
// The sending end of a streamed response (Server-Sent Events, or a WebSocket whose messages are
// the chunks): text chunks pushed from any thread, written in order by the connection (plain
// C++: no Beast here).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace auraos::gateway {

/// A chunk of a streamed response, shared by every stream that sends it.
using stream_chunk = std::shared_ptr<const std::string>;

/// A bounded queue of chunks between a handler (any thread) and its connection. The stream
/// ends once: when the handler closes it (after the queued chunks and the last one are
/// written), when the client goes away, when a write fails, or when the server stops.
class stream_writer {
 public:
  /// A writer that holds at most `capacity` unwritten chunks.
  explicit stream_writer(std::size_t capacity);

  /// Queues a chunk without blocking; false when the stream is closing or ended, or when
  /// `capacity` chunks wait already (the caller decides what falling behind means).
  bool push(stream_chunk chunk);
  /// Queues a chunk of text; as push(stream_chunk).
  bool push(std::string text);
  /// Ends the stream after the queued chunks and `last` (if not empty, even over capacity).
  void close(std::string last = {});
  /// Ends the stream after the queued chunks with a status: on a WebSocket the close frame's
  /// `code` and `reason` (at most 123 bytes are sent); an event stream just ends.
  void close_with(std::uint16_t code, std::string reason);
  /// True once the stream is closing or ended: later pushes are refused.
  bool closing() const;
  /// How many chunks wait to be written.
  std::size_t queued() const;
  /// True once the connection is done with the stream.
  bool ended() const;
  /// Calls `f` once when the stream ended (at once if it has); from whichever thread ended it.
  void on_end(std::function<void()> f);

  /// What the connection writes next: queued chunks, then the end when `finish`.
  struct batch {
    std::vector<stream_chunk> chunks;  ///< In order.
    bool finish = false;               ///< Closing: end the response after these chunks.
    std::uint16_t close_code = 1000;   ///< When finishing: the WebSocket close code.
    std::string close_reason;          ///< When finishing: the WebSocket close reason.
  };
  /// The connection's side: `wake` is called (from the pushing thread) when chunks or the close
  /// arrive while the connection waits; each wake is followed by one take().
  void connect(std::function<void()> wake);
  /// The connection's side: takes everything queued.
  batch take();
  /// The connection's side: the stream is over (written, failed or dropped); runs on_end once.
  void finish();

 private:
  /// Wakes the connection (outside the lock) unless a wake is already pending.
  void wake_locked(std::unique_lock<std::mutex>& lock);

  mutable std::mutex mutex_;
  std::deque<stream_chunk> queue_;
  std::size_t capacity_;
  bool closing_ = false;
  std::uint16_t close_code_ = 1000;
  std::string close_reason_;
  bool ended_ = false;
  bool wake_pending_ = false;
  std::function<void()> wake_;
  std::function<void()> on_end_;
};

/// How a handler wants its stream: the bound of its queue, its keep-alive comment, and whether
/// the connection becomes a WebSocket (each chunk one text message).
struct stream_options {
  /// Most chunks waiting to be written.
  std::size_t capacity = 10000;
  /// How often an idle-proof chunk is queued (0: never).
  std::chrono::milliseconds heartbeat_interval{0};
  /// The chunk queued at each heartbeat.
  std::string heartbeat_text;
  /// Accept the request's WebSocket upgrade and send each chunk as one text message (the
  /// WebSocket's own pings keep it open; `heartbeat_*` are not used).
  bool websocket = false;
  /// Runs with the new writer before the head is sent (e.g. subscribes it, so that nothing
  /// published after the client saw the head is missed).
  std::function<void(const std::shared_ptr<stream_writer>&)> prepare;
};

}  // namespace auraos::gateway
