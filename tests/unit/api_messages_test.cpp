// The Protobuf messages of the REST API (messages/api_*.proto) against the OpenAPI document
// (gateway/openapi/openapi.json): every operation's `x-protobuf` messages exist, each schema
// property is a field with that json_name and each field a property (recursively, with matching
// types). Round trips of realistic answers: api_messages_round_trip_test.cpp.
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <nlohmann/json.hpp>

#include "gateway/openapi_document.hpp"
#include "gateway/protobuf_codec.hpp"

namespace pb = google::protobuf;
using nlohmann::json;

namespace {

/// The api_*.proto files, by the names protoc gave them.
const std::vector<std::string> api_files = {
    "api_common.proto", "api_workflows.proto", "api_executions.proto", "api_events.proto",
    "api_tasks.proto",  "api_cluster.proto",   "api_security.proto"};

/// Operations whose answers are not JSON (streams, Prometheus text, the document, the dashboard,
/// the audit export as CSV or JSON lines).
const std::set<std::string> not_json = {"streamEvents",       "streamLiveUpdates",
                                        "getMetrics",         "getOpenApiDocument",
                                        "getDashboard",       "getDashboardAsset",
                                        "exportAuditEntries"};

/// OpenAPI schemas whose message has another name (workflow.proto's definition messages).
const std::map<std::string, std::string> message_aliases = {{"WorkflowNode", "Node"}};

const pb::Descriptor* find_message(const std::string& full_name) {
  return auraos::gateway::find_api_message(full_name);
}

const json& document() {
  static const json doc = json::parse(auraos::gateway::openapi_document());
  return doc;
}

/// The schema `s` names through `$ref`, or `s`.
const json& resolve(const json& s) {
  if (!s.is_object() || !s.contains("$ref")) return s;
  auto name = s.at("$ref").get<std::string>().substr(std::string{"#/components/schemas/"}.size());
  return document().at("components").at("schemas").at(name);
}

/// The component name `s` refers to, "" when it is inline.
std::string ref_name(const json& s) {
  if (!s.is_object() || !s.contains("$ref")) return {};
  auto ref = s.at("$ref").get<std::string>();
  return ref.substr(ref.rfind('/') + 1);
}

/// A `oneOf: [X, {type: null}]` as X (unresolved), else `s`.
const json& non_null(const json& s) {
  if (!s.is_object() || !s.contains("oneOf")) return s;
  for (const auto& alternative : s.at("oneOf"))
    if (alternative.value("type", json()) != "null") return alternative;
  return s;
}

/// The JSON types a schema allows ("type" as a string or a list); empty when untyped.
std::set<std::string> types_of(const json& s) {
  std::set<std::string> out;
  auto type = s.value("type", json());
  if (type.is_string()) out.insert(type.get<std::string>());
  for (const auto& each : type.is_array() ? type : json::array())
    out.insert(each.get<std::string>());
  if (out.empty() && (s.contains("properties") || s.contains("allOf"))) out.insert("object");
  return out;
}

/// An object schema's properties, the parts of an `allOf` merged.
json properties_of(const json& schema) {
  const json& s = resolve(schema);
  json out = s.value("properties", json::object());
  for (const auto& part : s.value("allOf", json::array())) out.update(properties_of(part));
  return out;
}

const pb::FieldDescriptor* field_by_json_name(const pb::Descriptor* message,
                                              const std::string& key) {
  for (int i = 0; i < message->field_count(); ++i)
    if (message->field(i)->json_name() == key) return message->field(i);
  return nullptr;
}

bool is_free(const pb::Descriptor* d) {
  return d->full_name() == "google.protobuf.Value" || d->full_name() == "google.protobuf.Struct";
}

/// The JSON type a wrapper message holds ("" when `d` is not a wrapper).
std::string wrapped_type(const pb::Descriptor* d) {
  static const std::map<std::string, std::string> wrappers = {
      {"google.protobuf.StringValue", "string"},
      {"google.protobuf.Int32Value", "integer"},
      {"google.protobuf.DoubleValue", "number"},
      {"google.protobuf.BoolValue", "boolean"}};
  auto it = wrappers.find(d->full_name());
  return it == wrappers.end() ? "" : it->second;
}

/// True when a scalar field of `type` can hold the JSON types `types`.
bool scalar_fits(pb::FieldDescriptor::CppType type, const std::set<std::string>& types) {
  switch (type) {
    case pb::FieldDescriptor::CPPTYPE_STRING:
      return types.count("string") > 0;
    case pb::FieldDescriptor::CPPTYPE_INT32:
      return types.count("integer") > 0;
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
      return types.count("number") > 0 || types.count("integer") > 0;
    case pb::FieldDescriptor::CPPTYPE_BOOL:
      return types.count("boolean") > 0;
    default:
      return false;  // int64, uint64, float, enums: never in the API's messages
  }
}

/// Compares schemas with messages, collecting one line per difference.
class schema_check {
 public:
  /// Every property of `schema` is a field of `message` with its json_name, and back.
  void object(const json& schema, const pb::Descriptor* message, const std::string& at) {
    // Only a component can recur (SupervisionNode.children); inline schemas are copies.
    if (schema.contains("$ref") && !visited_.insert({&resolve(schema), message}).second) return;
    auto properties = properties_of(schema);
    for (const auto& [key, sub] : properties.items()) {
      const auto* field = field_by_json_name(message, key);
      if (field == nullptr)
        problem(at + "." + key, "no field of " + message->full_name() + " has this json_name");
      else
        this->field(sub, field, at + "." + key);
    }
    for (int i = 0; i < message->field_count(); ++i)
      if (!properties.contains(message->field(i)->json_name()))
        problem(at + "." + message->field(i)->json_name(),
                "field " + message->field(i)->full_name() + " is not a property of the schema");
  }

