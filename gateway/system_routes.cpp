// Node-level routes: liveness, readiness, Prometheus metrics, the supervision tree.

#include <memory>

#include <nlohmann/json.hpp>

#include "actors/supervision/supervisor.hpp"
#include "actors/events/pattern_service.hpp"
#include "actors/tasks/scheduler.hpp"
#include "actors/tasks/tasks_service.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/auth/auth_filter.hpp"
#include "gateway/auth/auth_routes.hpp"
#include "gateway/protobuf_filter.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/execution_json.hpp"
#include "gateway/prometheus_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
namespace sv = runtime::supervision;
using ctx = std::shared_ptr<node_context>;

std::int64_t restarts_in(const sv::supervision_tree_node& node) {
  auto sum = static_cast<std::int64_t>(node.restarts);
  for (const auto& child : node.children) sum += restarts_in(child);
  return sum;
}

void supervision(const ctx& node, responder respond) {
  detail::ask<sv::supervision_tree_node>(
      node->system(), node->root(), std::move(respond),
      [](sv::supervision_tree_node& tree) { return json_response(200, sv::to_json(tree)); },
      actors::supervision::tree_atom::value);
}

void healthz(const ctx& node, responder respond) {
  bool root_alive = static_cast<bool>(node->root());
  nlohmann::json body = {{"status", root_alive ? "ok" : "starting"},
                         {"subsystems",
                          {{"http", {{"status", "ok"}}},
                           {"supervision", {{"status", root_alive ? "ok" : "starting"}}}}}};
  const auto& config = node->config();
  if (auto warning = runtime::security::exposure_warning(config.security, config.http_host))
    body["warnings"] = nlohmann::json::array({*warning});
  respond(json_response(200, body));
}

void readyz(const ctx& node, responder respond) {
  detail::spawn_asker(node->system(), [node, respond](caf::event_based_actor* self) {
    auto answer = [node, respond](bool store_ok, std::string store_detail) {
      bool executions_ok = static_cast<bool>(node->executions());
      // A single node runs the pattern rules itself; a cluster's coordinator runs them.
      auto board = node->cluster().board;
      bool clustered = board && board->snapshot()->clustered;
      bool patterns_ok =
          clustered || node->system().registry().get(actors::events::patterns_registry_name);
      bool events_ok = static_cast<bool>(node->events()) && patterns_ok;
      std::string events_detail = !node->events() ? "the events service is not running"
                                  : !patterns_ok  ? "the pattern service is not running"
                                                  : "registered";
      // The same for the tasks pool and the scheduler: the task routes need both.
      auto& registry = node->system().registry();
      bool tasks_ok = clustered || (registry.get(actors::tasks::tasks_registry_name) &&
                                    registry.get(actors::tasks::scheduler_registry_name));
      bool ready = store_ok && executions_ok && events_ok && tasks_ok;
      nlohmann::json body = {
          {"status", ready ? "ready" : "not_ready"},
          {"subsystems",
           {{"store", {{"status", store_ok ? "ok" : "unavailable"}, {"detail", store_detail}}},
            {"executions",
             {{"status", executions_ok ? "ok" : "unavailable"},
              {"detail", executions_ok ? "registered" : "the executions service is not running"}}},
            {"events",
             {{"status", events_ok ? "ok" : "unavailable"},
              {"detail", events_detail}}},
            {"tasks",
             {{"status", tasks_ok ? "ok" : "unavailable"},
              {"detail", tasks_ok ? "registered" : "the tasks service is not running"}}}}}};
      respond(json_response(ready ? 200 : 503, body));
    };
    auto store = node->store();
    if (!store) return answer(false, "the store actor is not running");
    self->request(store, std::chrono::seconds(2), actors::store::ping_query{})
        .then(
            [answer](persistence::store_status& pinged) {
              if (pinged) return answer(true, "the database answered a probe");
              answer(false, pinged.error().message);
            },
            [self, answer](caf::error& error) {
              answer(false, "no answer to a probe: " + self->system().render(error));
            });
  });
}

