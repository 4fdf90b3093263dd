#pragma once
// One event as the matchers look at it: its type, its `where` filters and its `by` value. The
// event's JSON form (`event_json`) is built once, and only when a filter or a data path needs
// it (internal to the matchers).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"
#include "runtime/events/patterns/rule.hpp"

namespace auraos::runtime::events::patterns {

/// An event under test at the matcher's time `now_ms` (what `now()` gives in `where`).
class event_probe {
 public:
  /// Looks at `e` (which must outlive the probe).
  event_probe(const event& e, std::int64_t now_ms);
  /// Frees the JSON form.
  ~event_probe();
  /// Not copied (it points at the event).
  event_probe(const event_probe&) = delete;
  /// Not copied (it points at the event).
  event_probe& operator=(const event_probe&) = delete;

  /// The event.
  const event& get() const { return *event_; }
  /// True when the event has `step.type` and `step.where` (if any) is true with scope
  /// `{"event": event_json(e)}`; an evaluation error or a non-boolean is false. Each step's
  /// filter is evaluated once per probe.
  bool matches(const event_step& step);
  /// The event's key for `by`: "" without a path; else the JSON text of the value, which must
  /// be a string, a number or a boolean (nullopt otherwise: the event takes no part).
  std::optional<std::string> key(const std::optional<by_path>& by);

 private:
  const nlohmann::json& scope();
  const event* event_;
  std::int64_t now_ms_;
  std::unique_ptr<nlohmann::json> scope_;
  std::map<const event_step*, bool> verdicts_;
};

}  // namespace auraos::runtime::events::patterns
