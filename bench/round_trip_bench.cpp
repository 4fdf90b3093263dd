// (b) Request/response round trips: a bare CAF actor vs a live supervised execution actor.
// Usage: round_trip_bench [COUNT=200000] [THREADS=2]
#include <chrono>
#include <cstdlib>
#include <string>

#include <fmt/core.h>
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/executions_service.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/round_trips.hpp"

namespace {

using json = nlohmann::json;
namespace a = auraos::actors;

/// A bare event-based actor answering `(get_atom, id)` with a fixed small JSON text.
caf::behavior bare_actor() {
  return {[](caf::get_atom, const std::string& id) -> a::execution_reply {
    return std::string(R"({"id":")") + id + R"(","status":"running"})";
  }};
}

/// Starts one execution that waits an hour; its id (empty on a refusal).
std::string start_waiting(auraos::bench::bench_runtime& rt) {
  json wf = {{"id", "wait"},
             {"name", "wait"},
             {"nodes", {{{"id", "w"}, {"type", "delay"}, {"config", {{"seconds", 3600}}}}}},
             {"connections", json::array()}};
  if (!rt.put_workflow(wf)) return "";
  caf::scoped_actor self{rt.system()};
  std::string id;
  self->request(rt.service(), std::chrono::seconds(30),
                a::start_execution_command{"wait", 0, "null", ""})
      .receive([&](a::execution_reply& r) { id = r ? json::parse(*r).at("id") : ""; },
               [](caf::error&) {});
  return id;
}

}  // namespace

int main(int argc, char** argv) {
  const long count = argc > 1 ? std::atol(argv[1]) : 200000;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  auraos::bench::bench_runtime rt(threads, std::chrono::hours(1));
  auto id = start_waiting(rt);
  if (id.empty()) return 1;
  auto bare = rt.system().spawn(bare_actor);
  auto service = rt.service();
  fmt::print("{} round trips per case, {} scheduler threads\n", count, threads);
  for (int window : {1, 64}) {
    double bare_s = auraos::bench::round_trips(rt.system(), bare, id, count, window);
    double exec_s = auraos::bench::round_trips(rt.system(), service, id, count, window);
    if (bare_s < 0 || exec_s < 0) return 1;
    fmt::print(
        "window {:>2}: bare actor {:.0f}/s ({:.1f} us), execution via service {:.0f}/s "
        "({:.1f} us), ratio {:.2f}\n",
        window, count / bare_s, bare_s * 1e6 / count, count / exec_s, exec_s * 1e6 / count,
        bare_s / exec_s);
  }
  caf::anon_send_exit(bare, caf::exit_reason::user_shutdown);
  auraos::bench::print_command(argc, argv);
  return 0;
}
