#pragma once
// What a node's work (a shell command, an HTTP call) reports when it ends.

#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace auraos::runtime::handlers {

/// Shared, immutable JSON value: keeps the full json header out of this one.
using json_ptr = std::shared_ptr<const nlohmann::json>;

/// Why an attempt failed: a type the retry policy matches on, and a message for people.
struct work_error {
  /// Error type, e.g. `exit_code`, `spawn`, `http_status`, `connection`, `timeout`, `cancelled`.
  std::string type;
  /// Human readable explanation naming what failed.
  std::string message;
  /// Whether a retry policy with `retryOn: ["*"]` may run the attempt again.
  bool retryable = false;
  /// Members added to the node error's JSON, e.g. a shell command's `{exitCode, stdout,
  /// stderr}`; null when none.
  json_ptr fields{};
};

/// The end of one attempt: its output on success, an error (and whatever output there was) else.
struct work_result {
  /// True when the attempt completed.
  bool ok = false;
  /// The node's output; on failure the partial output kept for inspection (may be null).
  json_ptr output;
  /// Set when `ok` is false.
  work_error error;
};

/// A completed attempt with this output.
work_result work_succeeded(nlohmann::json output);

/// A failed attempt; `output` (may be a null json) is kept beside the error.
work_result work_failed(work_error error, nlohmann::json output);

/// A failed attempt without output.
work_result work_failed(work_error error);

}  // namespace auraos::runtime::handlers
