// The engine in-process for benchmarks, set up the way tests/unit/execution_harness.hpp does.
#include "bench/support/bench_runtime.hpp"

#include <unistd.h>
#include <fstream>
#include <iostream>
#include <thread>

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/executions_service.hpp"
#include "actors/supervisor.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::bench {

namespace a = actors;
namespace p = persistence;

bench_runtime::bench_runtime(int threads, std::chrono::milliseconds passivate_after,
                             std::function<void()> on_end)
    : finished_(std::make_shared<std::atomic<std::int64_t>>(0)) {
  auto opened = p::sqlite::sqlite_store::open({dir_.file("auraos.db")});
  if (!opened) throw std::runtime_error("cannot open the store: " + opened.error().message);
  runtime_ = std::make_unique<a::actor_runtime>(threads);
  store_ = a::spawn_store_actor(runtime_->system(), std::move(opened).value());
  a::executions_options options;
  options.passivate_after = passivate_after;
  options.definitions_dir = dir_.path().string();
  options.on_finished = [count = finished_, on_end](const std::string&, const std::string&) {
    ++*count;
    if (on_end) on_end();
  };
  a::supervisor_config node;
  node.name = "node";
  node.children.push_back(a::executions_service_child(store_, options));
  supervisor_ = a::spawn_supervisor(runtime_->system(), std::move(node));
}

bench_runtime::~bench_runtime() {
  caf::anon_send_exit(supervisor_, caf::exit_reason::user_shutdown);
  {
    caf::scoped_actor self{runtime_->system()};
    self->wait_for(supervisor_);
  }
  caf::anon_send_exit(store_, caf::exit_reason::user_shutdown);
  store_ = nullptr;
  supervisor_ = nullptr;
  runtime_.reset();
}

caf::actor_system& bench_runtime::system() {
  return runtime_->system();
}

bool bench_runtime::put_workflow(const nlohmann::json& definition) {
  caf::scoped_actor self{system()};
  p::workflow_draft draft{definition.at("id"), "bench", "", "1", definition.dump(), {}};
  bool ok = false;
  self->request(store_, caf::infinite, p::write_request{{p::put_workflow_op{draft}}})
      .receive([&](p::write_outcome& out) { ok = out.has_value(); },
               [&](caf::error& e) { std::cerr << "put_workflow: " << caf::to_string(e) << "\n"; });
  return ok;
}

caf::actor bench_runtime::service() {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < until) {
    if (auto found = system().registry().get(a::executions_registry_name))
      return caf::actor_cast<caf::actor>(found);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return {};
}

a::commit_stats bench_runtime::store_stats() {
  caf::scoped_actor self{system()};
  a::commit_stats out;
  self->request(store_, std::chrono::seconds(10), a::stats_atom::value)
      .receive([&](a::commit_stats& s) { out = s; }, [](caf::error&) {});
  return out;
}

nlohmann::json bench_runtime::counters() {
  caf::scoped_actor self{system()};
  nlohmann::json out;
  self->request(service(), std::chrono::seconds(10), a::counters_atom::value)
      .receive([&](std::string& text) { out = nlohmann::json::parse(text); }, [](caf::error&) {});
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
