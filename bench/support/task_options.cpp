#include "bench/support/task_options.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "bench/support/rest_node.hpp"

namespace auraos::bench {

namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in{text};
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

/// Reads the value of flag `arg` into `out`; false for an unknown flag or a bad value.
bool take(task_options& out, std::string& peers, const std::string& arg, const std::string& value) {
  auto number = [&] { return std::atoll(value.c_str()); };
  if (arg == "-n") {
    out.plan.runs = out.peer.jobs = number();
  } else if (arg == "-b") {
    out.plan.batch = out.peer.batch = number();
  } else if (arg == "-c") {
    out.plan.clients = out.peer.clients = int(number());
  } else if (arg == "--rounds") {
    out.rounds = int(number());
  } else if (arg == "--workers") {
    out.workers.clear();
    for (const auto& item : split(value)) out.workers.push_back(std::atoll(item.c_str()));
  } else if (arg == "--graphile") {
    auto settings = parse_graphile_settings(value);
    if (!settings) return false;
    out.graphile = *settings;
  } else if (arg == "--local-queue") {
    out.peer.local_queue = int(number());
  } else if (arg == "--rate") {
    out.steady.rate = number();
  } else if (arg == "--seconds") {
    out.steady.duration = std::chrono::seconds(number());
  } else if (arg == "--steady-batch") {
    out.steady_batch = number();
  } else if (arg == "--steady-workers") {
    out.steady_workers.clear();
    for (const auto& item : split(value)) out.steady_workers.push_back(std::atoll(item.c_str()));
  } else if (arg == "--publishers") {
    out.steady.publishers = int(number());
  } else if (arg == "--cases") {
    auto names = split(value);
    out.cases = {names.begin(), names.end()};
  } else if (arg == "--binary") {
    out.binary = value;
  } else if (arg == "--peers") {
    peers = value;
  } else {
    return false;
  }
  return true;
}

}  // namespace

result<task_options, std::string> parse_task_options(int argc, char** argv) {
  task_options out;
  out.steady.rate = 1000;
  out.steady.duration = std::chrono::seconds(20);
  std::string peers = AURAOS_BENCH_PEERS_DIR;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc || !take(out, peers, arg, argv[i + 1]))
      return fail(arg + ": unknown flag, missing or bad value");
    ++i;
  }
  for (const auto& name : out.cases)
    if (!std::set<std::string>{"pg", "sqlite", "graphile", "steady"}.count(name))
      return fail("--cases: unknown case " + name);
  if (out.plan.runs < 1 || out.plan.batch < 1 || out.plan.batch > 1000 ||
      out.plan.runs % out.plan.batch != 0 || out.plan.clients < 1 || out.rounds < 1 ||
      out.workers.empty() || out.steady.rate < 1 || out.steady_batch < 1 ||
      out.steady.publishers < 1)
    return fail(std::string{
        "-n a multiple of -b; 1 <= -b <= 1000; -c, --rounds, --rate, --steady-batch, "
        "--publishers >= 1; --workers not empty"});
  for (auto workers : out.workers)
    if (workers < 1) return fail(std::string{"--workers: each setting >= 1"});
  // A batch of `steady_batch` runs every period keeps the rate.
  out.steady.period =
      std::chrono::milliseconds(std::max<std::int64_t>(1, out.steady_batch * 1000 / out.steady.rate));
  auto plan = default_graphile_plan(peers);
  out.peer.node = plan.node;
  out.peer.script = plan.script;
  if (out.binary.empty()) out.binary = sibling_auraos();
  if (!std::filesystem::exists(out.binary)) return fail("no binary at " + out.binary);
  return out;
}

}  // namespace auraos::bench
