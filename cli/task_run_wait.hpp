#pragma once
// `auraos task run --wait`: follows a run until it ends, as `auraos run` follows a workflow.

#include <string>

#include "cli/client_output.hpp"

namespace auraos::cli {

/// True for the statuses a run ends in: completed, failed, cancelled, timed_out.
bool is_final_run_status(const std::string& status);

/// Polls run `id` on the node of `flags` until it ends, telling status changes on stderr; prints
/// its output JSON on stdout (exit 0) or, when it did not complete, its error on stderr (exit 1).
int wait_for_run(const client_flags& flags, const std::string& id);

}  // namespace auraos::cli
