#pragma once
// The audit log (`audit_log`, append-only): who did what to which target, from where, and how
// it ended; its list filter and its counts per time frame (the seed's AuditService).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace auraos::persistence {

/// One audit entry.
struct audit_record {
  std::int64_t seq = 0;                 ///< Store-assigned, increasing (0 when appending).
  std::int64_t at = 0;                  ///< ms since the epoch; 0: the store's clock.
  std::string actor;                    ///< A user id, or "anonymous".
  std::string actor_name;               ///< The user's name when the call was made.
  std::optional<std::string> token_id;  ///< The token used, if any.
  std::string action;                   ///< e.g. an operationId or "POST /api/v1/workflows".
  std::optional<std::string> target;    ///< The resource id, if any.
  std::string source;                   ///< The client's address.
  std::string outcome;                  ///< "allowed", "refused" or "failed" (others: invalid).
  std::int64_t status = 0;              ///< The HTTP status answered.
  std::optional<std::string> details = std::nullopt;  ///< JSON text (invalid JSON: invalid).
};

/// Which entries an audit list returns; empty fields match everything.
struct audit_filter {
  std::optional<std::int64_t> from;    ///< `at` at or after (ms).
  std::optional<std::int64_t> to;      ///< `at` before (ms).
  std::optional<std::string> actor;    ///< Of this actor.
  std::optional<std::string> action;   ///< Of this action.
  std::optional<std::string> outcome;  ///< With this outcome.
  std::optional<std::string> target;   ///< On this target.
};

/// How many entries share one value (an outcome or an action).
struct audit_count {
  std::string key;         ///< The outcome or action.
  std::int64_t count = 0;  ///< Its entries.
};

/// The counts of the entries of one time frame (the seed's audit report).
struct audit_summary {
  std::int64_t total = 0;               ///< Every entry of the frame.
  std::vector<audit_count> by_outcome;  ///< Per outcome, by name.
  std::vector<audit_count> by_action;   ///< Per action, by name.
};

}  // namespace auraos::persistence
