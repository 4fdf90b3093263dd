// The route table of the Protobuf forms, parsed from the OpenAPI document on first use.

#include "gateway/protobuf_routes.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "gateway/openapi_document.hpp"

namespace auraos::gateway {
namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::vector<protobuf_route> read_routes() {
  std::vector<protobuf_route> out;
  auto document = nlohmann::json::parse(openapi_document());
  for (const auto& [path, operations] : document.at("paths").items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (!operation.is_object() || !operation.contains("x-protobuf")) continue;
      const auto& forms = operation.at("x-protobuf");
      protobuf_route route;
      route.operation = operation.value("operationId", "");
      route.route = route_pattern{upper(method), path};
      route.request = forms.value("request", "");
      route.response = forms.value("response", "");
      route.request_is_array = forms.value("requestArray", false);
      route.response_is_array = forms.value("responseArray", false);
      out.push_back(std::move(route));
    }
  }
  return out;
}

}  // namespace

const std::vector<protobuf_route>& protobuf_routes() {
  static const std::vector<protobuf_route> routes = read_routes();
  return routes;
}

const protobuf_route* find_protobuf_route(const route_pattern& route) {
  for (const auto& each : protobuf_routes())
    if (each.route.method == route.method && each.route.pattern == route.pattern) return &each;
  return nullptr;
}

const protobuf_route* find_protobuf_operation(std::string_view operation) {
  for (const auto& each : protobuf_routes())
    if (each.operation == operation) return &each;
  return nullptr;
}

}  // namespace auraos::gateway
