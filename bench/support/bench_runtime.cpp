// The engine in-process for benchmarks: a node::local_node over a SQLite file in a temp dir.
#include "bench/support/bench_runtime.hpp"

#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/env.hpp"
#include "gateway/execution_json.hpp"
#include "persistence/open_store.hpp"

namespace auraos::bench {

namespace a = actors;
namespace p = persistence;

long bench_args::number(std::size_t i, long fallback) const {
  return i < positional.size() ? std::atol(positional[i].c_str()) : fallback;
}

result<bench_args, std::string> parse_bench_args(int argc, char** argv) {
  bench_args out;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg != "--db") {
      out.positional.push_back(arg);
      continue;
    }
    if (i + 1 >= argc)
      return fail(
          std::string("--db: expected sqlite:PATH, postgresql://... or postgresql:throwaway"));
    out.db = argv[++i];
  }
  return out;
}

bench_runtime::bench_runtime(int threads, std::chrono::milliseconds passivate_after,
                             std::function<void()> on_end,
                             const std::optional<runtime::database_location>& db)
    : finished_(std::make_shared<std::atomic<std::int64_t>>(0)) {
  auto env = a::real_env();
  auto opened =
      p::open_store(db.value_or(runtime::database_location{"sqlite", dir_.file("auraos.db")}),
                    {a::wall_source(env)});
  if (!opened) throw std::runtime_error("cannot open the store: " + opened.error());
  a::executions::executions_options options;
  options.env = env;
  options.passivate_after = passivate_after;
  options.definitions_dir = dir_.path().string();
  options.on_finished = [count = finished_, on_end](const std::string&,
                                                    const a::executions::execution_view&) {
    ++*count;
    if (on_end) on_end();
  };
  node::node_settings settings;
  settings.store = std::move(opened).value();
  settings.executions = std::move(options);
  settings.scheduler_threads = threads;
  engine_ = std::make_unique<node::local_node>(std::move(settings));
}

bench_runtime::~bench_runtime() = default;

caf::actor_system& bench_runtime::system() {
  return engine_->system();
}

bool bench_runtime::put_workflow(const nlohmann::json& definition) {
  p::workflow_draft draft{definition.at("id"), "bench", "", "1", definition.dump(), {}};
  auto stored = engine_->put_workflow(std::move(draft));
  if (!stored) std::cerr << "put_workflow: " << stored.error().message << "\n";
  return stored.has_value();
}

caf::actor bench_runtime::service() {
  return engine_->executions();
}

a::store::commit_stats bench_runtime::store_stats() {
  caf::scoped_actor self{system()};
  a::store::commit_stats out;
  self->request(engine_->store(), std::chrono::seconds(10), a::store::stats_atom::value)
      .receive([&](a::store::commit_stats& s) { out = s; }, [](caf::error&) {});
  return out;
}

nlohmann::json bench_runtime::counters() {
  caf::scoped_actor self{system()};
  nlohmann::json out;
  self->request(service(), std::chrono::seconds(10), a::executions::counters_atom::value)
      .receive([&](a::executions::executions_counters& c) { out = gateway::counters_json(c); },
               [](caf::error&) {});
  return out;
}

std::int64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

void print_command(int argc, char** argv) {
  std::cout << "reproduce:";
  for (int i = 0; i < argc; ++i) std::cout << ' ' << argv[i];
  std::cout << "\n";
}

}  // namespace auraos::bench
