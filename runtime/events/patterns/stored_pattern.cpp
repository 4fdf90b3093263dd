#include "runtime/events/patterns/stored_pattern.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {
namespace {

constexpr int stored_version = 1;

pattern_progress read_progress(const nlohmann::json& doc) {
  pattern_progress p;
  if (!doc.is_object()) return p;
  if (auto it = doc.find("seq"); it != doc.end() && it->is_number_integer()) p.seq = *it;
  if (auto it = doc.find("matches"); it != doc.end() && it->is_number_integer()) p.matches = *it;
  if (auto it = doc.find("lastMatchMs"); it != doc.end() && it->is_number_integer())
    p.last_match_ms = it->get<std::int64_t>();
  return p;
}

nlohmann::json parse(std::string_view text) {
  return nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
}

}  // namespace

std::string stored_pattern_text(const matcher& m, const pattern_progress& progress) {
  nlohmann::json doc{{"version", stored_version},
                     {"seq", progress.seq},
                     {"matches", progress.matches},
                     {"matcher", state_json(m)}};
  if (progress.last_match_ms) doc["lastMatchMs"] = *progress.last_match_ms;
  return doc.dump();
}

restored_pattern restore_stored_pattern(const rule& r, std::string_view text) {
  auto doc = parse(text);
  restored_pattern out{make_matcher(r), read_progress(doc), std::nullopt};
  if (!doc.is_object() || doc.value("version", 0) != stored_version) {
    out.problem = "the stored state is not a version " + std::to_string(stored_version) +
                  " pattern state";
    return out;
  }
  auto state = doc.find("matcher");
  if (state == doc.end()) {
    out.problem = "the stored state has no matcher";
    return out;
  }
  auto restored = restore_matcher(r, *state);
  if (!restored) {
    out.problem = restored.error();
    return out;
  }
  out.restored = std::move(restored).value();
  return out;
}

pattern_progress stored_progress(std::string_view text) {
  return read_progress(parse(text));
}

}  // namespace auraos::runtime::events::patterns
