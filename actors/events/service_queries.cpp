// Queries of stored events: the store's filters, then `where` page by page.
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/events/service_state.hpp"
#include "persistence/cursor.hpp"
#include "runtime/events/event_filter.hpp"

namespace auraos::actors::events::detail {
namespace {

namespace p = persistence;

/// Stored events examined by one query with `where` before it answers what it found so far
/// (with a cursor to go on from): a rare `where` never makes one request scan the whole log.
constexpr std::size_t where_scan_limit = 20000;

/// A query with `where` under way.
struct where_scan {
  runtime::expr::expression where;
  event_query query;
  p::page<p::event_record> found;
  std::size_t examined = 0;
  caf::response_promise promise;
};

void deliver_failure(caf::response_promise& promise, const p::store_error& error) {
  promise.deliver(event_page_reply(fail(event_failure{error.code, error.message, {}})));
}

/// Reads the next page of the store's filter and keeps the events `where` takes.
void scan(service_actor* self, std::shared_ptr<where_scan> run) {
  store::list_events_query read{run->query.filter, run->query.page};
  read.page.limit = p::max_page_limit;
  self->request(self->state.store, caf::infinite, std::move(read))
      .then(
          [self, run](p::store_result<p::page<p::event_record>>& page) {
            if (!page) return deliver_failure(run->promise, page.error());
            auto wanted = static_cast<std::size_t>(run->query.page.limit);
            for (auto& e : page->items) {
              ++run->examined;
              auto seq = e.seq;
              if (runtime::events::where_holds(run->where, runtime::events::where_scope(e)))
                run->found.items.push_back(std::move(e));
              bool full = run->found.items.size() == wanted;
              if (full || run->examined >= where_scan_limit) {
                bool last = !page->next_cursor && &e == &page->items.back();
                if (!last) run->found.next_cursor = p::encode_event_cursor(seq);
                return run->promise.deliver(event_page_reply(std::move(run->found)));
              }
            }
            if (!page->next_cursor)
              return run->promise.deliver(event_page_reply(std::move(run->found)));
            run->query.page.cursor = page->next_cursor;
            scan(self, run);
          },
          [run](caf::error& e) {
            run->promise.deliver(
                event_page_reply(fail(event_failure{errc::unavailable, caf::to_string(e), {}})));
          });
}

}  // namespace

void query(service_actor* self, event_query q, caf::response_promise promise) {
  if (q.where.empty()) {
    store::list_events_query read{std::move(q.filter), std::move(q.page)};
    self->request(self->state.store, caf::infinite, std::move(read))
        .then(
            [promise](p::store_result<p::page<p::event_record>>& page) mutable {
              if (!page) return deliver_failure(promise, page.error());
              promise.deliver(event_page_reply(std::move(*page)));
            },
            [promise](caf::error& e) mutable {
              promise.deliver(
                  event_page_reply(fail(event_failure{errc::unavailable, caf::to_string(e), {}})));
            });
    return;
  }
  auto where = runtime::events::parse_where(q.where);
  if (!where) return promise.deliver(event_page_reply(fail(event_failure{errc::invalid, where.error(), {}})));
  if (auto limit = p::check_page_limit(q.page, "events"); !limit)
    return deliver_failure(promise, limit.error());
  auto run = std::make_shared<where_scan>(
      where_scan{std::move(where).value(), std::move(q), {}, 0, std::move(promise)});
  scan(self, run);
}

}  // namespace auraos::actors::events::detail
