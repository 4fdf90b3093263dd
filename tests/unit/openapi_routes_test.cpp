// The OpenAPI document (gateway/openapi/openapi.json) against the real router: the same
// (method, path) pairs both ways, a well-formed 3.1 document, and served as compiled in.
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "gateway/openapi_document.hpp"
#include "tests/support/api_router.hpp"
#include "tests/support/process.hpp"

namespace gw = auraos::gateway;
using auraos::test::api_router;
using nlohmann::json;

namespace {

/// Routes as "METHOD /path/{param}" lines.
using route_set = std::set<std::string>;

/// The operations a path item may hold, by their key.
const std::set<std::string> operation_keys = {"get",     "put",  "post",  "delete",
                                              "options", "head", "patch", "trace"};

json document() {
  return json::parse(gw::openapi_document());
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

route_set served(const gw::router& routes) {
  route_set out;
  for (const auto& route : routes.routes()) out.insert(route.method + " " + route.pattern);
  return out;
}

route_set documented(const json& doc) {
  route_set out;
  for (const auto& [path, item] : doc.at("paths").items())
    for (const auto& [key, operation] : item.items())
      if (operation_keys.count(key)) out.insert(upper(key) + " " + path);
  return out;
}

/// The lines of `a` that `b` lacks, one per line.
std::string lacking(const route_set& a, const route_set& b) {
  std::string out;
  for (const auto& line : a)
    if (!b.count(line)) out += "  " + line + "\n";
  return out;
}

/// What a local `$ref` ("#/components/schemas/Error") names, or null when nothing.
const json* resolve(const json& doc, const std::string& ref) {
  if (ref.rfind("#/", 0) != 0) return nullptr;
  json::json_pointer pointer{ref.substr(1)};
  return doc.contains(pointer) ? &doc.at(pointer) : nullptr;
}

void collect_refs(const json& value, std::vector<std::string>& out) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (key == "$ref" && member.is_string())
        out.push_back(member.get<std::string>());
      else
        collect_refs(member, out);
    }
  }
  if (value.is_array())
    for (const auto& member : value) collect_refs(member, out);
}

/// The `{name}` segments of a path.
std::set<std::string> template_names(const std::string& path) {
  std::set<std::string> names;
  for (auto open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1))
    names.insert(path.substr(open + 1, path.find('}', open) - open - 1));
  return names;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

/// The path parameters declared required on a path item and one of its operations.
std::set<std::string> declared_path_params(const json& doc, const json& item,
                                           const json& operation) {
  std::set<std::string> names;
  for (const auto* owner : {&item, &operation})
    for (const auto& entry : owner->value("parameters", json::array())) {
      const auto* param = entry.contains("$ref") ? resolve(doc, entry["$ref"]) : &entry;
      if (param && param->value("in", "") == "path" && param->value("required", false))
        names.insert(param->at("name").get<std::string>());
    }
  return names;
}

/// The answer of the router to `method target`, with `headers`.
gw::http_response dispatch(const gw::router& routes, const std::string& method,
                           const std::string& target, const gw::header_map& headers = {}) {
  gw::http_request request;
  request.method = method;
  request.target = request.path = target;
  request.headers = headers;
  auto answer = std::make_shared<gw::http_response>();
  routes.dispatch(request, gw::responder([answer](gw::http_response r) { *answer = r; }));
  return *answer;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi_routes)

BOOST_AUTO_TEST_CASE(every_served_route_is_documented_and_every_documented_route_is_served) {
  api_router api;
  auto in_router = served(*api.routes);
  auto in_document = documented(document());
  BOOST_TEST_REQUIRE(in_router.size() > 60u);
  BOOST_TEST(lacking(in_router, in_document).empty(),
             "served but not in gateway/openapi/openapi.json:\n"
                 << lacking(in_router, in_document));
  BOOST_TEST(lacking(in_document, in_router).empty(),
             "in gateway/openapi/openapi.json but not served:\n"
                 << lacking(in_document, in_router));
}

BOOST_AUTO_TEST_CASE(the_document_is_openapi_3_1_with_unique_operation_ids_and_declared_params) {
  auto doc = document();
  BOOST_TEST(doc.at("openapi") == "3.1.0");
  std::set<std::string> ids;
  for (const auto& [path, item] : doc.at("paths").items())
    for (const auto& [key, operation] : item.items()) {
      if (!operation_keys.count(key)) continue;
      auto where = upper(key) + " " + path;
      auto id = operation.value("operationId", "");
      BOOST_TEST(!id.empty(), where << " has no operationId");
      BOOST_TEST(ids.insert(id).second, where << ": operationId " << id << " is used twice");
      auto declared = declared_path_params(doc, item, operation);
      auto wrong = where + ": its required path parameters are {" + joined(declared) + "}";
      BOOST_TEST((declared == template_names(path)), wrong);
    }
}

BOOST_AUTO_TEST_CASE(every_ref_resolves) {
  auto doc = document();
  std::vector<std::string> refs;
  collect_refs(doc, refs);
  BOOST_TEST_REQUIRE(!refs.empty());
  for (const auto& ref : refs)
    BOOST_TEST(resolve(doc, ref), "$ref " << ref << " resolves to nothing");
}

BOOST_AUTO_TEST_CASE(the_router_serves_the_document_compiled_from_the_source_file) {
  std::ifstream file{auraos::test::source_dir() + "/gateway/openapi/openapi.json"};
  std::stringstream source;
  source << file.rdbuf();
  BOOST_TEST(source.str() == gw::openapi_document(), "the binary holds a stale document");
  api_router api;
  auto answer = dispatch(*api.routes, "GET", "/api/v1/openapi.json");
  BOOST_TEST(answer.status == 200);
  BOOST_TEST(answer.content_type == "application/json");
  BOOST_TEST(json::parse(answer.body).at("info").at("title") == "AuraOS Runtime REST API");
  BOOST_TEST(answer.headers.get("ETag").value_or("") == gw::openapi_etag());
  BOOST_TEST(dispatch(*api.routes, "HEAD", "/api/v1/openapi.json").status == 200);
  gw::header_map revalidate;
  revalidate.set("If-None-Match", gw::openapi_etag());
  auto unchanged = dispatch(*api.routes, "GET", "/api/v1/openapi.json", revalidate);
  BOOST_TEST(unchanged.status == 304);
  BOOST_TEST(unchanged.body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
