#include "runtime/schedule/schedule_spec.hpp"

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/scope.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/schedule/cron_times.hpp"

namespace auraos::runtime::schedule {
namespace {

using definition::scope;
using nlohmann::json;

/// The largest `every` and `catchupWindowSeconds`: ten years keeps every sum in range.
constexpr std::int64_t max_seconds = 10LL * 365 * 86400;

/// An optional whole number of seconds in [low, max_seconds], in milliseconds.
std::optional<std::int64_t> seconds_field(const scope& at, const json& document,
                                          std::string_view key, std::int64_t low) {
  const json* value = definition::member(document, key);
  if (!value) return std::nullopt;
  bool ok = definition::is_integral(*value) && value->get<double>() >= static_cast<double>(low) &&
            value->get<double>() <= static_cast<double>(max_seconds);
  if (!definition::expect(at, key, *value, ok,
                          "a whole number of seconds from " + std::to_string(low) + " to " +
                              std::to_string(max_seconds)))
    return std::nullopt;
  return static_cast<std::int64_t>(value->get<double>()) * 1000;
}

void read_cron(const scope& root, const json& document, schedule_spec& spec) {
  spec.kind = schedule_kind::cron;
  if (auto text = definition::optional_string(root, document, "cron")) {
    auto parsed = parse_cron(*text);
    if (!parsed)
      root.report("cron", parsed.error().to_string());
    else
      spec.cron = *parsed;
    spec.cron_text = *text;
  }
  if (auto zone = definition::optional_string(root, document, "timezone")) {
    if (!find_time_zone(*zone)) root.report("timezone", "unknown IANA time zone \"" + *zone + "\"");
    spec.timezone = *zone;
  }
}

void read_at(const scope& root, const json& document, schedule_spec& spec) {
  spec.kind = schedule_kind::at;
  auto text = definition::optional_string(root, document, "at");
  if (!text) return;
  auto when = engine::parse_rfc3339_ms(*text);
  if (!when) return root.report("at", "must be an RFC 3339 date-time such as 2026-12-24T18:00:00Z");
  spec.at_ms = *when;
}

/// Exactly one of cron, every and at: reads it into `spec`.
void read_trigger(const scope& root, const json& document, schedule_spec& spec) {
  std::vector<std::string_view> given;
  for (std::string_view key : {"cron", "every", "at"})
    if (definition::member(document, key)) given.push_back(key);
  if (given.empty()) {
    root.report("", "one of \"cron\", \"every\" and \"at\" is required");
    return;
  }
  for (std::size_t i = 1; i < given.size(); ++i)
    root.report(given[i], "only one of \"cron\", \"every\" and \"at\" may be given, found \"" +
                              std::string{given[0]} + "\" too");
  if (given[0] == "cron") read_cron(root, document, spec);
  if (given[0] == "at") read_at(root, document, spec);
  if (given[0] == "every") {
    spec.kind = schedule_kind::every;
    spec.every_ms = seconds_field(root, document, "every", 1).value_or(0);
  }
  if (given[0] != "cron" && definition::member(document, "timezone"))
    root.report("timezone", "only allowed with \"cron\"");
}

void read_policy(const scope& root, const json& document, schedule_spec& spec) {
  if (const json* input = definition::member(document, "input"))
    spec.input = std::make_shared<const json>(*input);
  auto overlap = definition::one_of(root, document, "overlap",
                                    {"skip", "buffer_one", "allow_all", "cancel_other"});
  if (overlap == "buffer_one") spec.overlap = overlap_policy::buffer_one;
  if (overlap == "allow_all") spec.overlap = overlap_policy::allow_all;
  if (overlap == "cancel_other") spec.overlap = overlap_policy::cancel_other;
  if (auto window = seconds_field(root, document, "catchupWindowSeconds", 0))
    spec.catchup_window_ms = *window;
  if (const json* paused = definition::member(document, "paused"))
    if (definition::expect(root, "paused", *paused, paused->is_boolean(), "a boolean"))
      spec.paused = paused->get<bool>();
}

}  // namespace

std::string_view to_string(overlap_policy policy) {
  switch (policy) {
    case overlap_policy::skip:
      return "skip";
    case overlap_policy::buffer_one:
      return "buffer_one";
    case overlap_policy::allow_all:
      return "allow_all";
    case overlap_policy::cancel_other:
      return "cancel_other";
  }
  return "skip";
}

result<schedule_spec, std::vector<schedule_error>> parse_schedule(const json& document) {
  std::vector<schedule_error> errors;
  scope root{errors};
  if (!document.is_object()) {
    root.report("", "a schedule must be a JSON object, found " +
                        std::string{definition::type_name(document)});
    return fail(std::move(errors));
  }
  definition::check_known_fields(
      root, document,
      {"cron", "timezone", "every", "at", "input", "overlap", "catchupWindowSeconds", "paused"});
  schedule_spec spec;
  read_trigger(root, document, spec);
  read_policy(root, document, spec);
  if (!errors.empty()) return fail(std::move(errors));
  return spec;
}

result<schedule_spec, std::vector<schedule_error>> parse_schedule_text(std::string_view text) {
  auto document = parse_json(text);
  if (!document)
    return fail(std::vector<schedule_error>{{"", "", "", document.error().to_string()}});
  return parse_schedule(*document);
}

}  // namespace auraos::runtime::schedule
