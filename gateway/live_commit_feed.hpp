#pragma once
// Turns the store actor's commits into the live stream's `execution` and `transition` messages.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/store/commit_listener.hpp"
#include "gateway/live_hub.hpp"

namespace auraos::gateway {

/// The `execution` message of a row: `{id, workflowId, status, startedAt, completedAt}`.
stream_chunk execution_message(const std::string& id, const std::string& workflow_id,
                               persistence::execution_status status,
                               std::optional<std::int64_t> started_at,
                               std::optional<std::int64_t> completed_at);

/// The store's listener for the live hub: renders only what someone subscribed to. Runs on
/// the store actor's thread only (its cache is not shared).
class live_commit_feed : public actors::store::commit_listener {
 public:
  /// A feed publishing to `hub`.
  explicit live_commit_feed(std::shared_ptr<live_hub> hub);

  /// True while someone subscribed to executions or to some execution's transitions.
  bool listening() const override;
  /// Publishes the created executions, status changes and appended history of `batch`.
  void committed(persistence::store& db, const persistence::write_batch& batch,
                 const std::vector<persistence::write_outcome>& outcomes) override;

 private:
  /// What a status change does not carry: the row's workflow and start time.
  struct known_row {
    std::string workflow_id;
    std::optional<std::int64_t> started_at;
  };

  void publish_request(persistence::store& db, const persistence::write_request& request,
                       const std::vector<persistence::op_result>& results);
  void created(const persistence::execution_record& row);
  void updated(persistence::store& db, const persistence::execution_update& update);
  void appended(const persistence::append_history_op& op);
  /// The cached row of `id`, read from `db` (the commit is visible there) on a miss.
  const known_row* row_of(persistence::store& db, const std::string& id);
  void remember(const std::string& id, known_row row);

  std::shared_ptr<live_hub> hub_;
  std::unordered_map<std::string, known_row> rows_;
};

}  // namespace auraos::gateway
