#include "runtime/events/patterns/derived_event.hpp"

#include <nlohmann/json.hpp>

#include "runtime/uuid.hpp"

namespace auraos::runtime::events::patterns {
namespace {

using nlohmann::json;

json match_data(const rule& r, const match& m) {
  json data = {{"patternId", r.id},
               {"patternName", r.name},
               {"kind", kind_name(r.kind())},
               {"matched", m.matched}};
  if (m.by) data["by"] = json::parse(*m.by, nullptr, false);
  if (m.figures) {
    data["count"] = m.figures->count;
    data["mean"] = m.figures->mean;
    data["stddev"] = m.figures->stddev;
  }
  return data;
}

}  // namespace

std::string derived_event_id(const rule& r, const match& m) {
  std::string text = r.id + '\n' + std::to_string(m.at_ms);
  for (const auto& id : m.matched) text += '\n' + id;
  return runtime::name_uuid(text);
}

event derive_event(const rule& r, const match& m) {
  event out;
  out.id = derived_event_id(r, m);
  out.type = r.emit.type;
  out.source = r.emit.source;
  out.data = match_data(r, m).dump();
  out.timestamp = m.at_ms;
  out.correlation_id = m.correlation_id;
  if (!m.causation_id.empty()) out.causation_id = m.causation_id;
  return out;
}

}  // namespace auraos::runtime::events::patterns
