// The work of one attempt, by the task's type: shell and http on the node handlers' threads,
// transform at once, subworkflow as a child execution watched until it ends.

#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/tasks/run_state.hpp"
#include "runtime/expr/json_template.hpp"
#include "runtime/handlers/http_request.hpp"
#include "runtime/handlers/node_handlers.hpp"
#include "runtime/handlers/shell_request.hpp"
#include "runtime/secrets/config_secrets.hpp"

namespace auraos::actors::tasks::detail {
namespace {

namespace h = runtime::handlers;

/// How often a subworkflow run looks at its child execution.
constexpr std::chrono::milliseconds child_poll{100};

/// The task's config rendered against `{input}`, or the error that ends the attempt.
result<nlohmann::json, h::work_result> rendered_config(run_actor* self) {
  const auto& a = self->state.args;
  nlohmann::json scope = {{"input", nlohmann::json::parse(a.run.input, nullptr, false)},
                          {"task", {{"id", a.spec->id}, {"runId", a.run.id},
                                    {"attempt", a.run.attempts}}}};
  // The template was parsed once, with the definition (task_spec::definition).
  auto out = a.spec->definition->config.render(scope);
  if (!out) return fail(failed("expression", "config: " + out.error().message, false));
  return std::move(*out);
}

/// Sends the result to the actor (from a handler thread).
h::done_fn deliver(run_actor* self) {
  auto me = caf::actor_cast<caf::actor>(self);
  return [me, attempt = self->state.args.run.attempts](h::work_result r) {
    caf::anon_send(me, work_done_atom::value, attempt, std::move(r));
  };
}

template <class Parse, class Start>
void start_handler(run_actor* self, const nlohmann::json& config, Parse parse, Start start) {
  auto& run = self->state.args.run;
  h::attempt_identity identity{run.id, run.task_id, static_cast<int>(run.attempts),
                               run.id + "/" + std::to_string(run.attempts)};
  auto request = parse(config, identity);
  if (!request) return end_attempt(self, h::work_failed(request.error()));
  self->state.cancel = start(std::move(*request), deliver(self));
}

}  // namespace

void watch_child(run_actor* self) {
  auto& s = self->state;
  if (s.ending) return;
  self->request(s.args.executions, caf::infinite, caf::get_atom::value, s.child_id)
      .then([self](executions::execution_reply& reply) {
        if (self->state.ending) return;
        if (!reply) return end_attempt(self, failed("subworkflow", reply.error().message, false));
        const auto& view = *reply;
        if (view.status == "completed")
          return end_attempt(self, h::work_succeeded(view.output ? *view.output : nullptr));
        if (view.status == "failed" || view.status == "cancelled" || view.status == "timed_out") {
          auto why = view.error ? view.error->type + ": " + view.error->message : view.status;
          return end_attempt(self, failed("subworkflow", "the child execution " + view.id +
                                                             " ended " + view.status + " (" +
                                                             why + ")",
                                          false));
        }
        self->state.args.env->send_after(self, child_poll, poll_child_atom::value);
      });
}

namespace {

void start_child(run_actor* self, const nlohmann::json& config) {
  auto& s = self->state;
  auto workflow = config.find("workflowId");
  if (workflow == config.end() || !workflow->is_string())
    return end_attempt(self, failed("definition", "config.workflowId: a stored workflow's id is "
                                                  "required for a subworkflow task", false));
  executions::start_execution_command start;
  start.workflow_id = workflow->get<std::string>();
  auto input = config.find("input");
  start.input_json = input == config.end() ? s.args.run.input : input->dump();
  start.idempotency_key = "task-run:" + s.args.run.id + "/" + std::to_string(s.args.run.attempts);
  self->request(s.args.executions, caf::infinite, std::move(start))
      .then([self](executions::execution_reply& reply) {
        auto& st = self->state;
        if (!reply) return end_attempt(self, failed("subworkflow", reply.error().message, false));
        st.child_id = reply->id;
        st.child_work = true;
        st.cancel = [executions = st.args.executions, id = reply->id] {
          caf::anon_send(executions, executions::cancel_atom::value, id);
        };
        log_line(self, "system", "child execution " + reply->id + " started");
        watch_child(self);
      });
}

}  // namespace

void start_work(run_actor* self) {
  auto& run = self->state.args.run;
  log_line(self, "system", "attempt " + std::to_string(run.attempts) + " started on " +
                               run.worker.value_or("this node"));
  auto config = rendered_config(self);
  if (!config) return end_attempt(self, std::move(config).error());
  const auto& spec = *self->state.args.spec;
  if (spec.secrets_problem) return end_attempt(self, failed("secrets", *spec.secrets_problem, false));
  runtime::secrets::put_config_secrets(*config, spec.secret_values);
  const auto& type = spec.type;
  auto runners = self->state.args.runners;
  if (type == "shell")
    return start_handler(self, *config, h::parse_shell_config,
                         [runners](h::shell_request r, h::done_fn d) {
                           return runners->start_shell(std::move(r), std::move(d));
                         });
  if (type == "http")
    return start_handler(self, *config, h::parse_http_config,
                         [runners](h::http_request r, h::done_fn d) {
                           return runners->start_http(std::move(r), std::move(d));
                         });
  if (type == "transform") {
    auto output = config->find("output");
    return end_attempt(self, h::work_succeeded(output == config->end() ? nullptr : *output));
  }
  if (type == "subworkflow") return start_child(self, *config);
  end_attempt(self, failed("definition", "tasks of type " + type + " do not run on the pool",
                           false));
}

}  // namespace auraos::actors::tasks::detail
