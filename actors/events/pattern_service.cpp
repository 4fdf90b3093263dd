// The pattern service: loading the stored rules, their actors under `event-patterns`, and the
// routing of stored events to them (see pattern_service.hpp).
#include "actors/events/pattern_service.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/env.hpp"
#include "actors/events/pattern_service_state.hpp"
#include "actors/events/pattern_wire.hpp"
#include "actors/registration.hpp"
#include "actors/supervision/supervisor.hpp"
#include "runtime/events/patterns/rule_parse.hpp"
#include "runtime/events/patterns/rule_types.hpp"

namespace auraos::actors::events {
namespace detail {
namespace {

namespace p = persistence;
namespace pt = runtime::events::patterns;
namespace sv = runtime::supervision;

/// A rule's actor that fails more often than this is left stopped (logged).
constexpr int max_pattern_restarts = 20;

void start_supervisor(pattern_service_actor* self) {
  supervision::supervisor_config config;
  config.name = "event-patterns";
  config.strategy = sv::strategy::simple_one_for_one;
  config.intensity = {1000, std::chrono::seconds(5)};
  config.env = self->state.env;
  self->state.supervisor = supervision::spawn_supervisor(self->system(), std::move(config));
  self->link_to(self->state.supervisor);
}

/// Hands `events` (storing order) to the actors of the rules whose types they have.
void route(pattern_service_actor* self, const std::vector<p::event_record>& events) {
  for (auto& [id, live] : self->state.patterns) {
    std::vector<p::event_record> mine;
    for (const auto& e : events)
      if (std::binary_search(live.types.begin(), live.types.end(), e.type)) mine.push_back(e);
    if (mine.empty()) continue;
    if (!live.actor) live.pending.insert(live.pending.end(), mine.begin(), mine.end());
    else self->send(live.actor, pattern_events_atom::value, std::move(mine));
  }
}

/// Every stored state is read: starts the rules.
void start_loaded(pattern_service_actor* self, std::vector<p::event_pattern_record> rules,
                  std::vector<p::event_pattern_state> states) {
  auto& s = self->state;
  std::map<std::string, std::string> by_id;
  for (auto& st : states) by_id[st.pattern_id] = std::move(st.state);
  for (auto& r : rules) {
    if (s.patterns.count(r.id) || s.deleted.count(r.id)) continue;
    auto found = by_id.find(r.id);
    std::optional<std::string> state;
    if (found != by_id.end()) state = std::move(found->second);
    start_pattern(self, std::move(r), std::move(state), std::nullopt);
  }
  s.loaded = true;
  s.deleted.clear();
  auto held = std::move(s.held);
  s.held.clear();
  route(self, held);
}

/// Reads every stored rule page by page, then every state.
void load(pattern_service_actor* self, std::vector<p::event_pattern_record> rules,
          std::optional<std::string> cursor) {
  store::list_patterns_query q;
  q.page.limit = 1000;  // persistence::max_page_limit
  q.page.cursor = std::move(cursor);
  self->request(self->state.store, caf::infinite, std::move(q))
      .then(
          [self, rules = std::move(rules)](p::store_result<p::page<p::event_pattern_record>>& page)
              mutable {
            if (!page) return self->quit(caf::make_error(caf::sec::runtime_error,
                                                         "load event patterns: " +
                                                             page.error().message));
            for (auto& r : page->items) rules.push_back(std::move(r));
            if (page->next_cursor) return load(self, std::move(rules), page->next_cursor);
            self->request(self->state.store, caf::infinite, store::pattern_states_query{})
                .then([self, rules = std::move(rules)](
                          p::store_result<std::vector<p::event_pattern_state>>& states) mutable {
                  if (!states)
                    return self->quit(caf::make_error(
                        caf::sec::runtime_error,
                        "load event pattern states: " + states.error().message));
                  start_loaded(self, std::move(rules), std::move(*states));
                });
          },
          [self](caf::error& e) { self->quit(std::move(e)); });
}

/// A rule's actor ended: a failure starts it again (it reads its stored state).
void on_down(pattern_service_actor* self, const caf::down_msg& msg) {
  auto& s = self->state;
  auto it = s.monitored.find(msg.source);
  if (it == s.monitored.end()) return;
  auto id = it->second;
  s.monitored.erase(it);
  auto live = s.patterns.find(id);
  if (live == s.patterns.end() || live->second.actor.address() != msg.source) return;
  live->second.actor = nullptr;
  if (!msg.reason || msg.reason == caf::exit_reason::user_shutdown) return;
  if (++live->second.restarts > max_pattern_restarts) {
    spdlog::error("event pattern {} failed {} times ({}): it stays stopped", id,
                  live->second.restarts, caf::to_string(msg.reason));
    return;
  }
  spdlog::warn("event pattern {} failed ({}): starting it again", id, caf::to_string(msg.reason));
  start_pattern(self, live->second.record, std::nullopt, std::nullopt);
}

caf::behavior pattern_service(pattern_service_actor* self, store::store_actor store,
                              std::shared_ptr<actors::env> env, caf::actor service) {
  auto& s = self->state;
  s.store = std::move(store);
  s.env = std::move(env);
  s.service = std::move(service);
  self->set_down_handler([self](caf::down_msg& msg) { on_down(self, msg); });
  register_while_alive(self, patterns_registry_name);
  start_supervisor(self);
  load(self, {}, std::nullopt);
  return {
      [self](pattern_child_retry_atom, const std::string& id, std::uint64_t generation,
             int tries_left) { retry_pattern_child(self, id, generation, tries_left);
      },
      [self](pattern_events_atom, const std::vector<p::event_record>& events) {
        auto& s = self->state;
        if (!s.loaded) return s.held.insert(s.held.end(), events.begin(), events.end()), void();
        route(self, events);
      },
      [self](pattern_matched_atom, const std::string& id, std::int64_t at_ms) {
        auto it = self->state.patterns.find(id);
        if (it == self->state.patterns.end()) return;
        ++it->second.figures.matches;
        it->second.figures.last_match_ms = at_ms;
      },
      [self](pattern_put& put) {
        auto promise = self->make_response_promise();
        put_pattern(self, std::move(put), promise);
        return promise;
      },
      [self](pattern_delete& del) {
        auto promise = self->make_response_promise();
        delete_pattern(self, std::move(del.id), promise);
        return promise;
      },
      [self](pattern_get& get) {
        auto promise = self->make_response_promise();
        get_pattern(self, std::move(get.id), promise);
        return promise;
      },
      [self](supervision::tree_atom) {
        // Its place in the tree is its supervisor of the rules' actors.
        return self->delegate(self->state.supervisor, supervision::tree_atom::value);
      },
      [self](pattern_list& list) {
        auto promise = self->make_response_promise();
        list_patterns(self, std::move(list.page), promise);
        return promise;
      },
  };
}

}  // namespace

namespace {

/// How often a rule's actor is asked for before the service gives up (and fails), and the pause
/// between two asks: a rule replaced or restarted right after its old actor was told to stop
/// finds that actor's name still taken until the supervisor has seen it exit.
constexpr int child_start_tries = 100;
constexpr std::chrono::milliseconds child_start_pause{10};

/// True while start `generation` of rule `id` waits for its actor.
bool still_starting(pattern_service_actor* self, const std::string& id, std::uint64_t generation) {
  auto it = self->state.patterns.find(id);
  return it != self->state.patterns.end() && it->second.generation == generation &&
         !it->second.actor;
}

/// Asks the supervisor for the actor of start `generation` of rule `id`, made by `spec`, and
/// keeps it when that start is still waiting for it.
void add_pattern_child(pattern_service_actor* self, supervision::child_spec spec, std::string id,
                       std::uint64_t generation, int tries_left) {
  auto& s = self->state;
  self->request(s.supervisor, caf::infinite, supervision::add_child_atom::value, std::move(spec))
      .then(
          [self, id, generation](caf::actor& actor) {
            auto& s = self->state;
            // Deleted or replaced meanwhile: this actor is not wanted.
            if (!still_starting(self, id, generation))
              return self->send_exit(actor, caf::exit_reason::user_shutdown);
            auto it = s.patterns.find(id);
            it->second.actor = actor;
            it->second.starting.reset();
            s.monitored[actor.address()] = id;
            self->monitor(actor);
            auto pending = std::move(it->second.pending);
            it->second.pending.clear();
            if (!pending.empty())
              self->send(actor, pattern_events_atom::value, std::move(pending));
          },
          [self, id, generation, tries_left](caf::error& e) {
            if (!still_starting(self, id, generation)) return;
            if (tries_left <= 1) return self->quit(std::move(e));
            self->delayed_send(self, child_start_pause, pattern_child_retry_atom::value, id,
                               generation, tries_left - 1);
          });
}

}  // namespace

void retry_pattern_child(pattern_service_actor* self, const std::string& id,
                         std::uint64_t generation, int tries_left) {
  if (!still_starting(self, id, generation)) return;
  const auto& spec = *self->state.patterns[id].starting;
  add_pattern_child(self, spec, id, generation, tries_left);
}

void start_pattern(pattern_service_actor* self, p::event_pattern_record record,
                   std::optional<std::string> state, std::optional<std::int64_t> start_after) {
  auto& s = self->state;
  auto parsed = pt::parse_rule_text(record.rule);
  auto& live = s.patterns[record.id];
  live.record = record;
  live.types = parsed ? pt::rule_types(*parsed) : std::vector<std::string>{};
  if (state) {
    auto figures = pt::stored_progress(*state);
    live.figures.matches = figures.matches;
    live.figures.last_match_ms = figures.last_match_ms;
  }
  pattern_args args{std::move(record), std::move(state), start_after,
                    s.service,         caf::actor_cast<caf::actor>(self),
                    s.store,           s.env};
  supervision::child_spec spec;
  spec.name = "pattern:" + args.record.id;
  spec.kind = "pattern";
  // The service starts a failed rule again itself (with its stored state).
  spec.restart = sv::restart_type::temporary;
  spec.start = [args](caf::local_actor* parent) { return spawn_pattern(parent, args); };
  live.generation = ++s.starts;
  live.starting = std::make_shared<supervision::child_spec>(spec);
  add_pattern_child(self, std::move(spec), args.record.id, live.generation, child_start_tries);
}

void stop_pattern(pattern_service_actor* self, const std::string& id) {
  auto& s = self->state;
  auto it = s.patterns.find(id);
  if (it == s.patterns.end()) return;
  if (it->second.actor) {
    s.monitored.erase(it->second.actor.address());
    self->demonitor(it->second.actor);
    self->send_exit(it->second.actor, caf::exit_reason::user_shutdown);
  }
  s.patterns.erase(it);
}

pattern_info info_of(pattern_service_actor* self, p::event_pattern_record record) {
  pattern_info info;
  auto it = self->state.patterns.find(record.id);
  if (it != self->state.patterns.end()) {
    info.matches = it->second.figures.matches;
    info.last_match_ms = it->second.figures.last_match_ms;
  }
  info.record = std::move(record);
  return info;
}

}  // namespace detail

caf::actor spawn_pattern_service(caf::local_actor* service, store::store_actor store,
                                 std::shared_ptr<actors::env> env) {
  return service->spawn<caf::linked>(detail::pattern_service, std::move(store), std::move(env),
                                     caf::actor_cast<caf::actor>(service));
}

}  // namespace auraos::actors::events
