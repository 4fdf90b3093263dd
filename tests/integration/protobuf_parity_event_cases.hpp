#pragma once
// Parity cases of the event, retention and event-pattern routes (see protobuf_parity.hpp).

#include <string>
#include <utility>

#include "tests/integration/protobuf_parity.hpp"

namespace auraos::test::parity {

/// Twin pattern rules: each has its own assigned id, and the times it was stored.
inline const masks pattern_masks{"/id", "/createdAt", "/updatedAt"};

/// The read fixture: three events of one correlation, each caused by the one before, with
/// object, array and number data, in two hours of 2024-05-01.
inline void correlated_events(harness& h) {
  h.shared("correlated events", [&] {
    auto event = [](const std::string& id, const std::string& time, const json& data) {
      return json{{"id", id},          {"type", "parity.corr"}, {"source", "parity"},
                  {"timestamp", time}, {"data", data},          {"correlationId", "parity-corr"}};
    };
    auto events =
        json::array({event("parity-c1", "2024-05-01T10:00:00Z", {{"step", 1}}),
                     event("parity-c2", "2024-05-01T10:00:01.5+02:00", {1, "two", nullptr}),
                     event("parity-c3", "2024-05-01T11:59:59.999Z", 3.25)});
    events[0]["metadata"] = {{"origin", "parity"}, {"n", 1}};
    events[1]["causationId"] = "parity-c1";
    events[2]["causationId"] = "parity-c2";
    events[2]["source"] = "other";
    return h.expect(201, "POST", "/api/v1/events", events);
  });
}

/// A sequence rule with a `where`, a key and an emitted event; no id.
inline json sequence_rule() {
  return {
      {"name", "parity pattern"},
      {"kind", "sequence"},
      {"steps",
       {{{"type", "parity.step.a"}, {"where", "event.data.n > 1"}}, {{"type", "parity.step.b"}}}},
      {"within", 60},
      {"by", "orderId"},
      {"emit", {{"type", "parity.seq"}, {"source", "patterns"}}}};
}

/// Two rules stored from sequence_rule(); their assigned ids.
inline std::pair<std::string, std::string> twin_rules(harness& h) {
  std::string a = h.expect(201, "POST", "/api/v1/event-patterns", sequence_rule())["id"];
  std::string b = h.expect(201, "POST", "/api/v1/event-patterns", sequence_rule())["id"];
  return {a, b};
}

inline std::string rule_path(const std::string& id) {
  return "/api/v1/event-patterns/" + id;
}

/// The shared rule parity-rule, stored from sequence_rule().
inline void stored_rule(harness& h) {
  h.shared("pattern rule", [&] {
    auto rule = sequence_rule();
    rule["id"] = "parity-rule";
    return h.expect(201, "POST", "/api/v1/event-patterns", rule);
  });
}
inline std::string retention_path(const std::string& type) {
  return "/api/v1/event-retention/" + type;
}

/// The shared retention rule of type parity.kept (no events have that type).
inline void kept_rule(harness& h) {
  h.shared("retention rule", [&] {
    return h.expect(200, "PUT", retention_path("parity.kept"), json{{"maxCount", 500}});
  });
}

inline void add_event_cases(case_table& cases) {
  cases["publishEvents"] = [](harness& h) {
    json batch{
        {{"type", "parity.publish"},
         {"source", "parity"},
         {"timestamp", "2024-06-01T00:00:00Z"},
         {"data", {{"k", {1, 2}}, {"ok", false}}},
         {"metadata", {{"a", "b"}}},
         {"correlationId", "parity-publish"}},
        {{"type", "parity.publish"}, {"source", "parity"}, {"timestamp", "2024-06-01T00:00:01Z"}}};
    // Each stored event gets its own id.
    h.same_answer("publishEvents", 201, {"POST", "/api/v1/events", batch},
                  {"POST", "/api/v1/events", batch}, {"/items/*/id"});
    json bad{{{"source", "parity"}}, {{"type", "no spaces allowed"}, {"source", "parity"}}};
    h.same_answer("publishEvents", 422, {"POST", "/api/v1/events", bad},
                  {"POST", "/api/v1/events", bad});
  };
  cases["listEvents"] = [](harness& h) {
    correlated_events(h);
    h.same_read("listEvents", "/api/v1/events?type=parity.corr&limit=2");
    h.same_read("listEvents", "/api/v1/events?correlationId=parity-corr&source=other");
    h.same_read("listEvents", "/api/v1/events?type=parity.corr&where=event.data.step%20%3D%3D%201");
  };
  cases["deleteOldEvents"] = [](harness& h) {
    for (const auto* type : {"parity.old.a", "parity.old.b"})
      h.expect(
          201, "POST", "/api/v1/events",
          json::array(
              {{{"type", type}, {"source", "parity"}, {"timestamp", "2020-01-01T00:00:00Z"}},
               {{"type", type}, {"source", "parity"}, {"timestamp", "2020-02-01T00:00:00Z"}}}));
    std::string older = "/api/v1/events?olderThan=2021-01-01T00:00:00Z&type=";
    h.same_answer("deleteOldEvents", 200, {"DELETE", older + "parity.old.a"},
                  {"DELETE", older + "parity.old.b"});
    h.same_answer("deleteOldEvents", 400, {"DELETE", "/api/v1/events?olderThan=yesterday"},
                  {"DELETE", "/api/v1/events?olderThan=yesterday"});
  };
  cases["getEventMetrics"] = [](harness& h) {
    correlated_events(h);
    h.same_read("getEventMetrics",
                "/api/v1/events/metrics?from=2024-05-01T07:00:00Z&to=2024-05-01T12:00:00Z"
                "&interval=3600");
  };
  cases["getCorrelation"] = [](harness& h) {
    correlated_events(h);
    h.same_read("getCorrelation", "/api/v1/events/correlations/parity-corr");
  };
  cases["getEvent"] = [](harness& h) {
    correlated_events(h);
    h.same_read("getEvent", "/api/v1/events/parity-c2");
    h.same_read("getEvent", "/api/v1/events/parity-none", 404);
  };
}

inline void add_retention_cases(case_table& cases) {
  cases["listRetentionRules"] = [](harness& h) {
    kept_rule(h);
    h.same_read("listRetentionRules", "/api/v1/event-retention");
  };
  cases["putRetentionRule"] = [](harness& h) {
    json rule{{"maxAgeSeconds", 31536000}, {"maxCount", 1000}};
    // The twins are the rules of two types: each answer names its own.
    h.same_answer("putRetentionRule", 200, {"PUT", retention_path("parity.keep.a"), rule},
                  {"PUT", retention_path("parity.keep.b"), rule}, {"/type"});
    json bad{{"maxCount", 0}};
    h.same_answer("putRetentionRule", 422, {"PUT", retention_path("parity.keep.a"), bad},
                  {"PUT", retention_path("parity.keep.a"), bad});
  };
  cases["getRetentionRule"] = [](harness& h) {
    kept_rule(h);
    h.same_read("getRetentionRule", retention_path("parity.kept"));
    h.same_read("getRetentionRule", retention_path("parity.none"), 404);
  };
  cases["deleteRetentionRule"] = [](harness& h) {
    for (const auto* type : {"parity.gone.a", "parity.gone.b"})
      h.expect(200, "PUT", retention_path(type), json{{"maxAgeSeconds", 60}});
    h.same_answer("deleteRetentionRule", 204, {"DELETE", retention_path("parity.gone.a")},
                  {"DELETE", retention_path("parity.gone.b")});
  };
}

inline void add_pattern_cases(case_table& cases) {
  cases["createEventPattern"] = [](harness& h) {
    request create{"POST", "/api/v1/event-patterns", sequence_rule()};
    h.same_answer("createEventPattern", 201, create, create, pattern_masks);
    auto bad = sequence_rule();
    bad["within"] = -1;
    h.same_answer("createEventPattern", 422, {"POST", create.target, bad},
                  {"POST", create.target, bad});
  };
  cases["listEventPatterns"] = [](harness& h) {
    stored_rule(h);
    h.same_read("listEventPatterns", "/api/v1/event-patterns?limit=1");
    h.same_read("listEventPatterns", "/api/v1/event-patterns");
  };
  cases["getEventPattern"] = [](harness& h) {
    stored_rule(h);
    h.same_read("getEventPattern", rule_path("parity-rule"));
    h.same_read("getEventPattern", rule_path("parity-none"), 404);
  };
  cases["replaceEventPattern"] = [](harness& h) {
    auto [a, b] = twin_rules(h);
    json rate{
        {"name", "parity rate"}, {"kind", "rate"},
        {"type", "parity.rate"}, {"windowSeconds", 60},
        {"deviations", 2.5},     {"emit", {{"type", "parity.spike"}, {"source", "patterns"}}}};
    h.same_answer("replaceEventPattern", 200, {"PUT", rule_path(a), rate},
                  {"PUT", rule_path(b), rate}, pattern_masks);
  };
  cases["deleteEventPattern"] = [](harness& h) {
    auto [a, b] = twin_rules(h);
    h.same_answer("deleteEventPattern", 204, {"DELETE", rule_path(a)}, {"DELETE", rule_path(b)});
  };
}

}  // namespace auraos::test::parity
