#include "gateway/resource_json.hpp"

#include <chrono>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"
#include "gateway/pagination.hpp"

namespace auraos::gateway {
namespace {

/// A stored JSON column; a corrupt one (never written by this runtime) reads as its text.
nlohmann::json parse_or_text(const std::string& text) {
  auto parsed = runtime::parse_json(text, runtime::max_stored_json_depth);
  return parsed ? std::move(*parsed) : nlohmann::json(runtime::valid_utf8(text));
}

nlohmann::json optional_json(const std::optional<std::string>& text) {
  return text ? parse_or_text(*text) : nlohmann::json(nullptr);
}

nlohmann::json optional_time(const std::optional<std::int64_t>& ms) {
  return ms ? nlohmann::json(rfc3339_utc(*ms)) : nlohmann::json(nullptr);
}

}  // namespace

std::string rfc3339_utc(std::int64_t epoch_ms) {
  std::chrono::sys_time<std::chrono::milliseconds> time{std::chrono::milliseconds{epoch_ms}};
  return date::format("%FT%TZ", time);
}

nlohmann::json workflow_json(const persistence::workflow_record& record) {
  return {{"id", record.id},
          {"name", record.name},
          {"description", record.description},
          {"version", record.version},
          {"revision", record.revision},
          {"status", std::string{persistence::to_string(record.status)}},
          {"tags", record.tags},
          {"createdAt", rfc3339_utc(record.created_at)},
          {"updatedAt", rfc3339_utc(record.updated_at)},
          {"definition", parse_or_text(record.definition)}};
}

nlohmann::json revision_summary_json(const persistence::workflow_record& record) {
  return {{"revision", record.revision}, {"createdAt", rfc3339_utc(record.updated_at)},
          {"name", record.name},         {"description", record.description},
          {"version", record.version},   {"tags", record.tags}};
}

http_response workflow_page_response(
    const persistence::store_result<persistence::page<persistence::workflow_record>>& found,
    nlohmann::json (*shape)(const persistence::workflow_record&)) {
  if (!found) return error_response(store_api_error(found.error()));
  auto items = nlohmann::json::array();
  for (const auto& record : found->items) items.push_back(shape(record));
  return page_response(items, found->next_cursor);
}

nlohmann::json execution_summary_json(const persistence::execution_record& record) {
  return {{"id", record.id},
          {"workflowId", record.workflow_id},
          {"revision", record.revision},
          {"status", std::string{persistence::to_string(record.status)}},
          {"input", parse_or_text(record.input)},
          {"output", optional_json(record.output)},
          {"error", optional_json(record.error)},
          {"createdAt", rfc3339_utc(record.created_at)},
          {"startedAt", optional_time(record.started_at)},
          {"completedAt", optional_time(record.completed_at)},
          {"idempotencyKey", record.idempotency_key ? nlohmann::json(*record.idempotency_key)
                                                    : nlohmann::json(nullptr)},
          {"createdBy",
           record.created_by ? nlohmann::json(*record.created_by) : nlohmann::json(nullptr)}};
}

http_response json_text_response(int status, std::string json_text) {
  http_response response;
  response.status = status;
  response.body = std::move(json_text);
  return response;
}

}  // namespace auraos::gateway
