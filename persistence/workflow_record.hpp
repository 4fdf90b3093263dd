#pragma once
// Stored workflow definitions and their revisions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// Where a workflow is in its life: draft (the default), active (published), archived (retired).
enum class workflow_status : std::uint8_t { draft, active, archived };

/// The stored name of a workflow status, e.g. "archived".
std::string_view to_string(workflow_status status);

/// Parses a workflow status name; `invalid` names the accepted ones.
store_result<workflow_status> parse_workflow_status(std::string_view text);

/// What a caller gives to create or update a workflow; the store adds revision and times.
struct workflow_draft {
  std::string id;                 ///< Stable id chosen by the caller.
  std::string name;               ///< Display name, filterable.
  std::string description;        ///< Free text.
  std::string version;            ///< The definition's own version text.
  std::string definition;         ///< The definition as JSON text.
  std::vector<std::string> tags;  ///< Filterable labels.
  /// The definition's `metadata` as JSON text, if any.
  std::optional<std::string> metadata = std::nullopt;
  /// Absent: a new (or revived) workflow is a draft, an existing one keeps its status.
  std::optional<workflow_status> status = std::nullopt;
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
  workflow_status status = workflow_status::draft;     ///< The workflow's current status.
  std::optional<std::string> metadata = std::nullopt;  ///< This revision's metadata JSON text.
};

/// Which workflows a list returns; empty fields match everything.
struct workflow_filter {
  std::optional<std::string> name;                       ///< Exact name.
  std::optional<std::string> tag;                        ///< Has this tag.
  std::optional<workflow_status> status = std::nullopt;  ///< In this status.
  /// Whose name contains this text, ignoring case (ASCII case on SQLite).
  std::optional<std::string> name_contains = std::nullopt;
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
