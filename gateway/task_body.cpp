#include "gateway/task_body.hpp"

#include <nlohmann/json.hpp>

#include "gateway/json_body.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/tasks/task_json.hpp"

namespace auraos::gateway {
namespace {

namespace at = actors::tasks;

/// The longest Idempotency-Key accepted (as for executions).
constexpr std::size_t max_idempotency_key_bytes = 255;
/// Most runs in one batch.
constexpr std::size_t max_batch_runs = 1000;

api_error bad(std::string message) { return make_error(errc::invalid, std::move(message)); }

/// The body as a JSON object, or a 400 naming what it must look like.
result<nlohmann::json, api_error> object_body(const http_request& request, const char* shape,
                                              bool empty_ok) {
  if (request.body.empty() && empty_ok) return nlohmann::json::object();
  auto body = parse_json_body(request.body);
  if (!body) return fail(body.error());
  if (!body->is_object()) return fail(bad(std::string{"the body must be an object "} + shape));
  return std::move(*body);
}

/// 400 for a member of `body` outside `allowed`.
std::optional<api_error> unknown_member(const nlohmann::json& body,
                                        std::initializer_list<const char*> allowed,
                                        const char* shape) {
  for (const auto& item : body.items()) {
    bool known = false;
    for (const auto* name : allowed) known = known || item.key() == name;
    if (!known)
      return bad("unknown field '" + item.key() + "' in the body: it takes " + shape);
  }
  return std::nullopt;
}

/// A whole number member within [low, high], `fallback` when absent; 400 naming it otherwise.
result<std::int64_t, api_error> count_member(const nlohmann::json& body, const char* name,
                                             std::int64_t low, std::int64_t high,
                                             std::int64_t fallback) {
  auto it = body.find(name);
  if (it == body.end()) return fallback;
  if (!it->is_number() || (it->is_number_float() && it->get<double>() != std::floor(it->get<double>())) ||
      it->get<double>() < static_cast<double>(low) || it->get<double>() > static_cast<double>(high))
    return fail(bad(std::string{"field '"} + name + "' must be a whole number from " +
                    std::to_string(low) + " to " + std::to_string(high)));
  return static_cast<std::int64_t>(it->get<double>());
}

api_error invalid_task(const std::vector<runtime::definition::definition_error>& errors) {
  nlohmann::json details = nlohmann::json::array();
  for (const auto& error : errors) details.push_back(error.to_string());
  auto api = make_error(errc::invalid_definition,
                        "the task definition has " + std::to_string(errors.size()) +
                            " error(s): " + errors.front().to_string() +
                            (errors.size() > 1 ? " (see details)" : ""));
  api.details = std::make_shared<const nlohmann::json>(std::move(details));
  return api;
}

}  // namespace

result<at::task_put, api_error> task_put_from(const http_request& request,
                                              const std::optional<std::string>& path_id) {
  auto document = parse_json_body(request.body);
  if (!document) return fail(document.error());
  if (path_id && document->is_object()) {
    auto id = document->find("id");
    if (id != document->end() && (!id->is_string() || id->get<std::string>() != *path_id))
      return fail(make_error(errc::invalid_definition,
                             "id: must be the id of the path ('" + *path_id + "') or absent"));
    (*document)["id"] = *path_id;
  }
  auto parsed = runtime::tasks::parse_task_definition(*document);
  if (!parsed) return fail(invalid_task(parsed.error()));
  const auto& task = *parsed;
  at::task_put put;
  put.create = !path_id;
  put.task.id = task.id;
  put.task.name = task.name;
  put.task.description = task.description;
  put.task.type = std::string{runtime::tasks::to_string(task.type)};
  put.task.queue = task.queue;
  put.task.priority = task.priority;
  put.task.definition = runtime::dump_json(runtime::tasks::to_json(task));
  put.task.tags = task.tags;
  return put;
}

result<at::run_request, api_error> run_request_from(const http_request& request,
                                                    const std::string& task_id) {
  auto body = object_body(request, "{\"input\": ...}", true);
  if (!body) return fail(body.error());
  if (auto unknown = unknown_member(*body, {"input"}, "only {\"input\": ...}"))
    return fail(*unknown);
  at::run_request run;
  run.task_id = task_id;
  auto input = body->find("input");
  if (input != body->end()) run.input = runtime::dump_json(*input);
  if (auto key = request.headers.get("Idempotency-Key")) {
    if (!runtime::is_valid_utf8(*key))
      return fail(bad("header Idempotency-Key is not valid UTF-8"));
    if (key->size() > max_idempotency_key_bytes)
      return fail(bad("header Idempotency-Key is longer than " +
                      std::to_string(max_idempotency_key_bytes) + " bytes"));
    if (!key->empty()) run.idempotency_key = *key;
  }
  return run;
}

result<at::batch_request, api_error> batch_request_from(const http_request& request) {
  const char* shape = "{\"runs\": [{\"taskId\": ..., \"input\": ...}, ...]}";
  auto body = object_body(request, shape, false);
  if (!body) return fail(body.error());
  if (auto unknown = unknown_member(*body, {"runs"}, shape)) return fail(*unknown);
  auto runs = body->find("runs");
  if (runs == body->end() || !runs->is_array() || runs->empty() ||
      runs->size() > max_batch_runs)
    return fail(bad("field 'runs' must be an array of 1 to " + std::to_string(max_batch_runs) +
                    " runs like {\"taskId\": \"extract\", \"input\": {...}}"));
  at::batch_request batch;
  for (std::size_t i = 0; i < runs->size(); ++i) {
    const auto& item = (*runs)[i];
    auto at_i = "runs[" + std::to_string(i) + "]";
    if (!item.is_object()) return fail(bad(at_i + " must be an object {\"taskId\", \"input\"}"));
    for (const auto& member : item.items())
      if (member.key() != "taskId" && member.key() != "input")
        return fail(bad(at_i + ": unknown field '" + member.key() + "'"));
    auto task = item.find("taskId");
    if (task == item.end() || !task->is_string() || task->get_ref<const std::string&>().empty())
      return fail(bad(at_i + ".taskId: required, a task's id"));
    at::run_request run;
    run.task_id = task->get<std::string>();
    auto input = item.find("input");
    if (input != item.end()) run.input = runtime::dump_json(*input);
    batch.runs.push_back(std::move(run));
  }
  return batch;
}

result<at::claim_request, api_error> claim_request_from(const http_request& request,
                                                        const std::string& queue) {
  const char* shape = "{\"workerId\": ..., \"max\": 1, \"waitSeconds\": 0}";
  auto body = object_body(request, shape, false);
  if (!body) return fail(body.error());
  if (auto unknown = unknown_member(*body, {"workerId", "max", "waitSeconds"}, shape))
    return fail(*unknown);
  auto worker = body->find("workerId");
  if (worker == body->end() || !worker->is_string() ||
      worker->get_ref<const std::string&>().empty() ||
      worker->get_ref<const std::string&>().size() > 255)
    return fail(bad("field 'workerId' is required: a string of 1 to 255 bytes naming the worker"));
  auto max = count_member(*body, "max", 1, 100, 1);
  if (!max) return fail(max.error());
  auto wait = body->find("waitSeconds");
  double seconds = 0;
  if (wait != body->end()) {
    if (!wait->is_number() || wait->get<double>() < 0 || wait->get<double>() > 60)
      return fail(bad("field 'waitSeconds' must be a number from 0 to 60"));
    seconds = wait->get<double>();
  }
  return at::claim_request{queue, worker->get<std::string>(), *max,
                           static_cast<std::int64_t>(seconds * 1000.0)};
}

result<at::lease_call, api_error> lease_call_from(const http_request& request,
                                                  const std::string& run_id,
                                                  at::lease_verb verb) {
  const char* shape = verb == at::lease_verb::complete ? "{\"leaseId\": ..., \"output\": ...}"
                      : verb == at::lease_verb::fail
                          ? "{\"leaseId\": ..., \"error\": {\"type\": ..., \"message\": ...}}"
                          : "{\"leaseId\": ...}";
  auto body = object_body(request, shape, false);
  if (!body) return fail(body.error());
  auto unknown = verb == at::lease_verb::complete ? unknown_member(*body, {"leaseId", "output"}, shape)
                 : verb == at::lease_verb::fail   ? unknown_member(*body, {"leaseId", "error"}, shape)
                                                  : unknown_member(*body, {"leaseId"}, shape);
  if (unknown) return fail(*unknown);
  auto lease = body->find("leaseId");
  if (lease == body->end() || !lease->is_string() || lease->get_ref<const std::string&>().empty())
    return fail(bad("field 'leaseId' is required: the lease the claim answered"));
  at::lease_call call;
  call.run_id = run_id;
  call.lease_id = lease->get<std::string>();
  call.verb = verb;
  if (verb == at::lease_verb::complete) {
    auto output = body->find("output");
    if (output != body->end()) call.output = runtime::dump_json(*output);
  }
  if (verb == at::lease_verb::fail) {
    auto error = body->find("error");
    if (error == body->end() || !error->is_object() || !error->contains("type") ||
        !(*error)["type"].is_string() || (*error)["type"].get_ref<const std::string&>().empty() ||
        (error->contains("message") && !(*error)["message"].is_string()))
      return fail(bad("field 'error' is required: {\"type\": \"...\", \"message\": \"...\"}"));
    call.error_type = (*error)["type"].get<std::string>();
    call.error_message = error->value("message", "");
  }
  return call;
}

}  // namespace auraos::gateway
