#pragma once
// Turns how a command ended into the shell node's result.

#include "runtime/handlers/shell_session.hpp"
#include "runtime/handlers/work_result.hpp"

namespace auraos::runtime::handlers {

/// `{exitCode, stdout, stderr, json}` plus truncation flags; exit code != 0, a cancel or a
/// timeout make it a failure that keeps this output, and whose error `fields` are the output
/// without `json` (so the node error shows the exit code and both streams).
work_result shell_result_of(const shell_outcome& outcome, const shell_request& request);

}  // namespace auraos::runtime::handlers
