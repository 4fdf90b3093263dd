#include "actors/record_weight.hpp"

#include "messages/history.pb.h"

namespace auraos::actors {

record_weight weight_of(const messages::HistoryEvent& record) {
  using kind = messages::HistoryEvent::KindCase;
  switch (record.kind_case()) {
    case kind::kExecutionStarted:
    case kind::kExecutionCompleted:
    case kind::kExecutionCancelled:
      return record_weight::milestone;
    case kind::kAttemptFailed:
    case kind::kExecutionFailed:
    case kind::kExecutionTimedOut:
      return record_weight::failure;
    default:
      return record_weight::transition;
  }
}

}  // namespace auraos::actors