  /// A schema that is a JSON array and a message whose only field is the list `items`.
  void array(const json& schema, const pb::Descriptor* message, const std::string& at) {
    const auto* items = message->FindFieldByName("items");
    if (message->field_count() != 1 || items == nullptr || !items->is_repeated())
      return problem(at, message->full_name() + " is not a list message {repeated items}");
    field(schema, items, at);
  }

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void field(const json& schema, const pb::FieldDescriptor* field, const std::string& at) {
    const json& unresolved = non_null(schema);
    const json& s = resolve(unresolved);
    auto types = types_of(s);
    if (field->is_map()) {
      if (!types.count("object") || !s.value("additionalProperties", json()).is_object())
        problem(at, "a map field for a schema that is not an object of typed values");
      return;
    }
    if (types.count("array")) {
      if (!field->is_repeated()) return problem(at, "an array but not a repeated field");
      return value(s.at("items"), field, at + "[]");
    }
    if (field->is_repeated()) return problem(at, "a repeated field but not an array");
    value(schema, field, at);
  }

  void value(const json& schema, const pb::FieldDescriptor* field, const std::string& at) {
    bool nullable = types_of(resolve(schema)).count("null") > 0 || schema.contains("oneOf");
    const json& unresolved = non_null(schema);
    const json& s = resolve(unresolved);
    auto types = types_of(s);
    if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (nullable) return problem(at, "nullable, so it needs a wrapper or a message field");
      if (!scalar_fits(field->cpp_type(), types))
        problem(at, std::string{"a "} + field->cpp_type_name() + " field cannot hold it");
      return;
    }
    const auto* message = field->message_type();
    if (is_free(message)) return;
    if (auto wrapped = wrapped_type(message); !wrapped.empty()) {
      bool fits =
          types.empty() || types.count(wrapped) || (wrapped == "number" && types.count("integer"));
      if (!fits) return problem(at, message->full_name() + " cannot hold it");
      if (!nullable && !types.empty()) problem(at, "a wrapper for a value that is never null");
      return;
    }
    if (!types.count("object")) return problem(at, "a message field for a non-object");
    auto name = ref_name(unresolved);
    if (auto alias = message_aliases.find(name); alias != message_aliases.end())
      name = alias->second;
    if (!name.empty() && name != message->name())
      problem(at, "refers to schema " + name + " but the field is " + message->full_name());
    object(unresolved, message, at);
  }

  void problem(const std::string& at, const std::string& what) {
    problems_.push_back(at + ": " + what);
  }

  std::set<std::pair<const json*, const pb::Descriptor*>> visited_;
  std::vector<std::string> problems_;
};

