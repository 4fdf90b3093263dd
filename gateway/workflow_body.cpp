#include "gateway/workflow_body.hpp"

#include <nlohmann/json.hpp>

#include "gateway/json_body.hpp"
#include "runtime/definition/parse.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

api_error invalid_definition(const std::vector<runtime::definition::definition_error>& errors) {
  nlohmann::json details = nlohmann::json::array();
  for (const auto& error : errors) details.push_back(error.to_string());
  auto api = make_error(
      errc::invalid_definition,
      "the workflow definition has " + std::to_string(errors.size()) + " error(s); see details");
  api.details = std::make_shared<const nlohmann::json>(std::move(details));
  return api;
}

}  // namespace

result<persistence::workflow_draft, api_error> workflow_draft_from(
    const http_request& request, const std::optional<std::string>& path_id) {
  auto document = parse_json_body(request.body);
  if (!document) return fail(document.error());
  if (path_id && document->is_object()) (*document)["id"] = *path_id;
  auto parsed = runtime::definition::parse_workflow(*document);
  if (!parsed) return fail(invalid_definition(parsed.error()));
  const auto& wf = *parsed;
  persistence::workflow_draft draft{wf.id,
                                    wf.name,
                                    wf.description,
                                    wf.version,
                                    runtime::dump_json(wf.document ? *wf.document : *document),
                                    wf.tags};
  if (wf.metadata) draft.metadata = runtime::dump_json(*wf.metadata);
  return draft;
}

result<persistence::workflow_status, api_error> workflow_status_patch_from(
    const http_request& request) {
  auto document = parse_json_body(request.body);
  if (!document) return fail(document.error());
  auto bad = [](std::string message) { return fail(make_error(errc::invalid, message)); };
  if (!document->is_object())
    return bad("the body must be a JSON object like {\"status\": \"active\"}");
  for (const auto& item : document->items())
    if (item.key() != "status")
      return bad("field '" + item.key() +
                 "' cannot be patched: only 'status' can; PUT a definition to change the rest");
  auto status = document->find("status");
  if (status == document->end() || !status->is_string())
    return bad("field 'status' must be one of \"draft\", \"active\", \"archived\"");
  auto parsed = persistence::parse_workflow_status(status->get<std::string>());
  if (!parsed) return bad(parsed.error().message);
  return *parsed;
}

result<std::optional<persistence::workflow_status>, api_error> workflow_status_filter_from(
    const http_request& request) {
  auto text = request.query_param("status");
  if (!text) return std::optional<persistence::workflow_status>{};
  auto parsed = persistence::parse_workflow_status(*text);
  if (!parsed)
    return fail(make_error(errc::invalid, "query parameter 'status': " + parsed.error().message));
  return std::optional<persistence::workflow_status>{*parsed};
}

}  // namespace auraos::gateway
