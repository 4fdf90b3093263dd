// `auraos run`'s in-process runtime: actor system, embedded store, one execution.
#include "cli/run_engine.hpp"

#include <cstdio>

#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>
#include <nlohmann/json.hpp>

#include "actors/env.hpp"
#include "cli/command.hpp"
#include "cli/run_completion.hpp"
#include "gateway/execution_json.hpp"
#include "node/actor_system_setup.hpp"
#include "node/local_node.hpp"
#include "persistence/open_store.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

namespace a = actors;
namespace p = persistence;

/// Progress lines worth showing: node starts and ends, retries, the execution's end.
bool shown(const std::string& line) {
  for (const char* kind :
       {"connection_decided", "timer_set", "timer_fired", "timer_cancelled", "node_scheduled"})
    if (line.find(std::string(" ") + kind) != std::string::npos) return false;
  return true;
}

a::executions::executions_options options(const std::filesystem::path& dir, run_completion& done) {
  a::executions::executions_options o;
  o.definitions_dir = dir.empty() ? "." : dir.string();
  o.confine_definitions = false;  // the caller's own files, as `auraos validate` reads them
  o.on_record = [](a::executions::record_weight, const std::string& line) {
    if (shown(line)) std::fprintf(stderr, "%s\n", line.c_str());
  };
  o.on_finished = [&done](const std::string& id, const a::executions::execution_view& view) {
    done.add(id, view);
  };
  return o;
}

p::workflow_draft draft_of(const runtime::definition::workflow& wf) {
  return {wf.id,  wf.name, wf.description, wf.version, runtime::engine::json_text(wf.document),
          wf.tags};
}

/// Prints the result of a finished execution's view (in its REST shape); the exit code.
int report(const a::executions::execution_view& finished) {
  auto view = gateway::execution_json(finished);
  if (view.value("status", "") == "completed") {
    std::printf("%s\n", runtime::dump_json(view["output"], 2).c_str());
    return exit_ok;
  }
  nlohmann::json error{{"status", view.value("status", "")}, {"error", view["error"]}};
  std::fprintf(stderr, "%s\n", runtime::dump_json(error).c_str());
  return exit_failed;
}

/// Starts the execution; its id, or an exit code after printing why it was refused.
std::variant<std::string, int> start(caf::scoped_actor& self, const caf::actor& service,
                                     a::executions::start_execution_command command) {
  std::variant<std::string, int> out = exit_failed;
  self->request(service, caf::infinite, std::move(command))
      .receive(
          [&](a::executions::execution_reply& reply) {
            if (reply) {
              out = reply->id;
              return;
            }
            std::fprintf(stderr, "%s\n", reply.error().message.c_str());
            for (const auto& d : reply.error().details) std::fprintf(stderr, "  %s\n", d.c_str());
            out = reply.error().code == errc::invalid_input ? exit_invalid : exit_failed;
          },
          [&](caf::error& e) {
            std::fprintf(stderr, "start failed: %s\n", self->system().render(e).c_str());
          });
  return out;
}

/// Waits for the end of `id`; the first SIGINT/SIGTERM cancels it.
a::executions::execution_view await_end(const caf::actor& service, const std::string& id,
                                        run_completion& done) {
  bool cancelled = false;
  while (true) {
    if (auto view = done.wait_for(id, std::chrono::milliseconds(50))) return *view;
    if (node::wait_stop_signal(50) != 0 && !cancelled) {
      cancelled = true;
      std::fprintf(stderr, "stop signal: cancelling execution %s\n", id.c_str());
      caf::anon_send(service, a::executions::cancel_atom::value, id);
    }
  }
}

int drive(node::local_node& local, const runtime::definition::workflow& wf,
          const nlohmann::json& input, run_completion& done) {
  if (auto stored = local.put_workflow(draft_of(wf)); !stored) {
    std::fprintf(stderr, "cannot store workflow %s: %s\n", wf.id.c_str(),
                 stored.error().message.c_str());
    return exit_failed;
  }
  auto service = local.executions();
  if (!service) return std::fprintf(stderr, "the executions service did not start\n"), exit_failed;
  caf::scoped_actor self{local.system()};
  auto started = start(self, service, {wf.id, 0, runtime::dump_json(input), ""});
  if (auto* exit = std::get_if<int>(&started)) return *exit;
  return report(await_end(service, std::get<std::string>(started), done));
}

}  // namespace

int run_workflow(const runtime::definition::workflow& wf, const nlohmann::json& input,
                 const std::filesystem::path& definitions_dir, const std::filesystem::path& db) {
  auto env = a::real_env();
  auto opened = p::open_store({"sqlite", db.string()}, {a::wall_source(env)});
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().c_str());
    return exit_failed;
  }
  run_completion done;
  node::block_stop_signals();
  node::node_settings settings;
  settings.store = std::move(*opened);
  settings.env = env;
  settings.executions = options(definitions_dir, done);
  node::local_node local{std::move(settings)};
  return drive(local, wf, input, done);
}

}  // namespace auraos::cli
