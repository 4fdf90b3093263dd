#include "runtime/handlers/shell_result.hpp"

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "runtime/handlers/json_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::handlers {
namespace {

using nlohmann::json;

json output_of(const shell_outcome& outcome) {
  const int status = outcome.wait_status;
  json output = {{"exitCode", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)},
                 {"stdout", text_value(outcome.out.bytes)},
                 {"stderr", text_value(outcome.err.bytes)}};
  if (WIFSIGNALED(status)) output["signal"] = WTERMSIG(status);
  if (outcome.out.truncated) output["stdoutTruncated"] = true;
  if (outcome.err.truncated) output["stderrTruncated"] = true;
  if (!outcome.out.truncated) {
    auto parsed = runtime::parse_json(outcome.out.bytes);
    if (parsed) output["json"] = std::move(*parsed);
  }
  return output;
}

std::string command_name(const shell_request& request) {
  return request.argv.size() == 3 && request.argv[0] == "/bin/sh" && request.argv[1] == "-c"
             ? "command '" + request.argv[2] + "'"
             : "command '" + request.argv[0] + "'";
}

work_error exit_error(int status, const shell_request& request) {
  auto what = WIFEXITED(status) ? "exited with code " + std::to_string(WEXITSTATUS(status))
                                : "was killed by signal " + std::to_string(WTERMSIG(status));
  return {"exit_code", command_name(request) + " " + what, true};
}

/// A failure that keeps the output, and shows it (but for `json`) in the error's fields.
work_result failed_with(work_error error, json output) {
  auto fields = output;
  fields.erase("json");
  error.fields = std::make_shared<const json>(std::move(fields));
  return work_failed(std::move(error), std::move(output));
}

}  // namespace

work_result shell_result_of(const shell_outcome& outcome, const shell_request& request) {
  auto output = output_of(outcome);
  switch (outcome.reason) {
    case stop_reason::cancelled:
      return failed_with({"cancelled", command_name(request) + " was cancelled", false},
                         std::move(output));
    case stop_reason::timeout:
      return failed_with({"timeout",
                          command_name(request) + " timed out after " +
                              std::to_string(request.timeout.count()) + " ms",
                          true},
                         std::move(output));
    case stop_reason::none:
      break;
  }
  const int status = outcome.wait_status;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return work_succeeded(std::move(output));
  return failed_with(exit_error(status, request), std::move(output));
}

}  // namespace auraos::runtime::handlers
