#pragma once
// What the backends' task reads share: the statement a run list runs, and the figures' window.

#include <cstdint>
#include <string>

#include "persistence/task_record.hpp"

namespace auraos::persistence {

/// At most this many of the newest durations and queue waits make a task's figures.
inline constexpr std::int64_t task_figures_window = 10'000;

/// The statement of a run list: task_run_list[_task][_status], the variant of the template
/// that a range scan of one index serves (query_templates.cpp).
inline std::string task_run_list_query(const task_run_filter& filter) {
  std::string name = "task_run_list";
  if (filter.task_id) name += "_task";
  if (filter.status) name += "_status";
  return name;
}

}  // namespace auraos::persistence
