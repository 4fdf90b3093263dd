#pragma once
// Lists of events, shared by the backends: where a page starts, which index each query scans,
// the merge of one query per type, and where a page in seq order ends.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "persistence/event_record.hpp"
#include "persistence/event_store.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence {

/// One query of an event list: a filter with at most one type, in storing order.
struct event_list_query {
  event_filter filter;         ///< `types` holds none or one.
  std::int64_t after_seq = 0;  ///< Only seq > after_seq.
  std::int64_t rows = 0;       ///< At most this many (a page's limit + 1).
};

/// The statement (event_list.sql's variant) whose index range serves `query`: by correlation
/// id, else by type, else by source, else by seq alone.
std::string event_list_statement(const event_list_query& query);

/// Runs one query of an event list on a backend.
using event_list_runner =
    std::function<store_result<std::vector<event_record>>(const event_list_query&)>;

/// A page of events: checks the limit, starts after the cursor and `filter.after_seq`, runs one
/// query per distinct type (or one), merges them by seq and sets the next cursor.
store_result<page<event_record>> list_event_page(const event_filter& filter,
                                                 const page_request& request,
                                                 const event_list_runner& run);

/// Cuts a seq-ordered list's extra row (queried with limit + 1) off and sets the next cursor to
/// the last seq returned (encode_event_cursor): event lists, and the audit log's.
template <class T>
page<T> make_seq_page(std::vector<T> rows, const page_request& request) {
  page<T> out;
  if (static_cast<std::int64_t>(rows.size()) > request.limit) {
    rows.resize(static_cast<std::size_t>(request.limit));
    out.next_cursor = encode_event_cursor(rows.back().seq);
  }
  out.items = std::move(rows);
  return out;
}

}  // namespace auraos::persistence
