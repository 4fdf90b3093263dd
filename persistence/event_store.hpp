#pragma once
// The event store: the append-only event log, its reads, and consumers' cursors.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/batch_store.hpp"
#include "persistence/event_record.hpp"
#include "persistence/event_retention.hpp"

namespace auraos::persistence {

/// Stored events: reads, and writes as event_ops through `commit`.
class event_store : public virtual batch_store {
 public:
  /// One event by id (not_found names the id).
  virtual store_result<event_record> get_event(const std::string& id) = 0;
  /// Events matching `filter` in storing order (seq ascending); the cursor is the last seq
  /// returned (encode_event_cursor), a malformed one is `invalid` naming `events`.
  virtual store_result<page<event_record>> list_events(const event_filter& filter,
                                                       const page_request& page) = 0;
  /// Every event of a correlation id in time order (timestamp, then seq); at most `limit`.
  virtual store_result<std::vector<event_record>> correlated_events(
      const std::string& correlation_id, std::int64_t limit) = 0;
  /// The highest seq stored (0 when there is none).
  virtual store_result<std::int64_t> last_event_seq() = 0;
  /// The seq a named consumer has handled up to (0 when it never recorded one).
  virtual store_result<std::int64_t> event_cursor(const std::string& name) = 0;
  /// Every retention rule, by type.
  virtual store_result<std::vector<event_retention_rule>> event_retention_rules() = 0;
  /// Every type that has a stored event, by name.
  virtual store_result<std::vector<std::string>> event_types() = 0;
  /// The seq of the `keep`-th newest event of `type` (0 when it has fewer; `keep` >= 1): the
  /// events of the type with a lower seq are the ones beyond the newest `keep`.
  virtual store_result<std::int64_t> event_count_cutoff(const std::string& type,
                                                        std::int64_t keep) = 0;
  /// How many events per bucket, type and source have a timestamp in [from_ms, to_ms), in
  /// buckets of interval_ms from from_ms; at most `limit` rows, in bucket order.
  virtual store_result<std::vector<event_count>> event_counts(std::int64_t from_ms,
                                                              std::int64_t to_ms,
                                                              std::int64_t interval_ms,
                                                              std::int64_t limit) = 0;

  /// Stores events (see publish_events_op).
  store_result<published_events> publish_events(std::vector<event_record> events);
};

/// The cursor text of a page of events that ended at `seq`.
std::string encode_event_cursor(std::int64_t seq);
/// The seq an event cursor names; a malformed cursor is `invalid` naming `place`.
store_result<std::int64_t> decode_event_cursor(const std::string& cursor, std::string_view place);

}  // namespace auraos::persistence
