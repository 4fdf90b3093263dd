// GET /api/v1/events/stream: stored events as Server-Sent Events or over a WebSocket, live,
// resumable with `after` or `Last-Event-ID` (docs/events.md). The stream subscribes to the hub first, then replays the
// stored events after the resume point page by page, then lets the held live events through,
// skipping those the replay covered: no gap, no duplicate.

#include <algorithm>
#include <chrono>
#include <memory>

#include <caf/all.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/event_feed.hpp"
#include "gateway/event_params.hpp"
#include "gateway/sse.hpp"
#include "gateway/websocket_stream.hpp"

namespace auraos::gateway {
namespace {

namespace ae = actors::events;
using ctx = std::shared_ptr<node_context>;

/// Stored events asked for per replay page (at most the stream's bound).
constexpr std::int64_t replay_page = 500;
/// How long a replay waits for the client to drain its stream before the next page.
constexpr std::chrono::milliseconds drain_wait{20};

struct replay_state {
  replay_state() = default;  // never an aggregate: see CAF-NOTES.md
  std::shared_ptr<event_feed> feed;
  ae::event_query query;
  std::int64_t last_seq = 0;  ///< The highest seq the replay covered.
  std::size_t capacity = 0;   ///< The stream's queue bound.
};

using replay_actor = caf::stateful_actor<replay_state>;

/// Ends the stream with an error naming `why`.
void close_with_error(replay_actor* self, const std::string& why) {
  self->state.feed->fail(why);
  self->quit();
}

/// Ends the replay: live from here on, announced (SSE) by a `: live` comment.
void finish_replay(replay_actor* self) {
  auto& feed = *self->state.feed;
  if (!feed.go_live(self->state.last_seq))
    feed.overflow();
  else
    feed.announce_live();
  self->quit();
}

void next_page(replay_actor* self, const ctx& node);

void take_page(replay_actor* self, const ctx& node, ae::event_page_reply& reply) {
  auto& state = self->state;
  if (!reply) return close_with_error(self, reply.error().message);
  if (!state.feed->replay(reply->items)) {
    state.feed->overflow();
    return self->quit();
  }
  if (!reply->items.empty()) state.last_seq = reply->items.back().seq;
  if (!reply->next_cursor) return finish_replay(self);
  state.query.page.cursor = reply->next_cursor;
  next_page(self, node);
}

void next_page(replay_actor* self, const ctx& node) {
  auto& state = self->state;
  const auto& writer = state.feed->writer();
  if (writer->closing()) return self->quit();
  if (writer->queued() + static_cast<std::size_t>(state.query.page.limit) > state.capacity) {
    self->delayed_send(self, drain_wait, caf::tick_atom::value);
    return;
  }
  auto service = node->events();
  if (!service) return close_with_error(self, "the events service is not running");
  self->request(service, detail::ask_timeout, state.query)
      .then([self, node](ae::event_page_reply& reply) { take_page(self, node, reply); },
            [self](caf::error& error) {
              close_with_error(self,
                               "no answer from the events service: " + self->system().render(error));
            });
}

caf::behavior event_replay(replay_actor* self, ctx node, std::shared_ptr<event_feed> feed,
                           ae::event_query query, std::size_t capacity) {
  self->state.feed = std::move(feed);
  self->state.last_seq = query.filter.after_seq.value_or(0);
  self->state.query = std::move(query);
  self->state.capacity = capacity;
  self->send(self, caf::tick_atom::value);
  return {[self, node](caf::tick_atom) { next_page(self, node); }};
}

/// Opens the stream (a WebSocket when the request asks for one), subscribed before its head is
/// sent; with `after_seq`, replays what was stored after it first.
void open_stream(const ctx& node, const responder& respond, event_params params,
                 std::optional<std::int64_t> after_seq, event_framing framing) {
  auto capacity = std::max<std::size_t>(node->config().subscriber_buffer_events, 1);
  ae::event_query query;
  query.filter = store_filter(params.filter);
  query.where = params.where;
  query.page.limit = std::min<std::int64_t>(replay_page, static_cast<std::int64_t>(capacity));
  std::shared_ptr<event_feed> feed;
  auto subscribe = [&](const std::shared_ptr<stream_writer>& writer) {
    feed = std::make_shared<event_feed>(std::move(params.filter), writer, capacity, framing);
    node->live()->subscribe(live_filter{false, false, false, std::nullopt, feed}, writer);
    if (after_seq) return;
    feed->go_live(0);
    feed->announce_live();
  };
  auto writer = framing == event_framing::websocket
                    ? open_websocket_stream(respond, capacity, subscribe)
                    : open_sse_stream(respond, capacity, subscribe);
  if (!writer || !after_seq) return;
  query.filter.after_seq = *after_seq;
  node->system().spawn(event_replay, node, feed, std::move(query), capacity);
}

/// The resume point: `Last-Event-ID` (a reconnecting browser sends it), else `after`.
std::optional<std::string> resume_id(const http_request& request) {
  if (auto header = request.headers.get("Last-Event-ID"); header && !header->empty())
    return header;
  if (auto after = request.query_param("after"); after && !after->empty()) return after;
  return std::nullopt;
}

void event_stream(const ctx& node, const http_request& request, responder respond) {
  auto params = parse_event_params(request);
  if (!params) return void(respond(error_response(params.error())));
  auto framing = wants_websocket(request) ? event_framing::websocket : event_framing::sse;
  auto after = resume_id(request);
  if (!after) return open_stream(node, respond, std::move(*params), std::nullopt, framing);
  detail::spawn_asker(node->system(), [node, respond, params = std::move(*params), after,
                                       framing](caf::event_based_actor* self) mutable {
    detail::ask_from<ae::event_reply>(
        self, node->events(), respond,
        [node, respond, params = std::move(params), after,
         framing](ae::event_reply& found) mutable {
          if (found) return open_stream(node, respond, std::move(params), found->seq, framing);
          auto error = execution_api_error(found.error());
          if (error.code == errc::not_found)
            error.message = "after: no stored event has the id '" + *after +
                            "' (from `after` or Last-Event-ID)";
          respond(error_response(error));
        },
        caf::get_atom::value, *after);
  });
}

}  // namespace

void add_event_stream_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/events/stream",
             [node](const http_request& request, const path_params&, responder r) {
               event_stream(node, request, std::move(r));
             });
}

}  // namespace auraos::gateway
