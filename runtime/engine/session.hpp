#pragma once
// Internal to the engine: one decide call's working state and the steps it is made of.

#include <nlohmann/json_fwd.hpp>

#include "runtime/engine/decide.hpp"

namespace auraos::runtime::engine::detail {

/// One decide call: a working copy of the state that every emitted record is applied to.
class session {
 public:
  /// Starts from `state`.
  session(const workflow& wf, const execution_state& state, const decide_context& context);

  /// The workflow being run.
  const workflow& wf() const { return wf_; }
  /// The state after the records emitted so far.
  const execution_state& state() const { return state_; }
  /// Now, in ms since the epoch.
  std::int64_t now_ms() const { return context_.now_ms; }
  /// A uniform number in [0, 1).
  double random() const { return context_.random ? context_.random() : 0.0; }
  /// The node with `id` (must exist).
  const runtime::definition::node& node(const std::string& id) const;
  /// The state of node `id`.
  const node_state& node_of(const std::string& id) const { return state_.nodes.at(id); }

  /// A record stamped with now, the node and the attempt.
  v1::HistoryEvent record(const std::string& node = {}, int attempt = 0) const;
  /// Applies `r` to the working state and appends it to the decision.
  void emit(v1::HistoryEvent r);
  /// Appends an effect.
  void act(effect e) { out_.effects.push_back(std::move(e)); }
  /// Records a timer and asks for it.
  void arm_timer(const std::string& id, std::int64_t deadline_ms, v1::TimerPurpose purpose,
                 const std::string& node, int attempt);
  /// Records that a pending timer is no longer needed.
  void drop_timer(const std::string& id);
  /// The decision built so far.
  decision take() { return std::move(out_); }

 private:
  const workflow& wf_;
  execution_state state_;
  const decide_context& context_;
  decision out_;
};

/// The scope templates and expressions are evaluated in (spec "Expressions").
nlohmann::json build_scope(const session& s);
/// Evaluation options with `now()` fixed to the decision's time.
expr::evaluation_options evaluation_at(const session& s);

/// Id of the timer of a kind for a node attempt, e.g. "retry:fetch:2".
std::string timer_id(std::string_view kind, const std::string& node, int attempt);

/// Records the start of the execution; an error refuses it.
std::optional<engine_error> start_execution(session& s, const start_event& ev);
/// Puts the start nodes in the ready queue.
void schedule_start_nodes(session& s);
/// Starts queued nodes and due retries while the execution runs and slots are free.
void pump(session& s);
/// True for node types whose work runs outside decide (shell, http, subworkflow).
bool is_external(runtime::definition::node_type type);
/// Issues the start effect of the open attempt of an external node (again, after recovery).
void issue_external(session& s, const std::string& node_id);
/// Starts attempt `attempt` of `node_id` (renders its config, runs inline types at once).
void begin_attempt(session& s, const std::string& node_id, int attempt);
/// Handles the result of the open attempt of `node_id`.
void attempt_succeeded(session& s, const std::string& node_id, const nlohmann::json& output);
/// Handles a failed attempt: retry or fail the node.
void attempt_failed(session& s, const std::string& node_id, const node_error& error);
/// Decides the outgoing connections of an ended node and what follows from them.
void node_ended(session& s, const std::string& node_id);
/// Completes the execution when every node ended.
void finish_if_done(session& s);
/// Ends the execution: cancels every unfinished node and attempt, records `end`.
void end_execution(session& s, v1::HistoryEvent end, finished result);
/// Fails the execution with `error` (cancelling what still runs).
void fail_execution(session& s, node_error error);

}  // namespace auraos::runtime::engine::detail
