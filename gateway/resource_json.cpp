#include "gateway/resource_json.hpp"

#include <chrono>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "gateway/pagination.hpp"

namespace auraos::gateway {
namespace {

nlohmann::json parse_or_text(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json(text) : parsed;
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
                                                    : nlohmann::json(nullptr)}};
}

api_error store_api_error(const persistence::store_error& error) {
  using persistence::store_errc;
  switch (error.code) {
    case store_errc::not_found:
      return make_error(error_code::not_found, error.message);
    case store_errc::conflict:
      return make_error(error_code::conflict, error.message);
    case store_errc::invalid:
      return make_error(error_code::bad_request, error.message);
    case store_errc::unavailable:
      return make_error(error_code::unavailable, error.message);
    default:
      return make_error(error_code::internal, error.message);
  }
}

api_error execution_api_error(const actors::execution_failure& failure) {
  using actors::execution_errc;
  auto code = error_code::internal;
  switch (failure.code) {
    case execution_errc::not_found:
      code = error_code::not_found;
      break;
    case execution_errc::conflict:
      code = error_code::conflict;
      break;
    case execution_errc::invalid_input:
      code = error_code::invalid_input;
      break;
    case execution_errc::bad_request:
      code = error_code::bad_request;
      break;
    case execution_errc::unavailable:
      code = error_code::unavailable;
      break;
    case execution_errc::internal:
      break;
  }
  auto error = make_error(code, failure.message);
  error.details = std::make_shared<const nlohmann::json>(failure.details);
  return error;
}

http_response json_text_response(int status, std::string json_text) {
  http_response response;
  response.status = status;
  response.body = std::move(json_text);
  return response;
}

}  // namespace auraos::gateway
