#include "persistence/event_publish.hpp"

#include <string>

#include "runtime/uuid.hpp"

namespace auraos::persistence {

store_result<std::vector<event_record>> events_to_store(const publish_events_op& op,
                                                        const clock_fn& clock) {
  std::vector<event_record> events = op.events;
  std::int64_t now = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    auto& e = events[i];
    auto place = "publish events: event [" + std::to_string(i) + "]";
    if (e.type.empty()) return store_fail(store_errc::invalid, place + ": empty type");
    if (e.source.empty()) return store_fail(store_errc::invalid, place + ": empty source");
    if (e.id.empty()) e.id = runtime::random_uuid();
    if (e.stored_at == 0) e.stored_at = now != 0 ? now : (now = clock());
    if (e.timestamp == 0) e.timestamp = e.stored_at;
    e.seq = 0;
  }
  return events;
}

}  // namespace auraos::persistence
