#include "runtime/events/event_json.hpp"

#include <nlohmann/json.hpp>

#include "runtime/engine/time_text.hpp"

namespace auraos::runtime::events {
namespace {

/// Stored JSON text as a value (text the store holds is valid; anything else stays a string).
nlohmann::json parsed(const std::string& text) {
  auto value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(text) : value;
}

nlohmann::json optional_text(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}

}  // namespace

nlohmann::json event_json(const event& e) {
  return {{"id", e.id},
          {"type", e.type},
          {"source", e.source},
          {"timestamp", engine::format_rfc3339_ms(e.timestamp)},
          {"data", parsed(e.data)},
          {"metadata", parsed(e.metadata)},
          {"correlationId", optional_text(e.correlation_id)},
          {"causationId", optional_text(e.causation_id)}};
}

}  // namespace auraos::runtime::events
