#include "actors/executions/record_weight.hpp"

#include "messages/history.pb.h"

namespace auraos::actors::executions {

record_weight weight_of(const v1::HistoryEvent& record) {
  using kind = v1::HistoryEvent::KindCase;
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

}  // namespace auraos::actors::executions
