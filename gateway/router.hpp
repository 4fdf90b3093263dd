#pragma once
// Routes requests by method and path pattern ("/api/v1/workflows/{id}/executions").

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/http_message.hpp"
#include "gateway/responder.hpp"

namespace auraos::gateway {

/// Decoded values of a pattern's `{name}` segments, by name.
using path_params = std::map<std::string, std::string>;

/// A routed handler: the request, its path parameters, and the answer channel.
using route_handler = std::function<void(const http_request&, const path_params&, responder)>;

/// One route of a table: its method and its pattern exactly as added.
struct route_pattern {
  std::string method;   ///< e.g. "GET".
  std::string pattern;  ///< e.g. "/api/v1/workflows/{id}".
};

/// Stands between the router and a matched route: called with the route, the request, its
/// path parameters, the answer channel and the route's handler, which it calls (or answers
/// itself). E.g. the Protobuf codec, which turns bodies into JSON and answers into messages.
using route_filter = std::function<void(const route_pattern&, const http_request&,
                                        const path_params&, responder, const route_handler&)>;

/// A table of routes; unknown paths answer 404, known paths with another method 405 + Allow.
/// A HEAD request is dispatched to the path's GET route.
class router {
 public:
  /// Adds a route; `pattern` is literal segments and `{name}` segments matching one segment.
  /// Among routes matching a request, the first added wins.
  router& add(std::string method, std::string_view pattern, route_handler handler);

  /// Puts `filter` between the router and every matched route (replaces an earlier one).
  router& set_filter(route_filter filter);

  /// Finds the route of `request` and calls it, or answers 400/404/405 itself.
  void dispatch(const http_request& request, responder respond) const;

  /// A server handler that dispatches through this router (the router must outlive it).
  http_handler handler() const;

  /// Every added route in the order added (HEAD is not listed: the GET routes serve it).
  std::vector<route_pattern> routes() const;

 private:
  struct route {
    route_pattern name;
    std::vector<std::string> segments;
    route_handler handler;
  };

  std::vector<route> routes_;
  route_filter filter_;
};

}  // namespace auraos::gateway