struct metrics_job {
  explicit metrics_job(responder r) : respond(std::move(r)) {}
  ctx node;
  caf::event_based_actor* self = nullptr;
  responder respond;
  metrics_snapshot snapshot;
  nlohmann::json counters;
};

void finish_metrics(std::shared_ptr<metrics_job> job) {
  auto service = job->node->executions();
  auto done = [job] {
    http_response response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = prometheus_text(job->snapshot);
    job->respond(std::move(response));
  };
  if (!service) return done();
  detail::ask_from<actors::executions::executions_counters>(
      job->self, service, job->respond,
      [job, done](actors::executions::executions_counters& counters) {
        job->counters = counters_json(counters);
        job->snapshot.fenced_writes = counters.fenced_writes;
        job->snapshot.service_counters = &job->counters;
        done();
      },
      actors::executions::counters_atom::value);
}

void gather_metrics(std::shared_ptr<metrics_job> job) {
  auto store = job->node->store();
  auto on_counts = [job](p::store_result<p::status_counts>& counts) {
    job->snapshot.database_up = job->snapshot.database_up && counts.has_value();
    if (counts) job->snapshot.executions_by_status = std::move(*counts);
    finish_metrics(job);
  };
  auto on_stats = [job, store, on_counts](actors::store::commit_stats& stats) {
    job->snapshot.commits = stats;
    detail::ask_from<p::store_result<p::status_counts>>(job->self, store, job->respond, on_counts,
                                                        actors::store::count_executions_query{});
  };
  // The same probe as /readyz: a locked database is down even when reads still work.
  auto on_ping = [job, store, on_stats](p::store_status& pinged) {
    job->snapshot.database_up = pinged.has_value();
    detail::ask_from<actors::store::commit_stats>(job->self, store, job->respond, on_stats,
                                                  actors::store::stats_atom::value);
  };
  auto on_tree = [job, store, on_ping](sv::supervision_tree_node& tree) {
    job->snapshot.actor_restarts = restarts_in(tree);
    detail::ask_from<p::store_status>(job->self, store, job->respond, on_ping,
                                      actors::store::ping_query{});
  };
  detail::ask_from<sv::supervision_tree_node>(job->self, job->node->root(), job->respond, on_tree,
                                              actors::supervision::tree_atom::value);
}

void metrics(const ctx& node, responder respond) {
  detail::spawn_asker(node->system(), [node, respond](caf::event_based_actor* self) {
    auto job = std::make_shared<metrics_job>(respond);
    job->node = node;
    if (auto board = node->cluster().board) {
      job->snapshot.cluster = board->snapshot();
      job->snapshot.shard_moves = board->moves_total();
      job->snapshot.forwarded_requests = board->forwarded_total();
    }
    job->snapshot.live_subscribers = static_cast<std::int64_t>(node->live()->subscribers());
    job->self = self;
    gather_metrics(job);
  });
}

}  // namespace

void add_system_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/healthz",
             [node](const auto&, const auto&, responder r) { healthz(node, std::move(r)); });
  routes.add("GET", "/readyz",
             [node](const auto&, const auto&, responder r) { readyz(node, std::move(r)); });
  routes.add("GET", "/metrics",
             [node](const auto&, const auto&, responder r) { metrics(node, std::move(r)); });
  routes.add("GET", "/api/v1/supervision",
             [node](const auto&, const auto&, responder r) { supervision(node, std::move(r)); });
}

std::shared_ptr<router> make_api_router(std::shared_ptr<node_context> node) {
  auto routes = std::make_shared<router>();
  add_workflow_routes(*routes, node);
  add_execution_routes(*routes, node);
  add_system_routes(*routes, node);
  add_cluster_routes(*routes, node);
  add_stream_routes(*routes, node);
  add_event_routes(*routes, node);
  add_pattern_routes(*routes, node);
  add_task_routes(*routes, node);
  add_task_run_routes(*routes, node);
  add_task_worker_routes(*routes, node);
  add_task_schedule_routes(*routes, node);
  auth::add_security_routes(*routes, node);
  add_asset_routes(*routes);
  add_openapi_routes(*routes);
  routes->set_filter(auth::auth_filter(node, protobuf_filter()));
  return routes;
}

}  // namespace auraos::gateway
