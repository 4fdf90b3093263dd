#pragma once
// Stored workflow definitions and their revisions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace auraos::persistence {

/// What a caller gives to create or update a workflow; the store adds revision and times.
struct workflow_draft {
  std::string id;                 ///< Stable id chosen by the caller.
  std::string name;               ///< Display name, filterable.
  std::string description;        ///< Free text.
  std::string version;            ///< The definition's own version text.
  std::string definition;         ///< The definition as JSON text.
  std::vector<std::string> tags;  ///< Filterable labels.
};

/// One stored revision of a workflow.
struct workflow_record {
  std::string id;                 ///< Stable id.
  std::string name;               ///< Display name.
  std::string description;        ///< Free text.
  std::string version;            ///< The definition's own version text.
  std::int64_t revision = 0;      ///< 1 for the first put, +1 for each update.
  std::string definition;         ///< JSON text.
  std::vector<std::string> tags;  ///< Labels.
  std::int64_t created_at = 0;    ///< Milliseconds since the epoch, first put.
  std::int64_t updated_at = 0;    ///< Milliseconds since the epoch, this revision.
};

/// Which workflows a list returns; empty fields match everything.
struct workflow_filter {
  std::optional<std::string> name;  ///< Exact name.
  std::optional<std::string> tag;   ///< Has this tag.
};

/// A page request: at most `limit` items after the position `cursor` names.
struct page_request {
  std::int64_t limit = 100;           ///< 1..1000.
  std::optional<std::string> cursor;  ///< The `next_cursor` of the previous page.
};

/// One page of a list, in creation order, and where the next one starts.
template <class T>
struct page {
  std::vector<T> items;                    ///< The records.
  std::optional<std::string> next_cursor;  ///< Absent on the last page.
};

}  // namespace auraos::persistence
