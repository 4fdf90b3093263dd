// The audit log over REST (the seed's AuditService): filtered pages, exports as CSV or JSON
// lines, and a report of the counts per outcome and per action of a time frame.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "gateway/auth/auth_routes.hpp"
#include "gateway/auth/security_calls.hpp"
#include "gateway/auth/security_json.hpp"
#include "gateway/auth/wall_clock.hpp"
#include "gateway/pagination.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/rfc3339.hpp"

namespace auraos::gateway::auth {
namespace {

namespace p = persistence;
using ctx = std::shared_ptr<node_context>;
using json = nlohmann::json;

/// The most entries one export holds (the answer says when there were more).
constexpr std::int64_t max_export = 100000;

/// The RFC 3339 query parameter `name` in ms, or the 400 naming it.
result<std::optional<std::int64_t>, api_error> time_param(const http_request& request,
                                                          const char* name) {
  auto text = request.query_param(name);
  if (!text) return std::optional<std::int64_t>{};
  auto parsed = runtime::parse_rfc3339(*text);
  if (!parsed)
    return fail(make_error(errc::invalid, fmt::format("query parameter '{}' must be an RFC 3339 "
                                                      "time, e.g. 2026-01-31T12:00:00Z",
                                                      name)));
  return std::optional<std::int64_t>{
      std::chrono::duration_cast<std::chrono::milliseconds>(parsed->time_since_epoch()).count()};
}

result<p::audit_filter, api_error> filter_of(const http_request& request) {
  p::audit_filter filter;
  auto from = time_param(request, "from");
  if (!from) return fail(from.error());
  auto to = time_param(request, "to");
  if (!to) return fail(to.error());
  filter.from = *from;
  filter.to = *to;
  filter.actor = request.query_param("actor");
  filter.action = request.query_param("action");
  filter.target = request.query_param("target");
  filter.outcome = request.query_param("outcome");
  if (filter.outcome && *filter.outcome != "allowed" && *filter.outcome != "refused" &&
      *filter.outcome != "failed")
    return fail(make_error(errc::invalid,
                           "query parameter 'outcome' must be allowed, refused or failed"));
  return filter;
}

void list(const ctx& node, const http_request& request, responder respond) {
  auto filter = filter_of(request);
  if (!filter) return void(respond(error_response(filter.error())));
  auto page = parse_page_request(request, default_page_limit, cursor_kind::number);
  if (!page) return void(respond(error_response(page.error())));
  p::page_request query;
  query.limit = page->limit;
  if (!page->position.empty()) query.cursor = page->position;
  read_security<p::page<p::audit_record>>(
      node, respond,
      [filter = *filter, query](p::security_store& db) { return db.list_audit(filter, query); },
      [respond](p::page<p::audit_record>& entries) {
        auto items = json::array();
        for (const auto& each : entries.items) items.push_back(audit_json(each));
        respond(page_response(items, entries.next_cursor));
      });
}

/// A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
/// prefixed with ' so a spreadsheet does not run it as a formula.
std::string csv_field(const std::string& value) {
  std::string text = value;
  if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos)
    text.insert(0, "'");
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_line(const p::audit_record& entry) {
  auto text = [](const std::optional<std::string>& value) { return value.value_or(""); };
  std::vector<std::string> fields = {std::to_string(entry.seq), rfc3339_utc(entry.at),
                                     entry.actor,               entry.actor_name,
                                     text(entry.token_id),      entry.action,
                                     text(entry.target),        entry.source,
                                     entry.outcome,             std::to_string(entry.status)};
  std::string out;
  for (const auto& field : fields) out += (out.empty() ? "" : ",") + csv_field(field);
  return out + "\r\n";
}

void export_entries(const ctx& node, const http_request& request, responder respond) {
  auto filter = filter_of(request);
  if (!filter) return void(respond(error_response(filter.error())));
  auto format = request.query_param("format").value_or("jsonl");
  if (format != "csv" && format != "jsonl")
    return void(respond(error_response(
        make_error(errc::invalid, "query parameter 'format' must be csv or jsonl"))));
  struct exported {
    std::vector<p::audit_record> entries;
    bool truncated = false;
  };
  read_security<exported>(
      node, respond,
      [filter = *filter](p::security_store& db) -> p::store_result<exported> {
        exported out;
        p::page_request page;
        page.limit = 1000;
        while (true) {
          auto rows = db.list_audit(filter, page);
          if (!rows) return fail(rows.error());
          for (auto& each : rows->items) out.entries.push_back(std::move(each));
          if (!rows->next_cursor) break;
          if (static_cast<std::int64_t>(out.entries.size()) >= max_export) {
            out.truncated = true;
            break;
          }
          page.cursor = rows->next_cursor;
        }
        return out;
      },
      [respond, format](exported& found) {
        http_response response;
        if (format == "csv") {
          response.content_type = "text/csv; charset=utf-8";
          response.body =
              "seq,at,actor,actorName,tokenId,action,target,source,outcome,status\r\n";
          for (const auto& each : found.entries) response.body += csv_line(each);
        } else {
          response.content_type = "application/x-ndjson";
          for (const auto& each : found.entries) response.body += audit_json(each).dump() + "\n";
        }
        response.headers.set("Content-Disposition",
                             "attachment; filename=\"audit." + format + "\"");
        if (found.truncated) response.headers.set("AuraOS-Truncated", "true");
        respond(std::move(response));
      });
}

void report(const ctx& node, const http_request& request, responder respond) {
  auto from = time_param(request, "from");
  if (!from) return void(respond(error_response(from.error())));
  auto to = time_param(request, "to");
  if (!to) return void(respond(error_response(to.error())));
  auto end = to->value_or(now_ms());
  auto start = from->value_or(end - 24LL * 3600 * 1000);
  if (start > end)
    return void(respond(error_response(
        make_error(errc::invalid, "query parameter 'from' must not be later than 'to'"))));
  read_security<p::audit_summary>(
      node, respond, [start, end](p::security_store& db) { return db.summarize_audit(start, end); },
      [respond, start, end](p::audit_summary& summary) {
        auto counts = [](const std::vector<p::audit_count>& rows) {
          json out = json::object();
          for (const auto& each : rows) out[each.key] = each.count;
          return out;
        };
        respond(json_response(200, {{"from", rfc3339_utc(start)},
                                    {"to", rfc3339_utc(end)},
                                    {"total", summary.total},
                                    {"byOutcome", counts(summary.by_outcome)},
                                    {"byAction", counts(summary.by_action)}}));
      });
}

}  // namespace

void add_audit_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/audit",
             [node](const http_request& request, const path_params&, responder respond) {
               list(node, request, std::move(respond));
             });
  routes.add("GET", "/api/v1/audit/export",
             [node](const http_request& request, const path_params&, responder respond) {
               export_entries(node, request, std::move(respond));
             });
  routes.add("GET", "/api/v1/audit/report",
             [node](const http_request& request, const path_params&, responder respond) {
               report(node, request, std::move(respond));
             });
}

}  // namespace auraos::gateway::auth
