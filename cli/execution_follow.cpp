// Following an execution by reading its history after the last record seen.

#include "cli/execution_follow.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/client_command.hpp"
#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/execution_tables.hpp"
#include "gateway/pagination.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

/// First and longest pause between two reads of a history that did not grow.
constexpr std::chrono::milliseconds first_pause{50};
constexpr std::chrono::milliseconds longest_pause{500};

/// The history kinds that end an execution (docs/history-format.md).
bool is_end_kind(const std::string& kind) {
  static const std::set<std::string> ends{"execution_completed", "execution_failed",
                                          "execution_cancelled", "execution_timed_out"};
  return ends.count(kind) > 0;
}

void print_progress(const client_flags& flags, const nlohmann::json& record, progress_to to) {
  if (to == progress_to::stderr_lines) {
    std::fprintf(stderr, "%s\n", history_line(record).c_str());
    return;
  }
  if (flags.json())
    std::printf("%s\n", runtime::dump_json(record).c_str());
  else
    std::printf("%s\n", history_line(record).c_str());
  std::fflush(stdout);
}

/// Prints the end of execution `id` as `auraos run` does; its exit code.
int report_end(const client_flags& flags, const std::string& id) {
  auto reply = call_checked(flags, "GET", resource_path("executions", id));
  if (!reply) return reply.error();
  auto execution = nlohmann::json::parse(reply->body, nullptr, false);
  if (!execution.is_object()) {
    std::fprintf(stderr, "auraos: the server answered an execution that is not JSON: %s\n",
                 reply->body.substr(0, 200).c_str());
    return exit_failed;
  }
  auto status = execution.value("status", std::string{});
  if (status == "completed") {
    std::printf("%s\n", runtime::dump_json(execution.value("output", nlohmann::json())).c_str());
    return exit_ok;
  }
  std::fprintf(stderr, "auraos: execution %s ended %s\n", id.c_str(), status.c_str());
  auto error = execution.value("error", nlohmann::json());
  if (!error.is_null()) std::fprintf(stderr, "%s\n", runtime::dump_json(error, 2).c_str());
  return exit_failed;
}

}  // namespace

int follow_execution(const client_flags& flags, const std::string& id, progress_to progress) {
  auto path = resource_path("executions", id) + "/history?limit=1000";
  std::string after;  // the cursor after the last record printed
  auto pause = first_pause;
  while (true) {
    auto reply = call_checked(flags, "GET", path + query_pair("cursor", after));
    if (!reply) return reply.error();
    auto page = nlohmann::json::parse(reply->body, nullptr, false);
    if (!page.is_object() || !page.contains("items") || !page["items"].is_array()) {
      std::fprintf(stderr, "auraos: the server answered a history that is not a list: %s\n",
                   reply->body.substr(0, 200).c_str());
      return exit_failed;
    }
    bool ended = false;
    for (const auto& record : page["items"]) {
      print_progress(flags, record, progress);
      // A history cursor is the position after a seq; the last page of a history has no
      // nextCursor, so the one after its last record is made here.
      if (record.contains("seq")) after = gateway::encode_cursor(record["seq"].dump());
      ended = ended || is_end_kind(record.value("kind", std::string{}));
    }
    if (ended) return report_end(flags, id);
    if (!page["items"].empty()) {
      pause = first_pause;
      if (page.value("nextCursor", nlohmann::json()).is_string()) continue;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(longest_pause, pause * 3 / 2);
  }
}

}  // namespace auraos::cli
