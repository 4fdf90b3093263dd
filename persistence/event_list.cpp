#include "persistence/event_list.hpp"

#include <algorithm>
#include <charconv>

#include "persistence/cursor.hpp"
#include "persistence/event_store.hpp"

namespace auraos::persistence {

namespace {

constexpr std::string_view place = "list events";

/// Each distinct type once, so that no event is listed twice.
std::vector<std::string> distinct(std::vector<std::string> types) {
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  return types;
}

/// The events of one query, or of one query per type (several types) merged in seq order and
/// cut to `query.rows`.
store_result<std::vector<event_record>> run_per_type(event_list_query query,
                                                     const std::vector<std::string>& types,
                                                     const event_list_runner& run) {
  if (types.size() <= 1) {
    query.filter.types = types;
    return run(query);
  }
  std::vector<event_record> rows;
  for (const auto& type : types) {
    query.filter.types = {type};
    auto some = run(query);
    if (!some) return fail(std::move(some).error());
    rows.insert(rows.end(), std::make_move_iterator(some->begin()),
                std::make_move_iterator(some->end()));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
  if (static_cast<std::int64_t>(rows.size()) > query.rows)
    rows.resize(static_cast<std::size_t>(query.rows));
  return rows;
}

}  // namespace

std::string encode_event_cursor(std::int64_t seq) {
  return std::to_string(seq);
}

store_result<std::int64_t> decode_event_cursor(const std::string& cursor, std::string_view where) {
  std::int64_t seq = 0;
  const char* end = cursor.data() + cursor.size();
  auto [stop, ec] = std::from_chars(cursor.data(), end, seq);
  if (ec != std::errc{} || stop != end || seq < 0)
    return store_fail(store_errc::invalid,  // not echoed: the bytes may not be UTF-8
                      std::string{where} + ": malformed cursor (not one this list gave)");
  return seq;
}

std::string event_list_statement(const event_list_query& query) {
  const auto& f = query.filter;
  if (f.correlation_id) return "event_list_by_correlation";
  if (!f.types.empty()) return "event_list_by_type";
  if (f.source) return "event_list_by_source";
  return "event_list";
}

store_result<page<event_record>> list_event_page(const event_filter& filter,
                                                 const page_request& request,
                                                 const event_list_runner& run) {
  if (auto ok = check_page_limit(request, place); !ok) return fail(std::move(ok).error());
  event_list_query query{filter, filter.after_seq.value_or(0), request.limit + 1};
  if (request.cursor) {
    auto seq = decode_event_cursor(*request.cursor, place);
    if (!seq) return fail(std::move(seq).error());
    query.after_seq = std::max(query.after_seq, *seq);
  }
  auto rows = run_per_type(query, distinct(filter.types), run);
  if (!rows) return fail(std::move(rows).error());
  return make_seq_page(std::move(rows).value(), request);
}

}  // namespace auraos::persistence
