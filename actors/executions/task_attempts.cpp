// Attempts of `task` nodes: a run of the task through the tasks service, watched until it ends.
#include "actors/executions/task_attempts.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/store/store_actor.hpp"
#include "actors/tasks/task_messages.hpp"
#include "actors/tasks/tasks_service.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::actors::executions::detail {
namespace {

namespace p = persistence;

/// How often a task node looks at its run.
constexpr std::chrono::milliseconds task_poll{100};

void end_with(execution_actor* self, const std::string& node, int attempt, bool ok,
              runtime::json_ptr output, runtime::engine::node_error error) {
  self->send(self, attempt_done_atom::value,
             attempt_outcome{node, attempt, ok, std::move(output), std::move(error)});
}

/// The attempt's end from a run that ended.
void end_from_run(execution_actor* self, const std::string& node, int attempt,
                  const p::task_run_record& run) {
  if (run.status == "completed") {
    auto output = nlohmann::json::parse(run.output.value_or("null"), nullptr, false);
    return end_with(self, node, attempt, true, runtime::engine::share_json(std::move(output)), {});
  }
  auto error = nlohmann::json::parse(run.error.value_or("{}"), nullptr, false);
  auto message = error.is_object() ? error.value("message", run.status) : run.status;
  runtime::engine::node_error e{"task", "task run " + run.id + " ended " + run.status + ": " +
                                            message,
                                false, attempt};
  e.fields = runtime::engine::share_json({{"runId", run.id}, {"runStatus", run.status}});
  end_with(self, node, attempt, false, nullptr, std::move(e));
}

}  // namespace

void start_task(execution_actor* self, const runtime::engine::start_attempt& a) {
  const auto& config = runtime::engine::json_or_null(a.config);
  auto pool = caf::actor_cast<caf::actor>(
      self->system().registry().get(tasks::tasks_registry_name));
  auto node = a.node;
  auto attempt = a.attempt;
  if (!pool)
    return end_with(self, node, attempt, false, nullptr,
                    {"unavailable", "the tasks service is not running on this node", true,
                     attempt});
  tasks::run_request request;
  request.task_id = config.is_object() ? config.value("taskId", "") : "";
  request.input = config.is_object() && config.contains("input")
                      ? runtime::dump_json(config["input"])
                      : std::string{"null"};
  request.idempotency_key = "execution:" + a.idempotency_key;
  request.execution_id = self->state.args.id;
  request.node_id = node;
  // Left running when the actor stops (the run is not this node's to cancel on shutdown).
  self->state.running[node] = {attempt, [] {}, true};
  self->request(pool, caf::infinite, std::move(request))
      .then([self, pool, node, attempt](tasks::started_reply& reply) {
        auto& running = self->state.running;
        auto it = running.find(node);
        if (it == running.end() || it->second.attempt != attempt) return;
        if (!reply) {
          auto retryable = reply.error().code == errc::unavailable;
          return end_with(self, node, attempt, false, nullptr,
                          {"task", reply.error().message, retryable, attempt});
        }
        auto id = reply->runs.front().id;
        it->second.cancel = [pool, id] {
          caf::anon_send(pool, tasks::run_control{id, false});
        };
        poll_task(self, node, attempt, id);
      });
}

void poll_task(execution_actor* self, const std::string& node, int attempt,
               const std::string& run_id) {
  auto it = self->state.running.find(node);
  if (it == self->state.running.end() || it->second.attempt != attempt) return;
  auto found = std::make_shared<p::store_result<p::task_run_record>>();
  store::task_read read{[found, run_id](p::task_store& db) {
    *found = db.get_task_run(run_id);
    return *found ? p::store_status{} : p::store_status{fail(found->error())};
  }};
  self->request(self->state.args.store, caf::infinite, std::move(read))
      .then([self, found, node, attempt, run_id](p::store_status&) {
        auto it = self->state.running.find(node);
        if (it == self->state.running.end() || it->second.attempt != attempt) return;
        if (*found && (*found)->status != "queued" && (*found)->status != "running" &&
            (*found)->status != "retrying")
          return end_from_run(self, node, attempt, **found);
        self->delayed_send(self, task_poll, task_poll_atom::value, node, attempt, run_id);
      });
}

}  // namespace auraos::actors::executions::detail
