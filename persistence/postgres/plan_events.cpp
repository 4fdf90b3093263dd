// Planning of the event operations: publish (one call of auraos_publish_events), delete by age,
// consumers' cursors.
#include <utility>

#include "persistence/event_publish.hpp"
#include "persistence/postgres/array_literal.hpp"
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/rows.hpp"

namespace auraos::persistence::postgres {

namespace {

/// The nine array parameters of event_publish.sql.
params publish_params(const std::vector<event_record>& events) {
  std::vector<std::string> ids, types, sources, data, metadata;
  std::vector<std::optional<std::string>> correlations, causations;
  std::vector<std::int64_t> times, stored;
  for (const auto& e : events) {
    ids.push_back(e.id);
    types.push_back(e.type);
    sources.push_back(e.source);
    data.push_back(e.data);
    metadata.push_back(e.metadata);
    times.push_back(e.timestamp);
    correlations.push_back(e.correlation_id);
    causations.push_back(e.causation_id);
    stored.push_back(e.stored_at);
  }
  params values;
  values.add(text_array(ids)).add(text_array(types)).add(text_array(sources));
  values.add(text_array(data)).add(text_array(metadata)).add(integer_array(times));
  values.add(optional_text_array(correlations)).add(optional_text_array(causations));
  values.add(integer_array(stored));
  return values;
}

}  // namespace

store_result<planned_op> plan_op(const publish_events_op& op, const clock_fn& clock) {
  auto events = events_to_store(op, clock);
  if (!events) return fail(std::move(events).error());
  planned_op planned{{{"event_publish", publish_params(*events)}}, {}, "publish events"};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    published_events out;
    for (int row = 0; row < rows.rows(); ++row) {
      out.events.push_back(read_event(rows, row));
      out.existing.push_back(rows.boolean(row, 10));
    }
    return op_result{std::move(out)};
  };
  return planned;
}

store_result<planned_op> plan_op(const delete_events_op& op, const clock_fn&) {
  if (op.limit < 1)
    return store_fail(store_errc::invalid,
                      "delete events: limit " + std::to_string(op.limit) + " is not positive");
  params values;
  values.add(op.type).add(op.older_than_ms).add(op.limit).add(op.below_seq);
  planned_op planned{{{op.type ? "event_delete_by_type" : "event_delete", std::move(values)}},
                     {},
                     "delete events"};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    return op_result{deleted_events{rows.integer(0, 0), rows.integer(0, 1)}};
  };
  return planned;
}

store_result<planned_op> plan_op(const put_event_cursor_op& op, const clock_fn&) {
  if (op.name.empty()) return store_fail(store_errc::invalid, "put event cursor: empty name");
  params values;
  values.add(op.name).add(op.seq);
  return planned_op{
      {{"event_cursor_put", std::move(values)}}, {}, "put event cursor '" + op.name + "'"};
}

}  // namespace auraos::persistence::postgres
