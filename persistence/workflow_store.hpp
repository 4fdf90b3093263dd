#pragma once
// The workflow store: definitions and their revisions.

#include <cstdint>
#include <optional>
#include <string>

#include "persistence/batch_store.hpp"

namespace auraos::persistence {

/// Durable workflows: reads, and writes as workflow_ops through `commit`.
class workflow_store : public virtual batch_store {
 public:
  /// The latest revision (or the given one, which stays readable after a delete).
  virtual store_result<workflow_record> get_workflow(const std::string& id,
                                                     std::optional<std::int64_t> revision = {}) = 0;
  /// Live workflows in creation order.
  virtual store_result<page<workflow_record>> list_workflows(const workflow_filter& filter,
                                                             const page_request& page) = 0;
  /// A workflow's revisions in revision order (readable after a delete, like get_workflow).
  virtual store_result<page<workflow_record>> list_workflow_revisions(const std::string& id,
                                                                      const page_request& page) = 0;

  /// Creates a workflow or stores its next revision.
  store_result<workflow_record> put_workflow(workflow_draft draft);
  /// Creates a workflow; `conflict` when a live one has the id.
  store_result<workflow_record> create_workflow(workflow_draft draft);
  /// Moves a live workflow to another status; answers its latest revision.
  store_result<workflow_record> set_workflow_status(const std::string& id, workflow_status status);
  /// Deletes a workflow; its revisions stay readable by revision number.
  store_status delete_workflow(const std::string& id);
};

}  // namespace auraos::persistence
