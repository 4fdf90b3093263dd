#include "runtime/tasks/dependency_cycle.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace auraos::runtime::tasks {
namespace {

/// Where the depth-first search stands with a task.
enum class mark { unseen, on_path, done };

/// One frame of the iterative search: a task and the next dependency to follow.
struct frame {
  const task_definition* task;
  std::size_t next = 0;
};

class cycle_search {
 public:
  explicit cycle_search(const std::vector<task_definition>& definitions) {
    for (const auto& task : definitions) tasks_.emplace(task.id, &task);
  }

  std::optional<std::vector<std::string>> run() {
    for (const auto& [id, task] : tasks_)
      if (marks_[id] == mark::unseen)
        if (auto cycle = from(task)) return cycle;
    return std::nullopt;
  }

 private:
  std::optional<std::vector<std::string>> from(const task_definition* root) {
    std::vector<frame> path{{root}};
    marks_[root->id] = mark::on_path;
    while (!path.empty()) {
      auto& top = path.back();
      if (top.next == top.task->dependencies.size()) {
        marks_[top.task->id] = mark::done;
        path.pop_back();
        continue;
      }
      const auto& target = top.task->dependencies[top.next++].task_id;
      auto found = tasks_.find(target);
      if (found == tasks_.end()) continue;
      auto& state = marks_[target];
      if (state == mark::on_path) return cycle_of(path, target);
      if (state == mark::unseen) {
        state = mark::on_path;
        path.push_back({found->second});
      }
    }
    return std::nullopt;
  }

  static std::vector<std::string> cycle_of(const std::vector<frame>& path,
                                           const std::string& target) {
    auto start = std::find_if(path.begin(), path.end(),
                              [&](const frame& f) { return f.task->id == target; });
    std::vector<std::string> cycle;
    for (auto it = start; it != path.end(); ++it) cycle.push_back(it->task->id);
    cycle.push_back(target);
    return cycle;
  }

  std::map<std::string_view, const task_definition*> tasks_;
  std::map<std::string_view, mark> marks_;
};

}  // namespace

std::optional<std::vector<std::string>> dependency_cycle(
    const std::vector<task_definition>& definitions) {
  return cycle_search{definitions}.run();
}

definition::definition_error cycle_error(const std::vector<std::string>& cycle) {
  std::string path;
  for (const auto& id : cycle) path += (path.empty() ? "" : " -> ") + id;
  return {"", "", "dependencies", "form a cycle: " + path};
}

}  // namespace auraos::runtime::tasks
