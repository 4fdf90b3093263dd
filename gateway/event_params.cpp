// Event filters from query parameters.

#include "gateway/event_params.hpp"

#include "gateway/query_params.hpp"
#include "runtime/events/event_fields.hpp"

namespace auraos::gateway {
namespace {

api_error bad_value(std::string_view name, const std::string& problem) {
  return make_error(errc::invalid, "query parameter '" + std::string{name} + "' " + problem);
}

/// An optional single name or id parameter checked by `problem_of`.
template <class Check>
result<std::optional<std::string>, api_error> checked_param(const http_request& request,
                                                            std::string_view name,
                                                            Check problem_of) {
  auto text = request.query_param(name);
  if (!text) return std::optional<std::string>{};
  if (auto problem = problem_of(*text)) return fail(bad_value(name, *problem));
  return text;
}

}  // namespace

result<event_params, api_error> parse_event_params(const http_request& request) {
  namespace ev = runtime::events;
  event_params params;
  auto& filter = params.filter;
  auto types = repeated_param(request, "type");
  if (!types) return fail(types.error());
  for (const auto& type : *types)
    if (auto problem = ev::name_problem(type)) return fail(bad_value("type", *problem));
  filter.types = std::move(*types);
  auto source = checked_param(request, "source", ev::name_problem);
  if (!source) return fail(source.error());
  filter.source = std::move(*source);
  auto correlation = checked_param(request, "correlationId", ev::id_problem);
  if (!correlation) return fail(correlation.error());
  filter.correlation_id = std::move(*correlation);
  auto from = time_param(request, "from");
  if (!from) return fail(from.error());
  auto to = time_param(request, "to");
  if (!to) return fail(to.error());
  filter.from_ms = *from;
  filter.to_ms = *to;
  if (auto where = request.query_param("where"); where && !where->empty()) {
    auto parsed = ev::parse_where(*where);
    if (!parsed) return fail(bad_value("where", "is not a valid expression: " + parsed.error()));
    filter.where = std::move(*parsed);
    params.where = *where;
  }
  return params;
}

persistence::event_filter store_filter(const runtime::events::event_filter& filter) {
  persistence::event_filter out;
  out.types = filter.types;
  out.source = filter.source;
  out.from_ms = filter.from_ms;
  out.to_ms = filter.to_ms;
  out.correlation_id = filter.correlation_id;
  return out;
}

}  // namespace auraos::gateway
