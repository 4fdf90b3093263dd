// Entry points: JSON text or value in, a validated workflow or every error out.

#include "runtime/definition/parse.hpp"

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/uuid.hpp"

namespace auraos::runtime::definition {
namespace {

using definition::scope;
using nlohmann::json;

void read_id(const scope& root, const json& document, workflow& wf) {
  auto id = definition::optional_string(root, document, "id");
  if (!id) return;
  if (!definition::is_definition_id(*id))
    root.report("id", std::string{definition::definition_id_rule});
  wf.id = *id;
}

void read_descriptive(const scope& root, const json& document, workflow& wf) {
  auto name = definition::required_string(root, document, "name");
  if (name && name->empty()) root.report("name", "must not be empty");
  wf.name = name.value_or("");
  wf.description = definition::optional_string(root, document, "description").value_or("");
  wf.version = definition::optional_string(root, document, "version").value_or("1.0.0");
  wf.tags = definition::string_list(root, document, "tags").value_or(std::vector<std::string>{});
  if (const json* metadata = definition::member(document, "metadata"))
    wf.metadata = std::make_shared<const json>(*metadata);
}

void read_graph(const scope& root, const json& document, workflow& wf) {
  wf.nodes = definition::read_nodes(root, document);
  auto before = root.error_count();
  wf.connections = definition::read_connections(root, document, wf.nodes);
  // A connection naming a wrong node already says so; its target would only show up again
  // as unreachable.
  if (root.error_count() == before) definition::check_graph(root, wf.nodes, wf.connections);
}

void read_document(const scope& root, const json& document, workflow& wf) {
  definition::check_known_fields(
      root, document,
      {"id", "name", "description", "version", "variables", "settings", "nodes", "connections",
       "output", "triggers", "metadata", "tags"});
  read_id(root, document, wf);
  read_descriptive(root, document, wf);
  wf.variables = definition::read_variables(root, document);
  wf.settings = definition::read_settings(root, document);
  read_graph(root, document, wf);
  if (const json* output = definition::member(document, "output"))
    wf.output = definition::read_template(root, "output", *output);
  wf.triggers = definition::read_triggers(root, document);
}

}  // namespace

result<workflow, std::vector<definition_error>> parse_workflow(const json& document) {
  std::vector<definition_error> errors;
  scope root{errors};
  if (!document.is_object()) {
    root.report("", "the definition must be a JSON object, found " +
                        std::string{definition::type_name(document)});
    return fail(std::move(errors));
  }
  workflow wf;
  read_document(root, document, wf);
  if (!errors.empty()) return fail(std::move(errors));
  if (wf.id.empty()) wf.id = random_uuid();
  auto stored = document;
  stored["id"] = wf.id;
  wf.document = std::make_shared<const json>(std::move(stored));
  return wf;
}

result<workflow, std::vector<definition_error>> parse_workflow(std::string_view json_text) {
  auto document = parse_json(json_text);
  if (!document)
    return fail(std::vector<definition_error>{{"", "", "", document.error().to_string()}});
  return parse_workflow(*document);
}

}  // namespace auraos::runtime::definition
