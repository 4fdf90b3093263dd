// Starting executions (checked and stored before the answer) and child executions.
#include <filesystem>

#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/send.hpp>
#include <nlohmann/json.hpp>

#include "actors/env.hpp"
#include "actors/env_files.hpp"
#include "actors/executions/execution_records.hpp"
#include "actors/executions/service_state.hpp"
#include "runtime/definition/load_file.hpp"
#include "runtime/engine/decide.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/crypto/secret_keys.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/secrets/secret_input.hpp"
#include "runtime/uuid.hpp"

namespace auraos::actors::executions::detail {

namespace p = persistence;

namespace {

using created_fn = std::function<void(result<p::created_execution, execution_failure>,
                                      std::shared_ptr<execution_preload>)>;

/// What a start asks for: the workflow, its input and who asks.
struct creation {
  std::string workflow_id;
  std::int64_t revision = 0;  ///< 0: the latest.
  std::string input_json;
  std::string idempotency_key;
  std::string created_by;  ///< Empty: anonymous.
};

execution_failure failure(errc code, std::string message, std::vector<std::string> details = {}) {
  return {code, std::move(message), std::move(details)};
}

/// Every reason the workflow cannot run this input; empty when it can.
std::optional<execution_failure> check(const runtime::definition::workflow& wf,
                                       const nlohmann::json& input) {
  std::vector<std::string> details;
  for (const auto& e : runtime::definition::check_input(wf, input))
    details.push_back(e.to_string());
  if (!details.empty())
    return failure(errc::invalid_input, "input does not match the variables of workflow " + wf.id,
                   details);
  return std::nullopt;
}

/// Tries for an execution id in a shard this node holds.
constexpr int id_tries = 4096;

/// A new execution id whose shard this node holds (a random UUID, drawn again until it falls
/// in one); none when the node holds no shard. Before a single node acquired its leases, any
/// id (its activation waits for them).
std::optional<std::string> new_execution_id(const service_state& s) {
  if (!s.leases) return runtime::random_uuid();
  for (int i = 0; i < id_tries; ++i) {
    auto id = runtime::random_uuid();
    if (holds(s, id)) return id;
  }
  return std::nullopt;
}

/// Creates the execution row under its shard's fence; a child's creation outlasts a database
/// outage.
void create(service_actor* self, std::shared_ptr<const runtime::definition::workflow> wf,
            std::int64_t revision, const nlohmann::json& input, const creation& asked,
            created_fn done) {
  auto id = new_execution_id(self->state);
  if (!id)
    return done(fail(failure(errc::unavailable,
                             "this node holds no shard now and cannot create executions; retry "
                             "(another node can)")),
                nullptr);
  p::execution_record row;
  row.id = std::move(*id);
  row.workflow_id = wf->id;
  row.revision = revision;
  // Secret values are stored sealed (bound to the execution's id), "***" in the input.
  auto split = runtime::secrets::split_secret_input(*wf, input);
  row.input = std::move(split.masked);
  if (!split.secrets.empty()) {
    auto sealed = self->state.options.secret_keys->seal(split.secrets, row.id);
    if (!sealed) return done(fail(failure(errc::internal, sealed.error())), nullptr);
    row.secrets = std::move(*sealed);
  }
  const auto& key = asked.idempotency_key;
  if (!key.empty()) row.idempotency_key = key;
  if (!asked.created_by.empty()) row.created_by = asked.created_by;
  auto lease = self->state.leases ? self->state.leases->fence_for(row.id) : std::nullopt;
  p::write_request request{{p::create_execution_op{std::move(row), lease}}};
  request.wait_for_database = key.rfind(child_key_prefix, 0) == 0;
  self->request(self->state.store, caf::infinite, std::move(request))
      .then([self, done, wf](p::write_outcome& outcome) {
        if (!outcome) return done(fail(store_failure(outcome.error())), nullptr);
        auto created = std::get<p::created_execution>(outcome->at(0));
        std::shared_ptr<execution_preload> preload;
        if (!created.existing) {
          ++self->state.counters.started;
          preload = std::make_shared<execution_preload>();
          preload->row = created.execution;
          preload->wf = wf;
        }
        done(std::move(created), std::move(preload));
      });
}

/// Loads the workflow, checks the input and creates the execution row.
void checked_create(service_actor* self, const creation& asked, created_fn done) {
  std::optional<std::int64_t> wanted;
  if (asked.revision > 0) wanted = asked.revision;
  const auto& workflow_id = asked.workflow_id;
  self->request(self->state.store, caf::infinite, store::get_workflow_query{workflow_id, wanted})
      .then([self, asked, workflow_id, done](p::store_result<p::workflow_record>& rec) {
        if (!rec && rec.error().code == p::store_errc::not_found)
          return done(fail(failure(errc::not_found, "workflow " + workflow_id + " not found")),
                      nullptr);
        if (!rec) return done(fail(store_failure(rec.error())), nullptr);
        if (rec->status == p::workflow_status::archived)
          return done(fail(failure(errc::conflict,
                                   "workflow " + workflow_id +
                                       " is archived and starts no new executions; PATCH its "
                                       "status to active to start it again")),
                      nullptr);
        auto wf = runtime::definition::parse_workflow(rec->definition);
        if (!wf) {
          // Stored by an older version, e.g. with a node type this version does not run.
          std::vector<std::string> details;
          for (const auto& e : wf.error()) details.push_back(e.to_string());
          return done(fail(failure(errc::invalid_input,
                                   "stored workflow " + workflow_id +
                                       " is not valid in this version; update it",
                                   std::move(details))),
                      nullptr);
        }
        auto input = runtime::parse_json(asked.input_json);
        if (!input)
          return done(
              fail(failure(errc::invalid, "input is not valid JSON: " + input.error().to_string())),
              nullptr);
        if (auto refused = check(*wf, *input)) return done(fail(std::move(*refused)), nullptr);
        create(self, std::make_shared<const runtime::definition::workflow>(std::move(*wf)),
               rec->revision, *input, asked, done);
      });
}

/// The outcome a parent sees for a child that ended.
attempt_outcome child_outcome(const std::string& node, int attempt, const execution_end& end) {
  attempt_outcome outcome{
      node, attempt, end.status == runtime::engine::execution_status::completed, end.output, {}};
  if (end.error)
    outcome.error = *end.error;
  else
    outcome.error = {"subworkflow",
                     "child execution " + end.id + " ended " +
                         std::string(runtime::engine::to_string(end.status)),
                     false, attempt};
  outcome.error.attempts = attempt;
  return outcome;
}

/// The end of a finished child, read from its row.
execution_end end_of(const p::execution_record& row) {
  execution_end end{row.id, row.idempotency_key.value_or(""),
                    runtime::engine::execution_status::failed, nullptr, std::nullopt};
  if (auto status = runtime::engine::parse_execution_status(p::to_string(row.status)))
    end.status = *status;
  if (row.output) end.output = runtime::engine::parse_json_text(*row.output);
  if (row.error) {
    auto parsed = runtime::parse_json(*row.error, runtime::max_stored_json_depth);
    auto j = parsed ? std::move(*parsed) : nlohmann::json();
    if (j.is_object()) {
      end.error = runtime::engine::node_error{
          j.value("type", "subworkflow"), j.value("message", ""), j.value("retryable", false), 0};
      for (const char* known : {"type", "message", "retryable", "attempts"}) j.erase(known);
      if (!j.empty()) end.error->fields = runtime::engine::share_json(std::move(j));
    }
  }
  return end;
}

void child_created(service_actor* self, const p::execution_record& child,
                   caf::response_promise promise) {
  promise.deliver(child_reply(child.id));
  if (p::is_unfinished(child.status))
    return with_actor(
        self, child.id, [](caf::actor) {}, [](execution_failure) {});
  on_ended(self, end_of(child));
}

using loaded_workflow =
    result<runtime::definition::workflow, std::vector<runtime::definition::definition_error>>;

void start_loaded(service_actor* self, child_request request, caf::response_promise promise,
                  const std::filesystem::path& file, loaded_workflow& wf) {
  if (!wf) {
    std::vector<std::string> details;
    for (const auto& e : wf.error()) details.push_back(e.to_string());
    auto message = "subworkflow file " + file.string() + ": " + details.front();
    return promise.deliver(
        child_reply(fail(failure(errc::invalid_input, std::move(message), std::move(details)))));
  }
  // The child's own children are named relative to its file, as `validate` checks them.
  auto document = runtime::definition::rebase_subworkflow_files(
      runtime::engine::json_or_null(wf->document),
      std::filesystem::path(request.file).parent_path());
  p::workflow_draft draft{
      wf->id, wf->name, wf->description, wf->version, runtime::dump_json(document), wf->tags};
  if (wf->metadata) draft.metadata = runtime::dump_json(*wf->metadata);
  p::write_request put{{p::put_workflow_op{std::move(draft)}}, true};
  self->request(self->state.store, caf::infinite, std::move(put))
      .then([self, request, promise](p::write_outcome& outcome) mutable {
        if (!outcome) return promise.deliver(child_reply(fail(store_failure(outcome.error()))));
        request.workflow_id = std::get<p::workflow_record>(outcome->at(0)).id;
        start_child(self, std::move(request), promise);
      });
}

/// Loads the definition file through the env off the scheduler, then starts the child.
void start_from_file(service_actor* self, child_request request, caf::response_promise promise) {
  const auto& options = self->state.options;
  auto file = std::filesystem::path(options.definitions_dir) / request.file;
  runtime::definition::file_reader read = [env = options.env](const std::filesystem::path& f) {
    return env->read_file(f);
  };
  if (options.confine_definitions)
    read = runtime::definition::confined_reader(std::move(read), options.definitions_dir);
  run_blocking<loaded_workflow>(
      self, [read, file] { return runtime::definition::load_workflow_file(file, read); },
      [self, request = std::move(request), promise, file](loaded_workflow& wf) mutable {
        start_loaded(self, std::move(request), promise, file, wf);
      });
}

}  // namespace

execution_failure store_failure(const p::store_error& error) {
  switch (error.code) {
    case errc::not_found:
    case errc::conflict:
    case errc::unavailable:
      return failure(error.code, error.message);
    default:
      return failure(errc::internal, error.message);
  }
}

/// True when a repeated start asks for the input the stored execution has (as JSON values,
/// its sealed secret values opened).
bool same_input(service_actor* self, const p::execution_record& stored,
                const std::string& input_json) {
  auto asked = runtime::parse_json(input_json, runtime::max_stored_json_depth);
  auto had = runtime::parse_json(stored.input, runtime::max_stored_json_depth);
  if (!asked || !had) return false;
  if (stored.secrets) {
    auto opened = self->state.options.secret_keys->open(*stored.secrets, stored.id);
    if (!opened) return false;
    auto values = runtime::parse_json(*opened);
    if (!values || !values->is_object() || !had->is_object()) return false;
    for (const auto& [name, value] : values->items()) (*had)[name] = value;
  }
  return *asked == *had;
}

void start(service_actor* self, start_execution_command command, caf::response_promise promise) {
  if (command.idempotency_key.rfind(child_key_prefix, 0) == 0)
    return promise.deliver(execution_reply(fail(failure(
        errc::invalid, std::string{"Idempotency-Key: must not start with '"} + child_key_prefix +
                           "' (reserved for sub-workflow executions)"))));
  checked_create(
      self,
      {command.workflow_id, command.revision, command.input_json, command.idempotency_key,
       command.created_by},
      [self, promise, key = command.idempotency_key, input = command.input_json](
          result<p::created_execution, execution_failure> created,
          std::shared_ptr<execution_preload> preload) mutable {
        if (!created) return promise.deliver(execution_reply(fail(created.error())));
        if (!preload && !same_input(self, created->execution, input))
          return promise.deliver(execution_reply(fail(failure(
              errc::conflict,
              "Idempotency-Key '" + key + "' was already used with another input for execution " +
                  created->execution.id + "; repeat it with the same input, or use a new key"))));
        if (preload) return route_created(self, created->execution.id, std::move(preload), promise);
        // The key's execution runs on another node (its shard is held there): its stored view.
        if (self->state.leases && !holds(self->state, created->execution.id))
          return read_stored_view(self, std::move(created->execution), promise);
        route(self, caf::get_atom::value, created->execution.id, promise);
      });
}

void start_child(service_actor* self, child_request request, caf::response_promise promise) {
  if (request.workflow_id.empty()) return start_from_file(self, std::move(request), promise);
  checked_create(self,
                 {request.workflow_id, 0, request.input_json,
                  child_key_prefix + request.idempotency_key, request.created_by},
                 [self, promise](result<p::created_execution, execution_failure> created,
                                 std::shared_ptr<execution_preload>) mutable {
                   if (!created) return promise.deliver(child_reply(fail(created.error())));
                   child_created(self, created->execution, promise);
                 });
}

void on_ended(service_actor* self, execution_end end) {
  auto& s = self->state;
  ++s.counters.ended[std::string(runtime::engine::to_string(end.status))];
  std::string key = end.idempotency_key;
  std::string prefix = child_key_prefix;
  if (key.rfind(prefix, 0) != 0) return;
  key = key.substr(prefix.size());
  auto attempt_at = key.rfind('/');
  auto node_at =
      attempt_at == std::string::npos ? std::string::npos : key.rfind('/', attempt_at - 1);
  if (node_at == std::string::npos) return;
  auto parent = key.substr(0, node_at);
  auto node = key.substr(node_at + 1, attempt_at - node_at - 1);
  auto outcome = child_outcome(node, std::stoi(key.substr(attempt_at + 1)), end);
  if (!holds(s, parent)) {  // another node runs the parent now: the relay carries the end there
    auto relay = self->system().registry().get(relay_registry_name);
    if (relay)
      caf::anon_send(caf::actor_cast<caf::actor>(relay), relay_atom::value, parent, outcome);
    return;
  }
  with_actor(
      self, parent,
      [outcome](caf::actor a) { caf::anon_send(a, attempt_done_atom::value, outcome); },
      [](execution_failure) {});
}

}  // namespace auraos::actors::executions::detail
