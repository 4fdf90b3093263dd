#pragma once
// Test support for the engine suites: a workflow from JSON, a simulated clock and random
// source, and an execution driven event by event through decide + apply.

#include <deque>
#include <map>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/definition/parse.hpp"
#include "runtime/engine/decide.hpp"
#include "runtime/engine/json_text.hpp"

namespace auraos::runtime::engine {

/// Prints a node status in test messages.
inline std::ostream& operator<<(std::ostream& out, node_status s) {
  return out << to_string(s);
}
/// Prints an execution status in test messages.
inline std::ostream& operator<<(std::ostream& out, execution_status s) {
  return out << to_string(s);
}
/// Prints a refusal code in test messages.
inline std::ostream& operator<<(std::ostream& out, refusal r) {
  return out << (r == refusal::conflict ? "conflict" : "invalid");
}

}  // namespace auraos::runtime::engine

namespace auraos::runtime::engine::test {

/// Parses a workflow definition or fails the test with its errors.
inline runtime::definition::workflow workflow_from(const nlohmann::json& document) {
  auto wf = runtime::definition::parse_workflow(document);
  if (!wf) {
    std::string text;
    for (const auto& e : wf.error()) text += e.to_string() + "\n";
    BOOST_FAIL("invalid test workflow: " << text);
  }
  return std::move(*wf);
}

/// One execution driven through decide, with every record applied and kept.
class harness {
 public:
  /// An execution of the workflow `document` with id "e1", clock at 1000 ms.
  explicit harness(const nlohmann::json& document)
      : wf_(workflow_from(document)), state_(initial_state(wf_)) {}

  /// Feeds one event that must be accepted; returns its decision.
  decision step(const event& ev) {
    auto d = decide(wf_, state_, ev, context());
    BOOST_REQUIRE_MESSAGE(d.has_value(), "event refused: " << (d ? "" : d.error().message));
    for (const auto& r : d->records) {
      apply(state_, r);
      history_.push_back(r);
    }
    return std::move(*d);
  }
  /// Feeds one event that must be refused; returns the refusal.
  engine_error refused(const event& ev) {
    auto d = decide(wf_, state_, ev, context());
    BOOST_REQUIRE(!d.has_value());
    return d.error();
  }
  /// Starts the execution with `input`.
  decision start(const nlohmann::json& input = nlohmann::json::object()) {
    return step(start_event{"e1", 1, share_json(input)});
  }
  /// Reports a completed attempt.
  decision complete(const std::string& node, int attempt, const nlohmann::json& output = {}) {
    return step(attempt_completed_event{node, attempt, share_json(output)});
  }
  /// Reports a failed attempt.
  decision fail_attempt(const std::string& node, int attempt, const std::string& type,
                        bool retryable = true) {
    return step(attempt_failed_event{node, attempt, {type, "boom", retryable, 0}});
  }
  /// Moves the clock to `ms` and fires timer `id`.
  decision fire(const std::string& id, std::int64_t ms) {
    now_ms_ = ms;
    return step(timer_fired_event{id});
  }

  /// The status of node `id`.
  node_status status(const std::string& id) const { return state_.nodes.at(id).status; }
  /// The execution status.
  execution_status status() const { return state_.status; }
  /// The current state.
  const execution_state& state() const { return state_; }
  /// Every record so far.
  const std::vector<v1::HistoryEvent>& history() const { return history_; }
  /// The workflow.
  const runtime::definition::workflow& wf() const { return wf_; }
  /// Sets the clock.
  void set_now(std::int64_t ms) { now_ms_ = ms; }
  /// Gives the execution the plain values of its secret variables (as the actor does).
  void set_secrets(std::map<std::string, std::string> values) {
    state_.secrets = std::move(values);
  }
  /// Queues values the random source returns (0.5 when empty).
  void queue_random(std::vector<double> values) {
    randoms_.insert(randoms_.end(), values.begin(), values.end());
  }

 private:
  decide_context context() {
    return {now_ms_, [this] {
              if (randoms_.empty()) return 0.5;
              double v = randoms_.front();
              randoms_.pop_front();
              return v;
            }};
  }
  runtime::definition::workflow wf_;
  execution_state state_;
  std::vector<v1::HistoryEvent> history_;
  std::int64_t now_ms_ = 1000;
  std::deque<double> randoms_;
};

/// The effects of type E in a decision.
template <class E>
std::vector<E> effects_of(const decision& d) {
  std::vector<E> found;
  for (const auto& e : d.effects)
    if (auto* x = std::get_if<E>(&e)) found.push_back(*x);
  return found;
}

/// Node ids of the start_attempt effects of a decision, in order.
inline std::vector<std::string> started_nodes(const decision& d) {
  std::vector<std::string> ids;
  for (const auto& s : effects_of<start_attempt>(d)) ids.push_back(s.node);
  return ids;
}

/// How many records of `kind` name node `node` (any node when empty).
inline int count_records(const std::vector<v1::HistoryEvent>& history,
                         v1::HistoryEvent::KindCase kind, const std::string& node = {}) {
  int n = 0;
  for (const auto& r : history) n += r.kind_case() == kind && (node.empty() || r.node() == node);
  return n;
}

/// A shell node `{id, type: shell, config: {command: "true"}}` plus extra fields.
inline nlohmann::json shell(const std::string& id,
                            nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json n = {{"id", id}, {"type", "shell"}, {"config", {{"command", "true"}}}};
  n.update(extra);
  return n;
}

/// A connection `from -> to` plus extra fields (on, when).
inline nlohmann::json edge(const std::string& from, const std::string& to,
                           nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json c = {{"from", from}, {"to", to}};
  c.update(extra);
  return c;
}

/// A workflow document named "t" with nodes, connections and extra top-level fields.
inline nlohmann::json workflow_doc(nlohmann::json nodes,
                                   nlohmann::json connections = nlohmann::json::array(),
                                   nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json doc = {
      {"id", "wf"}, {"name", "t"}, {"nodes", nodes}, {"connections", connections}};
  doc.update(extra);
  return doc;
}

}  // namespace auraos::runtime::engine::test
