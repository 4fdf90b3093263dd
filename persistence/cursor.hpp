#pragma once
// Keyset pagination cursors shared by every backend: a position (created_at, id; a task run's
// queued_at, id) and the direction of the list that made it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "persistence/execution_record.hpp"
#include "persistence/store_error.hpp"
#include "persistence/task_record.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence {

/// The position after which a page starts: lists order by (created_at, id), either way.
struct keyset {
  std::int64_t created_at = 0;  ///< Creation time of the last item seen.
  std::string id;               ///< Id of the last item seen.
};

/// The most items a page may hold.
inline constexpr std::int64_t max_page_limit = 1000;

/// The opaque cursor text of a position in a list of `order` (newest first: marked as such).
std::string encode_cursor(const keyset& position, list_order order = list_order::oldest_first);

/// Parses a cursor made by encode_cursor for a list of `order` (one of the other order is
/// malformed); `place` names the list for the message.
store_result<keyset> decode_cursor(std::string_view cursor, std::string_view place,
                                   list_order order = list_order::oldest_first);

/// The position of a record in its list: (created_at, id).
template <class T>
keyset keyset_of(const T& row) {
  return {row.created_at, row.id};
}

/// The position of a run in a run list: (queued_at, id).
inline keyset keyset_of(const task_run_record& run) {
  return {run.queued_at, run.id};
}

/// Cuts a keyset list's extra row (queried with limit + 1) off and sets the next cursor.
template <class T>
page<T> make_keyset_page(std::vector<T> rows, const page_request& request,
                         list_order order = list_order::oldest_first) {
  page<T> result;
  if (static_cast<std::int64_t>(rows.size()) > request.limit) {
    rows.resize(static_cast<std::size_t>(request.limit));
    result.next_cursor = encode_cursor(keyset_of(rows.back()), order);
  }
  result.items = std::move(rows);
  return result;
}

/// The cursor of a revision list: the last revision returned.
std::string encode_revision_cursor(std::int64_t revision);

/// The revision after which a revision list resumes: 0 without a cursor.
store_result<std::int64_t> decode_revision_cursor(const std::optional<std::string>& cursor,
                                                  std::string_view place);

/// Cuts a revision list's extra row (queried with limit + 1) off and sets the next cursor.
page<workflow_record> make_revision_page(std::vector<workflow_record> rows,
                                         const page_request& request);

/// Rejects a limit outside 1..max_page_limit.
store_status check_page_limit(const page_request& page, std::string_view place);

}  // namespace auraos::persistence
