#pragma once
// The write operations of the workflow store (committed through batch_store::commit).

#include <string>

#include "persistence/workflow_record.hpp"

namespace auraos::persistence {

/// Creates a workflow, or stores a new revision of an existing one.
struct put_workflow_op {
  workflow_draft draft;  ///< The definition to store.
};

/// Creates a workflow that does not exist (or was deleted): `conflict` inside the transaction
/// when a live workflow has the id, so two concurrent creates cannot both succeed.
struct create_workflow_op {
  workflow_draft draft;  ///< The definition to store as revision 1 (or the revival's next).
};

/// Deletes a workflow (soft: its revisions stay for the executions that run them).
struct delete_workflow_op {
  std::string id;  ///< The workflow.
};

/// Moves a workflow to another status (draft, active, archived); no new revision.
struct set_workflow_status_op {
  std::string id;                                   ///< The live workflow.
  workflow_status status = workflow_status::draft;  ///< Its new status.
};

}  // namespace auraos::persistence
