#pragma once
// The in-memory model of a validated workflow definition (spec/workflow-language.md).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/expr/expression.hpp"
#include "runtime/expr/json_template.hpp"
#include "runtime/json_ptr.hpp"

namespace auraos::runtime::definition {

/// The type a workflow variable declares.
enum class variable_type { string, number, boolean, object, array, any };

/// A declared workflow variable, readable as `vars.NAME`.
struct variable {
  std::string name;
  variable_type type = variable_type::any;
  bool required = false;
  /// The default value; null pointer when none is declared.
  json_ptr default_value;
  /// Its input value is sealed at rest and masked ("***") everywhere it would be shown; only
  /// the configs of shell and http nodes receive it (docs/security.md).
  bool secret = false;
};

/// How a retry wait is randomised.
enum class jitter_mode { full, none };

/// When and how often a failed node attempt is tried again.
struct retry_policy {
  int max_attempts = 1;
  double initial_interval_seconds = 1.0;
  double backoff_rate = 2.0;
  double max_interval_seconds = 60.0;
  jitter_mode jitter = jitter_mode::full;
  /// Error types that are retried; "*" stands for every retryable type.
  std::vector<std::string> retry_on{"*"};
  /// Error types that are never retried.
  std::vector<std::string> non_retryable;
};

/// The kinds of node the language defines.
enum class node_type {
  shell,
  http,
  transform,
  delay,
  wait_event,
  publish_event,
  subworkflow,
  task,
  decision,
  fail,
  noop
};

/// When a node with several incoming connections runs.
enum class join_mode { all_settled, all, any };

/// One node of the graph.
struct node {
  std::string id;
  node_type type = node_type::noop;
  std::string name;
  /// The type-specific configuration; every string in it is a template.
  expr::json_template config;
  /// Overrides settings.retry when present.
  std::optional<retry_policy> retry;
  /// Limit of one attempt, start to close.
  std::optional<double> timeout_seconds;
  join_mode join = join_mode::all_settled;
};

/// Which outcome of its source a connection follows.
enum class edge_condition { success, error, always };

/// A directed edge `from -> to`.
struct connection {
  std::string from;
  std::string to;
  edge_condition on = edge_condition::success;
  /// Optional guard, evaluated when the source completed.
  std::optional<expr::expression> when;
};

/// Settings of the whole workflow.
struct workflow_settings {
  std::optional<double> timeout_seconds;
  std::optional<retry_policy> retry;
  /// Most nodes running at once; unlimited when absent.
  std::optional<int> max_parallel;
};

/// Starts an execution for each stored event that matches.
struct trigger {
  std::string event_type;
  std::optional<std::string> event_source;
  std::optional<expr::expression> where;
  /// Template of the execution input; the event itself when absent.
  std::optional<expr::json_template> input;
};

/// A validated workflow definition.
struct workflow {
  std::string id;
  std::string name;
  std::string description;
  std::string version = "1.0.0";
  std::vector<variable> variables;
  workflow_settings settings;
  std::vector<node> nodes;
  std::vector<connection> connections;
  /// Template of the execution's output; default output rule when absent.
  std::optional<expr::json_template> output;
  std::vector<trigger> triggers;
  /// Free JSON, stored and returned; null pointer when absent.
  json_ptr metadata;
  std::vector<std::string> tags;
  /// The definition document as given (with the assigned id), for storing and returning.
  json_ptr document;
};

/// Index of the node with `id` in `wf.nodes`, or -1.
std::ptrdiff_t find_node(const workflow& wf, std::string_view id);

/// The retry policy that applies to `n`: its own, else the workflow's, else the default.
retry_policy effective_retry(const workflow& wf, const node& n);

/// Spelling of a node type as in definitions ("wait_event").
std::string_view to_string(node_type type);

}  // namespace auraos::runtime::definition
