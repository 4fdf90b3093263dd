// The stream actor of one event type: waits of `wait_event` nodes and workflow triggers.
#include "actors/events/stream_actor.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include <spdlog/spdlog.h>
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/env.hpp"
#include "actors/executions/event_requests.hpp"
#include "actors/executions/execution.hpp"
#include "actors/executions/executions_service.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/events/event_json.hpp"
#include "runtime/events/event_filter.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::actors::events {
namespace {

namespace p = persistence;
namespace ev = runtime::events;
using executions::attempt_outcome;

/// Events read per page while a new wait looks for an event stored before it.
constexpr std::int64_t wait_page = 500;

/// A registered wait and how far its look at the stored events got.
struct wait_entry {
  executions::event_wait wait;
  ev::event_filter selector;
  /// Reading stored events: live matches are kept (the first one) until the read ends, so the
  /// earliest stored match wins.
  bool reading = true;
  std::optional<p::event_record> held;
  /// Tells this registration's reads from those of an earlier one of the same node.
  std::uint64_t token = 0;
};

/// Trigger starts of one `stored_atom` message still waiting for the executions service.
struct trigger_batch {
  std::size_t open = 0;
  caf::response_promise done;
};

/// `(reread_atom, token)`: reads the stored events of a wait again (the store was unavailable).
using reread_atom = caf::atom_constant<caf::atom("evreread")>;
/// `(restart_atom, id)`: issues a trigger start again (the executions service was unavailable).
using restart_atom = caf::atom_constant<caf::atom("evrestart")>;

/// A trigger start to issue again.
struct pending_start {
  executions::start_execution_command command;
  std::shared_ptr<trigger_batch> batch;
};

struct stream_state {
  stream_state() = default;
  stream_args args;
  std::vector<wait_entry> waits;
  std::map<std::uint64_t, pending_start> retries;
  std::uint64_t next_retry = 0;
  std::uint64_t next_token = 0;
  std::uint64_t idle_generation = 0;
  std::size_t open_triggers = 0;
  static inline const char* name = "event-stream";
};

using stream_actor = caf::stateful_actor<stream_state>;

caf::actor registered(stream_actor* self, caf::atom_value name) {
  return caf::actor_cast<caf::actor>(self->system().registry().get(name));
}

/// Hands the wait's end to the executions service, which wakes (activates) the execution.
void relay(stream_actor* self, const executions::event_wait& w, attempt_outcome outcome) {
  auto service = registered(self, executions::executions_registry_name);
  if (!service) {
    spdlog::warn("event stream {}: no executions service to wake execution {}",
                 self->state.args.type, w.execution_id);
    return;
  }
  caf::anon_send(service, executions::relay_atom::value, w.execution_id, std::move(outcome));
}

void arm_idle(stream_actor* self) {
  auto& s = self->state;
  if (!s.waits.empty() || s.open_triggers > 0) return;
  s.args.env->send_after(self, s.args.idle_after, idle_atom::value, ++s.idle_generation);
}

/// Ends the wait at `index` with `e` as the node's output.
void take(stream_actor* self, std::size_t index, const p::event_record& e) {
  auto entry = std::move(self->state.waits[index]);
  self->state.waits.erase(self->state.waits.begin() + static_cast<std::ptrdiff_t>(index));
  self->send(self->state.args.service, wait_taken_atom::value, entry.wait.execution_id,
             entry.wait.node, entry.wait.attempt);
  relay(self, entry.wait,
        {entry.wait.node,
         entry.wait.attempt,
         true,
         runtime::engine::share_json(ev::event_json(e)),
         {}});
  arm_idle(self);
}

std::optional<std::size_t> find_token(const stream_state& s, std::uint64_t token) {
  for (std::size_t i = 0; i < s.waits.size(); ++i)
    if (s.waits[i].token == token) return i;
  return std::nullopt;
}

/// Reads stored events of the wait (after `cursor`) until one matches or none is left.
void read_stored(stream_actor* self, std::uint64_t token, std::optional<std::string> cursor) {
  auto index = find_token(self->state, token);
  if (!index) return;
  const auto& w = self->state.waits[*index].wait;
  store::list_events_query query;
  query.filter.types = {w.type};
  query.filter.source = w.source;
  query.filter.correlation_id = w.correlation_id;
  query.filter.stored_from_ms = w.stored_from_ms;
  query.page = {wait_page, std::move(cursor)};
  self->request(self->state.args.store, caf::infinite, std::move(query))
      .then([self, token](p::store_result<p::page<p::event_record>>& page) {
        auto& s = self->state;
        auto index = find_token(s, token);
        if (!index) return;
        if (!page) {
          spdlog::warn("event stream {}: reading stored events for execution {}: {}", s.args.type,
                       s.waits[*index].wait.execution_id, page.error().message);
          // Retried: a locked or busy database must not lose an event stored earlier.
          s.args.env->send_after(self, std::chrono::seconds(1), reread_atom::value, token);
          return;
        }
        for (const auto& e : page->items)
          if (s.waits[*index].selector.matches(e))
            return take(self, *index, e);
        if (page->next_cursor) return read_stored(self, token, page->next_cursor);
        auto& entry = s.waits[*index];
        entry.reading = false;
        if (entry.held) take(self, *index, *entry.held);
      });
}

/// Registers a wait (replacing an earlier one of the same node) and looks at stored events.
void await(stream_actor* self, executions::event_wait w) {
  auto& s = self->state;
  ++s.idle_generation;
  std::erase_if(s.waits, [&](const wait_entry& e) {
    return e.wait.execution_id == w.execution_id && e.wait.node == w.node;
  });
  wait_entry entry;
  entry.selector.types = {w.type};
  entry.selector.source = w.source;
  entry.selector.correlation_id = w.correlation_id;
  if (!w.where.empty()) {
    auto parsed = ev::parse_where(w.where);
    if (!parsed) {
      runtime::engine::node_error error{
          "definition", "node \"" + w.node + "\": config." + parsed.error(), false, w.attempt};
      relay(self, w, {w.node, w.attempt, false, nullptr, std::move(error)});
      return arm_idle(self);
    }
    entry.selector.where = std::move(parsed).value();
  }
  entry.token = ++s.next_token;
  entry.wait = std::move(w);
  s.waits.push_back(std::move(entry));
  read_stored(self, s.next_token, std::nullopt);
}

/// Offers newly stored events to the registered waits.
void offer_to_waits(stream_actor* self, const p::event_record& e, const nlohmann::json& scope) {
  auto& waits = self->state.waits;
  for (std::size_t i = 0; i < waits.size();) {
    if (!waits[i].selector.matches(e, scope)) {
      ++i;
      continue;
    }
    if (waits[i].reading) {
      if (!waits[i].held) waits[i].held = e;
      ++i;
      continue;
    }
    take(self, i, e);
  }
}

/// The input of a triggered execution: the trigger's template over `event`, or the event.
std::optional<std::string> trigger_input(const trigger_target& target,
                                         const nlohmann::json& scope) {
  if (!target.trigger.input) return runtime::dump_json(scope["event"]);
  auto input = target.trigger.input->render(scope);
  if (input) return runtime::dump_json(*input);
  spdlog::warn("trigger of workflow {}: input: {}", target.workflow_id, input.error().message);
  return std::nullopt;
}

void start_triggered(stream_actor* self, executions::start_execution_command command,
                     std::shared_ptr<trigger_batch> batch);

/// One start of a triggered execution ended (stored, or refused for good).
void trigger_settled(stream_actor* self, const std::shared_ptr<trigger_batch>& batch) {
  --self->state.open_triggers;
  if (--batch->open == 0) batch->done.deliver(caf::ok_atom::value);
  arm_idle(self);
}

void start_triggered(stream_actor* self, executions::start_execution_command command,
                     std::shared_ptr<trigger_batch> batch) {
  auto service = caf::actor_cast<executions::executions_actor>(
      self->system().registry().get(executions::executions_registry_name));
  auto retry = [self, command, batch] {
    auto& s = self->state;
    s.retries.emplace(++s.next_retry, pending_start{command, batch});
    s.args.env->send_after(self, std::chrono::milliseconds(500), restart_atom::value, s.next_retry);
  };
  if (!service) return retry();
  self->request(service, caf::infinite, command)
      .then(
          [self, command, batch, retry](executions::execution_reply& reply) {
            if (!reply && reply.error().code == errc::unavailable) return retry();
            if (!reply)
              spdlog::warn("trigger of workflow {} for event {}: {}", command.workflow_id,
                           command.idempotency_key, reply.error().message);
            trigger_settled(self, batch);
          },
          [retry](caf::error&) { retry(); });
}

/// Starts the executions the triggers take `e` for.
void offer_to_triggers(stream_actor* self, const p::event_record& e, const nlohmann::json& scope,
                       const trigger_list& triggers, const std::shared_ptr<trigger_batch>& batch) {
  for (const auto& target : *triggers) {
    if (e.type != target.trigger.event_type) continue;
    if (target.trigger.event_source && e.source != *target.trigger.event_source) continue;
    if (target.trigger.where && !ev::where_holds(*target.trigger.where, scope)) continue;
    auto input = trigger_input(target, scope);
    if (!input) continue;
    ++batch->open;
    ++self->state.open_triggers;
    // The event id is the idempotency key: one execution per (workflow, event), however
    // often the event is offered.
    start_triggered(self, {target.workflow_id, 0, std::move(*input), e.id}, batch);
  }
}

caf::behavior stream_behavior(stream_actor* self, stream_args args) {
  self->state.args = std::move(args);
  arm_idle(self);
  return {
      [self](stored_atom, const std::vector<p::event_record>& stored,
             const trigger_list& triggers) {
        ++self->state.idle_generation;
        auto batch = std::make_shared<trigger_batch>();
        batch->done = self->make_response_promise();
        batch->open = 1;  // released below, after every start was issued
        ++self->state.open_triggers;
        for (const auto& e : stored) {
          auto scope = ev::where_scope(e);
          offer_to_waits(self, e, scope);
          if (triggers) offer_to_triggers(self, e, scope, triggers, batch);
        }
        trigger_settled(self, batch);
        return batch->done;
      },
      [self](executions::await_event_atom, executions::event_wait& w) {
        await(self, std::move(w));
      },
      [self](executions::forget_wait_atom, const std::string& execution, const std::string& node) {
        std::erase_if(self->state.waits, [&](const wait_entry& e) {
          return e.wait.execution_id == execution && e.wait.node == node;
        });
        arm_idle(self);
      },
      [self](reread_atom, std::uint64_t token) { read_stored(self, token, std::nullopt); },
      [self](restart_atom, std::uint64_t id) {
        auto node = self->state.retries.extract(id);
        if (!node.empty())
          start_triggered(self, std::move(node.mapped().command), std::move(node.mapped().batch));
      },
      [self](idle_atom, std::uint64_t generation) {
        auto& s = self->state;
        if (generation == s.idle_generation && s.waits.empty() && s.open_triggers == 0)
          self->quit();
      },
  };
}

}  // namespace

caf::actor spawn_stream(caf::local_actor* parent, stream_args args) {
  return parent->spawn(stream_behavior, std::move(args));
}

}  // namespace auraos::actors::events
