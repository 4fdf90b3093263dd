// The execution actor's start (fold snapshot + tail) and graceful stop.
#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "actors/executions/execution_records.hpp"
#include "actors/executions/execution_state.hpp"
#include "runtime/definition/parse.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/engine/snapshot.hpp"
#include "runtime/crypto/secret_keys.hpp"
#include "runtime/secrets/secret_input.hpp"

namespace auraos::actors::executions::detail {

namespace p = persistence;

namespace {

caf::error load_error(const std::string& message) {
  return caf::make_error(caf::sec::runtime_error, message);
}

/// A failed read while loading: an unavailable database is waited out (the load starts over
/// after a growing delay, up to 5 s); any other error ends the actor.
void load_failed(execution_actor* self, const p::store_error& error) {
  using namespace std::chrono_literals;
  if (error.code != p::store_errc::unavailable) return self->quit(load_error(error.message));
  auto& delay = self->state.reload_delay;
  delay = std::min<std::chrono::milliseconds>(
      5s, std::max<std::chrono::milliseconds>(200ms, delay * 2));
  self->state.args.options.env->send_after(self, delay, reload_atom::value);
}

/// Opens the row's sealed secrets into the engine's state (never recorded); a failure is kept
/// for the attempts that need them.
void open_secrets(execution_actor_state& s) {
  s.secrets_problem.reset();
  if (!s.row.secrets) return;
  if (!s.args.options.secret_keys) {
    s.secrets_problem = "execution " + s.row.id + ": this node has no key ring for secrets";
    return;
  }
  auto opened = s.args.options.secret_keys->open(*s.row.secrets, s.row.id);
  std::string problem = opened ? std::string{} : opened.error();
  if (opened) {
    auto values = runtime::secrets::secret_values(*opened);
    if (values) {
      s.st.secrets = std::move(*values);
      return;
    }
    problem = values.error();
  }
  s.secrets_problem = "execution " + s.row.id + ": " + problem;
  spdlog::warn("{}", *s.secrets_problem);
}

/// Folds the records after the snapshot, then queues the first event and starts.
void fold_tail(execution_actor* self, const std::vector<p::history_event>& rows) {
  auto& s = self->state;
  for (const auto& row : rows) {
    auto record = from_stored(row);
    if (!record) return self->quit(load_error(record.error()));
    runtime::engine::apply(s.st, *record);
  }
  open_secrets(s);
  s.loaded = true;
  self->send(s.args.service, live_atom::value, s.args.id, caf::actor_cast<caf::actor>(self));
  if (s.st.seq == 0)
    s.queue.push_front({runtime::engine::start_event{s.row.id, s.row.revision,
                                                     runtime::engine::parse_json_text(s.row.input)},
                        std::nullopt});
  else if (!runtime::engine::is_finished(s.st.status))
    s.queue.push_front({runtime::engine::recovered_event{}, std::nullopt});
  process_next(self);
}

void read_tail(execution_actor* self) {
  auto& s = self->state;
  self->request(s.args.store, caf::infinite, store::read_history_query{s.args.id, s.st.seq})
      .then(
          [self](p::store_result<std::vector<p::history_event>>& rows) {
            if (!rows) return load_failed(self, rows.error());
            fold_tail(self, *rows);
          },
          [self](caf::error& e) { self->quit(std::move(e)); });
}

void read_snapshot(execution_actor* self) {
  auto& s = self->state;
  self->request(s.args.store, caf::infinite, store::latest_snapshot_query{s.args.id})
      .then(
          [self](p::store_result<std::optional<p::snapshot_record>>& snap) {
            if (!snap) return load_failed(self, snap.error());
            auto& s = self->state;
            s.st = runtime::engine::initial_state(s.wf);
            if (*snap) {
              v1::ExecutionSnapshot message;
              if (!message.ParseFromString((*snap)->payload))
                return self->quit(load_error("snapshot of " + s.args.id + " does not parse"));
              auto state = runtime::engine::from_snapshot(message);
              if (!state) return self->quit(load_error(state.error()));
              s.st = std::move(*state);
            }
            read_tail(self);
          },
          [self](caf::error& e) { self->quit(std::move(e)); });
}

void read_workflow(execution_actor* self) {
  auto& s = self->state;
  self->request(s.args.store, caf::infinite,
                store::get_workflow_query{s.row.workflow_id, s.row.revision})
      .then(
          [self](p::store_result<p::workflow_record>& wf) {
            if (!wf) return load_failed(self, wf.error());
            auto parsed = runtime::definition::parse_workflow(wf->definition);
            if (!parsed) return self->quit(load_error("stored workflow " + wf->id + " is invalid"));
            self->state.wf = std::move(*parsed);
            read_snapshot(self);
          },
          [self](caf::error& e) { self->quit(std::move(e)); });
}

}  // namespace

void load(execution_actor* self) {
  auto& s = self->state;
  auto preload = std::exchange(s.args.preload, nullptr);
  if (preload && !preload->taken.exchange(true)) {
    s.row = std::move(preload->row);
    s.wf = *preload->wf;
    s.st = runtime::engine::initial_state(s.wf);
    return fold_tail(self, {});
  }
  self->request(s.args.store, caf::infinite, store::get_execution_query{s.args.id})
      .then(
          [self](p::store_result<p::execution_record>& row) {
            if (!row) return load_failed(self, row.error());
            self->state.row = std::move(*row);
            read_workflow(self);
          },
          [self](caf::error& e) { self->quit(std::move(e)); });
}

void stop_gracefully(execution_actor* self, caf::error reason) {
  auto& s = self->state;
  std::vector<v1::HistoryEvent> records;
  for (auto& [node, run] : s.running) {
    if (run.child || !s.st.nodes.count(node) || !s.st.nodes.at(node).attempt_open) continue;
    v1::HistoryEvent r;
    r.set_at_ms(now_ms(s));
    r.set_node(node);
    r.set_attempt(run.attempt);
    r.mutable_attempt_interrupted()->set_reason("shutdown");
    records.push_back(std::move(r));
    run.cancel();
  }
  s.stopping = true;
  if (auto waiting = std::exchange(s.writing_for, std::nullopt))
    waiting->deliver(execution_reply(fail(execution_failure{
        errc::unavailable, "execution " + s.args.id + " is stopping on this node; retry", {}})));
  if (!s.loaded || s.writing || records.empty()) return self->quit(std::move(reason));
  auto after = s.st;
  for (const auto& r : records) runtime::engine::apply(after, r);
  self->request(s.args.store, std::chrono::seconds(2),
                decision_write(s.st, after, records, false, s.args.fence))
      .then([self, reason](p::write_outcome&) mutable { self->quit(std::move(reason)); },
            [self, reason](caf::error&) mutable { self->quit(std::move(reason)); });
}

}  // namespace auraos::actors::executions::detail