/// The JSON schema of an operation's body or of its first 2xx answer with content; null if none.
json body_schema(const json& operation, bool request) {
  if (request)
    return operation.value("requestBody", json::object())
        .value("content", json::object())
        .value("application/json", json::object())
        .value("schema", json());
  for (const auto& [status, answer] : operation.at("responses").items())
    if (status[0] == '2' && answer.contains("content"))
      return answer.at("content").value("application/json", json::object()).value("schema", json());
  return nullptr;
}

/// The array alternative of a `oneOf` (one object or an array), else `s`.
const json& array_form(const json& s) {
  if (!s.contains("oneOf")) return s;
  for (const auto& alternative : s.at("oneOf"))
    if (alternative.value("type", json()) == "array") return alternative;
  return s;
}

/// Checks one side of an operation: the message exists, is named after the schema and matches.
void check_form(const json& operation, bool request, schema_check& check) {
  const auto& forms = operation.at("x-protobuf");
  std::string side = request ? "request" : "response";
  std::string at = operation.at("operationId").get<std::string>() + " " + side;
  json schema = body_schema(operation, request);
  if (!forms.contains(side)) {
    BOOST_TEST(schema.is_null(), at << ": the operation has a JSON body but no message");
    return;
  }
  auto name = forms.at(side).get<std::string>();
  const auto* message = find_message(name);
  BOOST_TEST_REQUIRE(message != nullptr, at << ": no message " << name);
  BOOST_TEST_REQUIRE(schema.is_object(), at << ": a message but no JSON body");
  if (forms.value(side + "Array", false)) return check.array(array_form(schema), message, at);
  BOOST_TEST(name == "auraos.v1." + ref_name(schema), at << ": named after the schema");
  check.object(schema, message, at);
}



}  // namespace

BOOST_AUTO_TEST_SUITE(api_messages)

BOOST_AUTO_TEST_CASE(every_json_operation_names_messages_that_match_its_schemas) {
  schema_check check;
  int operations = 0;
  for (const auto& [path, item] : document().at("paths").items())
    for (const auto& [method, operation] : item.items()) {
      if (!operation.is_object() || !operation.contains("operationId")) continue;
      auto id = operation.at("operationId").get<std::string>();
      if (!operation.contains("x-protobuf")) {
        // A route without Protobuf forms answers 406 to Accept: application/x-protobuf, so
        // even a 204 route (a DELETE, whose errors are JSON) has x-protobuf, empty.
        BOOST_TEST(not_json.count(id) > 0, id << " speaks JSON but has no x-protobuf");
        continue;
      }
      BOOST_TEST(not_json.count(id) == 0, id << " does not speak JSON but has x-protobuf");
      ++operations;
      check_form(operation, true, check);
      check_form(operation, false, check);
    }
  BOOST_TEST(operations == 77);
  std::string lines;
  for (const auto& line : check.problems()) lines += "  " + line + "\n";
  BOOST_TEST(check.problems().empty(), "messages and schemas differ:\n" << lines);
}

BOOST_AUTO_TEST_CASE(api_messages_have_no_64_bit_integers) {
  BOOST_TEST_REQUIRE(find_message("auraos.v1.Error") != nullptr);  // keeps the files linked
  std::vector<const pb::Descriptor*> pending;
  for (const auto& name : api_files) {
    const auto* file = pb::DescriptorPool::generated_pool()->FindFileByName(name);
    BOOST_TEST_REQUIRE(file != nullptr, name << " is not linked in");
    BOOST_TEST(file->package() == "auraos.v1");
    for (int i = 0; i < file->message_type_count(); ++i) pending.push_back(file->message_type(i));
  }
  while (!pending.empty()) {
    const auto* message = pending.back();
    pending.pop_back();
    for (int i = 0; i < message->nested_type_count(); ++i)
      pending.push_back(message->nested_type(i));
    for (int i = 0; i < message->field_count(); ++i) {
      auto type = message->field(i)->cpp_type();
      BOOST_TEST((type != pb::FieldDescriptor::CPPTYPE_INT64 &&
                  type != pb::FieldDescriptor::CPPTYPE_UINT64 &&
                  type != pb::FieldDescriptor::CPPTYPE_ENUM),
                 message->field(i)->full_name() << " prints as a string or a proto enum");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
