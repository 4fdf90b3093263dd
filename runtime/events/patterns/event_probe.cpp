#include "runtime/events/patterns/event_probe.hpp"

#include <chrono>
#include <cmath>

#include <nlohmann/json.hpp>

#include "runtime/events/event_json.hpp"

namespace auraos::runtime::events::patterns {

using nlohmann::json;

namespace {

/// A whole floating-point number as an integer's text, so that 7.0 and 7 are one key.
std::optional<std::string> number_text(const json& value) {
  if (!value.is_number_float()) return std::nullopt;
  double number = value.get<double>();
  if (std::trunc(number) != number || std::fabs(number) > 9.0e15) return std::nullopt;
  return json(static_cast<std::int64_t>(number)).dump();
}

}  // namespace

event_probe::event_probe(const event& e, std::int64_t now_ms) : event_(&e), now_ms_(now_ms) {}

event_probe::~event_probe() = default;

const json& event_probe::scope() {
  if (!scope_) scope_ = std::make_unique<json>(json{{"event", event_json(*event_)}});
  return *scope_;
}

bool event_probe::matches(const event_step& step) {
  if (event_->type != step.type) return false;
  if (!step.where) return true;
  auto known = verdicts_.find(&step);
  if (known != verdicts_.end()) return known->second;
  expr::evaluation_options options;
  options.now = std::chrono::system_clock::time_point{std::chrono::milliseconds{now_ms_}};
  auto value = step.where->evaluate(scope(), options);
  bool verdict = value && value.value().is_boolean() && value.value().get<bool>();
  verdicts_.emplace(&step, verdict);
  return verdict;
}

std::optional<std::string> event_probe::key(const std::optional<by_path>& by) {
  if (!by) return std::string{};
  if (by->correlation) {
    if (!event_->correlation_id) return std::nullopt;
    return json(*event_->correlation_id).dump();
  }
  const json* value = &scope()["event"]["data"];
  for (const auto& name : by->data_path) {
    if (!value->is_object()) return std::nullopt;
    auto it = value->find(name);
    if (it == value->end()) return std::nullopt;
    value = &*it;
  }
  if (!value->is_string() && !value->is_number() && !value->is_boolean()) return std::nullopt;
  return number_text(*value).value_or(value->dump());
}

}  // namespace auraos::runtime::events::patterns
