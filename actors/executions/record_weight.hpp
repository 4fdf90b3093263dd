#pragma once
// How much one stored history record matters to the node's log (spec/interfaces.md, serve).

namespace auraos::v1 {
class HistoryEvent;
}

namespace auraos::actors::executions {

/// The log level a record's line belongs to.
enum class record_weight {
  /// Every other transition: logged at debug.
  transition,
  /// An execution started or ended (completed, cancelled): logged at info.
  milestone,
  /// An attempt failed, an execution failed or timed out: logged at warn. (The node_failed
  /// that follows a last failed attempt is a transition: it repeats the attempt's error.)
  failure,
};

/// The weight of `record`.
record_weight weight_of(const v1::HistoryEvent& record);

}  // namespace auraos::actors::executions
