#pragma once
// `inspect` overloads of the event store's plain data (the event, its filter, the event ops and
// their results), so that the store actor's event requests and replies may cross a node. Each
// sits in its type's namespace: CAF finds them by argument-dependent lookup.

#include "actors/wire.hpp"
#include "persistence/event_ops.hpp"

namespace auraos::runtime::events {

/// Inspects an event (a stored one: persistence::event_record).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event& x) {
  actors::wire::optional_field<std::string> correlation{x.correlation_id};
  actors::wire::optional_field<std::string> causation{x.causation_id};
  return f(caf::meta::type_name("event"), x.id, x.type, x.source, x.data, x.metadata, x.timestamp,
           correlation, causation, x.seq, x.stored_at);
}

}  // namespace auraos::runtime::events

namespace auraos::runtime::metrics {

/// Inspects the event count of one bucket, type and source.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_count& x) {
  return f(caf::meta::type_name("event_count"), x.bucket, x.type, x.source, x.count);
}

}  // namespace auraos::runtime::metrics

namespace auraos::persistence {

/// Inspects an event filter.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_filter& x) {
  actors::wire::optional_field<std::string> source{x.source};
  actors::wire::optional_field<std::int64_t> from{x.from_ms};
  actors::wire::optional_field<std::int64_t> to{x.to_ms};
  actors::wire::optional_field<std::string> correlation{x.correlation_id};
  actors::wire::optional_field<std::int64_t> after{x.after_seq};
  actors::wire::optional_field<std::int64_t> stored_from{x.stored_from_ms};
  return f(caf::meta::type_name("event_filter"), x.types, source, from, to, correlation, after,
           stored_from);
}

/// Inspects what a publish stored.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, published_events& x) {
  return f(caf::meta::type_name("published_events"), x.events, x.existing);
}

/// Inspects what a delete removed.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, deleted_events& x) {
  return f(caf::meta::type_name("deleted_events"), x.count, x.max_deleted_seq);
}

/// Inspects a publish.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, publish_events_op& x) {
  return f(caf::meta::type_name("publish_events_op"), x.events);
}

/// Inspects a delete by age.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_events_op& x) {
  actors::wire::optional_field<std::string> type{x.type};
  actors::wire::optional_field<std::int64_t> below{x.below_seq};
  return f(caf::meta::type_name("delete_events_op"), x.older_than_ms, type, x.limit, below);
}

/// Inspects a retention rule.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_retention_rule& x) {
  actors::wire::optional_field<std::int64_t> age{x.max_age_seconds};
  actors::wire::optional_field<std::int64_t> count{x.max_count};
  return f(caf::meta::type_name("event_retention_rule"), x.type, age, count, x.updated_at);
}

/// Inspects a retention rule write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_event_retention_op& x) {
  return f(caf::meta::type_name("put_event_retention_op"), x.rule);
}

/// Inspects a retention rule removal.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_event_retention_op& x) {
  return f(caf::meta::type_name("delete_event_retention_op"), x.type);
}

/// Inspects a consumer's cursor write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_event_cursor_op& x) {
  return f(caf::meta::type_name("put_event_cursor_op"), x.name, x.seq);
}

}  // namespace auraos::persistence
