#include "runtime/events/patterns/rule_json.hpp"

#include <cstdint>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {
namespace {

using nlohmann::json;

/// Adds `type` and, when present, `where` to `out`.
void put_step(json& out, const event_step& step) {
  out["type"] = step.type;
  if (step.where) out["where"] = step.where->source();
}

json step_json(const event_step& step) {
  json out = json::object();
  put_step(out, step);
  return out;
}

/// A number as people write it: 5 rather than 5.0 when whole.
json number_json(double number) {
  auto whole = static_cast<std::int64_t>(number);
  return static_cast<double>(whole) == number ? json(whole) : json(number);
}

void put_by(json& out, const std::optional<by_path>& by) {
  if (by) out["by"] = by->text;
}

void put_shape(json& out, const sequence_rule& shape) {
  out["steps"] = json::array();
  for (const auto& step : shape.steps) out["steps"].push_back(step_json(step));
  out["within"] = number_json(shape.within);
  put_by(out, shape.by);
}

void put_shape(json& out, const absence_rule& shape) {
  out["first"] = step_json(shape.first);
  out["then"] = step_json(shape.then);
  out["within"] = number_json(shape.within);
  put_by(out, shape.by);
}

void put_shape(json& out, const threshold_rule& shape) {
  put_step(out, shape.match);
  out["count"] = shape.count;
  out["within"] = number_json(shape.within);
  put_by(out, shape.by);
}

void put_shape(json& out, const rate_rule& shape) {
  put_step(out, shape.match);
  out["windowSeconds"] = number_json(shape.window_seconds);
  out["deviations"] = number_json(shape.deviations);
}

}  // namespace

json rule_json(const rule& r) {
  json out = json::object();
  if (!r.id.empty()) out["id"] = r.id;
  out["name"] = r.name;
  out["kind"] = kind_name(r.kind());
  std::visit([&](const auto& shape) { put_shape(out, shape); }, r.shape);
  out["emit"] = {{"type", r.emit.type}, {"source", r.emit.source}};
  return out;
}

}  // namespace auraos::runtime::events::patterns
