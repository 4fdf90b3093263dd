// Following a task run by polling GET /api/v1/task-executions/{id}.

#include "cli/task_run_wait.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/task_cli.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

/// First and longest pause between two polls: short, so the end is seen soon after it happens.
constexpr std::chrono::milliseconds first_poll{50};
constexpr std::chrono::milliseconds longest_poll{500};

/// Prints the end of a run; its exit code.
int report_end(const nlohmann::json& run) {
  auto status = run.value("status", std::string{});
  if (status == "completed") {
    std::printf("%s\n", runtime::dump_json(run.value("output", nlohmann::json())).c_str());
    return exit_ok;
  }
  std::fprintf(stderr, "auraos: run %s ended %s after %s attempt(s)\n",
               run.value("id", std::string{}).c_str(), status.c_str(),
               run.value("attempts", nlohmann::json()).dump().c_str());
  std::fprintf(stderr, "%s\n", runtime::dump_json(run.value("error", nlohmann::json())).c_str());
  return exit_failed;
}

}  // namespace

bool is_final_run_status(const std::string& status) {
  return status == "completed" || status == "failed" || status == "cancelled" ||
         status == "timed_out";
}

int wait_for_run(const client_flags& flags, const std::string& id) {
  auto pause = first_poll;
  std::string told;
  while (true) {
    auto reply = call_checked(flags, "GET", run_path(id));
    if (!reply) return reply.error();
    auto run = nlohmann::json::parse(reply->body, nullptr, false);
    if (!run.is_object()) {
      std::fprintf(stderr, "auraos: the server answered a run that is not JSON: %s\n",
                   reply->body.substr(0, 200).c_str());
      return exit_failed;
    }
    auto status = run.value("status", std::string{});
    if (is_final_run_status(status)) return report_end(run);
    auto now = status + " (attempt " + run.value("attempts", nlohmann::json()).dump() + ")";
    if (now != told) std::fprintf(stderr, "run %s: %s\n", id.c_str(), now.c_str());
    told = now;
    std::this_thread::sleep_for(pause);
    pause = std::min(longest_poll, pause * 3 / 2);
  }
}

}  // namespace auraos::cli
