#include "runtime/events/patterns/rule_parse.hpp"

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/events/patterns/rule_fields.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::events::patterns {
namespace {

using nlohmann::json;
namespace def = definition;

sequence_rule read_sequence(const def::scope& at, const json& doc) {
  def::check_known_fields(at, doc, {"id", "name", "kind", "emit", "steps", "within", "by"});
  sequence_rule shape;
  const json* steps = def::member(doc, "steps");
  if (!steps) at.report("steps", "required");
  bool listed = steps && def::expect(at, "steps", *steps, steps->is_array(), "an array");
  if (listed && (steps->size() < 2 || steps->size() > max_steps))
    at.report("steps", "must hold 2 to " + std::to_string(max_steps) + " steps, found " +
                           std::to_string(steps->size()));
  for (std::size_t i = 0; listed && i < steps->size(); ++i) {
    auto inner = at.element("steps[" + std::to_string(i) + "]");
    const json& step = (*steps)[i];
    if (!def::expect(inner, "", step, step.is_object(), "an object")) continue;
    def::check_known_fields(inner, step, {"type", "where"});
    if (auto read = read_step(inner, step)) shape.steps.push_back(std::move(*read));
  }
  shape.within = read_seconds(at, doc, "within", max_within_seconds).value_or(0);
  shape.by = read_by(at, doc);
  return shape;
}

absence_rule read_absence(const def::scope& at, const json& doc) {
  def::check_known_fields(at, doc, {"id", "name", "kind", "emit", "first", "then", "within", "by"});
  absence_rule shape;
  shape.first = read_step_at(at, doc, "first").value_or(event_step{});
  shape.then = read_step_at(at, doc, "then").value_or(event_step{});
  shape.within = read_seconds(at, doc, "within", max_within_seconds).value_or(0);
  shape.by = read_by(at, doc);
  return shape;
}

threshold_rule read_threshold(const def::scope& at, const json& doc) {
  def::check_known_fields(at, doc,
                          {"id", "name", "kind", "emit", "type", "where", "count", "within", "by"});
  threshold_rule shape;
  shape.match = read_step(at, doc).value_or(event_step{});
  const json* count = def::member(doc, "count");
  if (!count) at.report("count", "required");
  bool whole = count && def::is_integral(*count) && count->get<double>() >= 1 &&
               count->get<double>() <= static_cast<double>(max_count);
  if (count &&
      def::expect(at, "count", *count, whole, "an integer from 1 to " + std::to_string(max_count)))
    shape.count = count->get<std::int64_t>();
  shape.within = read_seconds(at, doc, "within", max_within_seconds).value_or(0);
  shape.by = read_by(at, doc);
  return shape;
}

rate_rule read_rate(const def::scope& at, const json& doc) {
  def::check_known_fields(
      at, doc, {"id", "name", "kind", "emit", "type", "where", "windowSeconds", "deviations"});
  rate_rule shape;
  shape.match = read_step(at, doc).value_or(event_step{});
  shape.window_seconds = read_seconds(at, doc, "windowSeconds", max_window_seconds).value_or(0);
  if (!def::member(doc, "deviations")) at.report("deviations", "required");
  auto k = def::positive_number(at, doc, "deviations");
  if (k && *k > max_deviations)
    at.report("deviations", "must be at most " + std::to_string(static_cast<int>(max_deviations)));
  shape.deviations = k.value_or(0);
  return shape;
}

emit_target read_emit(const def::scope& at, const json& doc) {
  const json* emit = def::member(doc, "emit");
  if (!emit) at.report("emit", "required");
  if (!emit || !def::expect(at, "emit", *emit, emit->is_object(), "an object")) return {};
  auto inner = at.field("emit");
  def::check_known_fields(inner, *emit, {"type", "source"});
  return {read_event_name(inner, *emit, "type").value_or(""),
          read_event_name(inner, *emit, "source").value_or("")};
}

void read_identity(const def::scope& at, const json& doc, rule& out) {
  if (def::member(doc, "id")) {
    auto id = read_event_name(at, doc, "id");
    out.id = id.value_or("");
  }
  out.name = def::required_string(at, doc, "name").value_or("");
  if (def::member(doc, "name") && doc["name"].is_string() &&
      (out.name.empty() || out.name.size() > max_name_length))
    at.report("name", "must be 1 to " + std::to_string(max_name_length) + " characters");
}

rule_errors texts_of(const std::vector<def::definition_error>& errors) {
  rule_errors texts;
  for (const auto& error : errors) texts.push_back(error.to_string());
  return texts;
}

}  // namespace

result<rule, rule_errors> parse_rule(const json& document) {
  std::vector<def::definition_error> errors;
  def::scope root{errors};
  rule out;
  if (!def::expect(root, "", document, document.is_object(), "an object"))
    return fail(texts_of(errors));
  read_identity(root, document, out);
  if (!def::member(document, "kind")) root.report("kind", "required");
  auto kind = def::one_of(root, document, "kind", {"sequence", "absence", "threshold", "rate"});
  if (kind == "sequence") out.shape = read_sequence(root, document);
  if (kind == "absence") out.shape = read_absence(root, document);
  if (kind == "threshold") out.shape = read_threshold(root, document);
  if (kind == "rate") out.shape = read_rate(root, document);
  out.emit = read_emit(root, document);
  if (errors.empty()) return out;
  return fail(texts_of(errors));
}

result<rule, rule_errors> parse_rule_text(std::string_view json_text) {
  auto document = parse_json(json_text);
  if (!document) return fail(rule_errors{document.error().to_string()});
  return parse_rule(document.value());
}

}  // namespace auraos::runtime::events::patterns
