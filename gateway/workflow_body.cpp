#include "gateway/workflow_body.hpp"

#include <nlohmann/json.hpp>

#include "gateway/json_body.hpp"
#include "runtime/definition/parse.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

api_error invalid_definition(const std::vector<runtime::definition_error>& errors) {
  nlohmann::json details = nlohmann::json::array();
  for (const auto& error : errors) details.push_back(error.to_string());
  auto api = make_error(
      error_code::invalid_definition,
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
  auto parsed = runtime::parse_workflow(*document);
  if (!parsed) return fail(invalid_definition(parsed.error()));
  const auto& wf = *parsed;
  return persistence::workflow_draft{wf.id,
                                     wf.name,
                                     wf.description,
                                     wf.version,
                                     runtime::dump_json(wf.document ? *wf.document : *document),
                                     wf.tags};
}

}  // namespace auraos::gateway
