// (b) Request/response round trips: a supervised execution actor vs a bare CAF actor answering
// the same message with the same reply type, both spawned on the same scheduler, in one run.
// Usage: round_trip_bench [COUNT=200000] [THREADS=2] [ROUNDS=3]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/executions/executions_service.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/round_trips.hpp"

namespace {

using json = nlohmann::json;
namespace a = auraos::actors;
namespace b = auraos::bench;

/// The bare actor's state: the same fields an execution answers a brief from.
struct bare_state {
  bare_state() = default;  // never an aggregate: see CAF-NOTES.md
  std::int64_t seq = 3;
  std::string status = "running";
};

/// A bare event-based actor answering `(brief_atom)` like an execution actor does.
caf::behavior bare_actor(caf::stateful_actor<bare_state>* self) {
  return {[self](a::executions::brief_atom) {
    return a::executions::execution_brief{self->state.seq, self->state.status};
  }};
}

/// Starts one execution that waits an hour; its id (empty on a refusal).
std::string start_waiting(b::bench_runtime& rt) {
  json wf = {{"id", "wait"},
             {"name", "wait"},
             {"nodes", {{{"id", "w"}, {"type", "delay"}, {"config", {{"seconds", 3600}}}}}},
             {"connections", json::array()}};
  if (!rt.put_workflow(wf)) return "";
  caf::scoped_actor self{rt.system()};
  std::string id;
  self->request(rt.service(), std::chrono::seconds(30),
                a::executions::start_execution_command{"wait", 0, "null", ""})
      .receive([&](a::executions::execution_reply& r) { id = r ? r->id : ""; }, [](caf::error&) {});
  return id;
}

/// The live execution actor of `id`, asked from the service.
caf::actor locate(b::bench_runtime& rt, const std::string& id) {
  caf::scoped_actor self{rt.system()};
  caf::actor out;
  self->request(rt.service(), std::chrono::seconds(30), a::executions::locate_atom::value, id)
      .receive([&](a::executions::locate_reply& r) { out = r ? *r : caf::actor{}; },
               [](caf::error&) {});
  return out;
}

double rate(long count, double seconds) {
  return seconds > 0 ? count / seconds : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const long count = argc > 1 ? std::atol(argv[1]) : 200000;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
  b::bench_runtime rt(threads, std::chrono::hours(1));
  auto id = start_waiting(rt);
  auto execution = id.empty() ? caf::actor{} : locate(rt, id);
  if (!execution) return 1;
  auto bare = rt.system().spawn(bare_actor);
  auto service = rt.service();
  fmt::print("{} round trips per case, {} scheduler threads, {} rounds\n", count, threads, rounds);
  for (int window : {1, 64}) {
    std::vector<double> ratios;
    for (int round = 0; round < rounds; ++round) {
      double bare_s = b::round_trips(rt.system(), bare, b::trip_kind::brief, id, count, window);
      double exec_s =
          b::round_trips(rt.system(), execution, b::trip_kind::brief, id, count, window);
      double view_s = b::round_trips(rt.system(), service, b::trip_kind::view, id, count, window);
      if (bare_s < 0 || exec_s < 0 || view_s < 0) return 1;
      ratios.push_back(bare_s / exec_s);
      fmt::print(
          "window {:>2} round {}: bare actor {:.0f}/s, execution actor {:.0f}/s, ratio {:.2f}; "
          "(info) REST view via service {:.0f}/s\n",
          window, round + 1, rate(count, bare_s), rate(count, exec_s), bare_s / exec_s,
          rate(count, view_s));
    }
    std::sort(ratios.begin(), ratios.end());
    fmt::print("window {:>2}: median ratio execution/bare {:.2f}\n", window,
               ratios[ratios.size() / 2]);
  }
  caf::anon_send_exit(bare, caf::exit_reason::user_shutdown);
  b::print_command(argc, argv);
  return 0;
}
