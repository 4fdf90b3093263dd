#include "runtime/tasks/dependency_check.hpp"

#include "runtime/tasks/attempt_outcome.hpp"

namespace auraos::runtime::tasks {

dependency_result check_dependencies(const std::vector<dependency_status>& dependencies) {
  dependency_result out;
  for (const auto& d : dependencies) {
    if (!d.status)
      return {dependency_verdict::blocked,
              "dependency run " + d.dependency.run_id + " does not exist"};
    if (!is_final_status(*d.status)) {
      out.verdict = dependency_verdict::waiting;
      continue;
    }
    if (d.dependency.condition == "success" && *d.status != "completed")
      return {dependency_verdict::blocked,
              "dependency run " + d.dependency.run_id + " ended " + *d.status};
  }
  return out;
}

}  // namespace auraos::runtime::tasks
