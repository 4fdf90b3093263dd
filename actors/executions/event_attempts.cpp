// Attempts of `publish_event` and `wait_event` nodes: requests to the events service.
#include "actors/executions/event_attempts.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/executions/event_requests.hpp"
#include "actors/store/store_actor.hpp"
#include "persistence/event_record.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/events/event_fields.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/uuid.hpp"

namespace auraos::actors::executions::detail {
namespace {

namespace p = persistence;

using publish_reply = result<std::vector<p::event_record>, execution_failure>;

std::optional<std::string> text_of(const nlohmann::json& config, const char* key) {
  if (!config.is_object() || !config.contains(key) || !config[key].is_string()) return std::nullopt;
  return config[key].get<std::string>();
}

/// Ends the attempt at once (the events service is not running, or the event is not valid).
void end_now(execution_actor* self, const runtime::engine::start_attempt& a, std::string type,
             std::string message, bool retryable) {
  runtime::engine::node_error e{std::move(type), std::move(message), retryable, a.attempt};
  self->state.queue.push_back(
      {runtime::engine::attempt_failed_event{a.node, a.attempt, std::move(e)}, std::nullopt});
}

caf::actor events_service(execution_actor* self) {
  return caf::actor_cast<caf::actor>(self->system().registry().get(events_registry_name));
}

/// The event a publish_event attempt stores, or why its config does not make one.
result<p::event_record, std::string> event_of(const execution_actor_state& s,
                                              const runtime::engine::start_attempt& a) {
  const auto& config = runtime::engine::json_or_null(a.config);
  p::event_record e;
  e.id = runtime::name_uuid(a.idempotency_key);
  e.type = text_of(config, "type").value_or("");
  e.source = text_of(config, "source").value_or("workflow:" + s.row.workflow_id);
  for (auto [field, value] : {std::pair{"type", &e.type}, std::pair{"source", &e.source}})
    if (auto problem = runtime::events::name_problem(*value))
      return fail("node \"" + a.node + "\": config." + field + ": " + *problem);
  if (config.is_object() && config.contains("data")) e.data = runtime::dump_json(config["data"]);
  e.correlation_id = text_of(config, "correlationId").value_or(s.args.id);
  e.metadata = runtime::dump_json(
      {{"executionId", s.args.id}, {"workflowId", s.row.workflow_id}, {"node", a.node}});
  return e;
}

/// Stores the event of a publish_event attempt and ends the attempt with its id.
void emit(execution_actor* self, caf::actor events, const runtime::engine::start_attempt& a,
          p::event_record event) {
  std::vector<p::event_record> batch{std::move(event)};
  self->request(events, caf::infinite, emit_atom::value, std::move(batch))
      .then(
          [self, node = a.node, attempt = a.attempt](publish_reply& reply) {
            attempt_outcome outcome{node, attempt, bool(reply), nullptr, {}};
            if (reply)
              outcome.output = runtime::engine::share_json({{"eventId", reply->front().id}});
            else
              outcome.error = {"publish", reply.error().message,
                               reply.error().code == errc::unavailable, attempt};
            self->send(self, attempt_done_atom::value, std::move(outcome));
          },
          [self, node = a.node, attempt = a.attempt](caf::error& e) {
            runtime::engine::node_error error{"publish", caf::to_string(e), true, attempt};
            self->send(self, attempt_done_atom::value,
                       attempt_outcome{node, attempt, false, nullptr, std::move(error)});
          });
}

}  // namespace

void publish_event(execution_actor* self, const runtime::engine::start_attempt& a) {
  auto event = event_of(self->state, a);
  if (!event) return end_now(self, a, "invalid_event", event.error(), false);
  auto events = events_service(self);
  if (!events)
    return end_now(self, a, "unavailable", "the event service is not running on this node", true);
  self->state.running[a.node] = {a.attempt, [] {}};
  const auto& key = self->state.row.idempotency_key;
  if (!key) return emit(self, events, a, std::move(*event));
  // A trigger starts its execution with the event's id as the idempotency key: that event is
  // the cause of the ones the execution publishes.
  auto pending = std::make_shared<p::event_record>(std::move(*event));
  self->request(self->state.args.store, caf::infinite, store::get_event_query{*key})
      .then(
          [self, events, a, pending](p::store_result<p::event_record>& cause) {
            if (cause) pending->causation_id = cause->id;
            emit(self, events, a, std::move(*pending));
          },
          [self, events, a, pending](caf::error&) { emit(self, events, a, std::move(*pending)); });
}

void wait_event(execution_actor* self, const runtime::engine::start_attempt& a) {
  auto& s = self->state;
  const auto& config = runtime::engine::json_or_null(a.config);
  event_wait w{s.args.id,
               a.node,
               a.attempt,
               text_of(config, "type").value_or(""),
               text_of(config, "source"),
               text_of(config, "correlationId"),
               text_of(config, "where").value_or(""),
               s.row.created_at};
  auto events = events_service(self);
  if (!events)
    return end_now(self, a, "unavailable", "the event service is not running on this node", true);
  self->send(events, await_event_atom::value, std::move(w));
  auto forget = [events, id = s.args.id, node = a.node] {
    caf::anon_send(events, forget_wait_atom::value, id, node);
  };
  s.running[a.node] = {a.attempt, std::move(forget), true, true};
}

}  // namespace auraos::actors::executions::detail
