#include "persistence/query_templates.hpp"

#include <algorithm>
#include <span>
#include <string_view>

namespace auraos::persistence {
namespace {

/// One statement of a template: the name's suffix and what replaces the mark ('#': sigil).
struct variant {
  std::string_view suffix;
  std::string_view text;
};

/// A template mark and its variants.
struct template_mark {
  std::string_view mark;
  std::span<const variant> variants;
};

/// Execution lists: workflow and status, the status index as SQLite chooses.
constexpr variant execution_filters[] = {
    {"", ""},
    {"_workflow", "workflow_id = #1 AND "},
    {"_status", "status = #2 AND "},
    {"_workflow_status", "workflow_id = #1 AND status = #2 AND "},
};

/// Event lists: #1 type, #2 source, #3 correlation id (event_list.hpp picks one).
constexpr variant event_indexes[] = {
    {"", ""},
    {"_by_type", "type = #1 AND "},
    {"_by_source", "source = #2 AND "},
    {"_by_correlation", "correlation_id = #3 AND "},
};

/// Event deletes: #1 type.
constexpr variant event_type_index[] = {{"", ""}, {"_by_type", "type = #1 AND "}};

/// Task run lists: #1 task id and #2 status (the status index as SQLite chooses).
constexpr variant task_run_filters[] = {
    {"", ""},
    {"_task", "task_id = #1 AND "},
    {"_status", "status = #2 AND "},
    {"_task_status", "task_id = #1 AND status = #2 AND "},
};

constexpr template_mark marks[] = {
    {"/*filters*/", execution_filters},
    {"/*task_runs_by*/", task_run_filters},
    {"/*events_by*/", event_indexes},
    {"/*events_by_type*/", event_type_index},
};

}  // namespace

std::vector<std::pair<std::string, std::string>> query_statements(const embedded_sql& query,
                                                                  char sigil) {
  for (const auto& [mark, variants] : marks) {
    auto at = query.text.find(mark);
    if (at == std::string_view::npos) continue;
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& v : variants) {
      std::string equalities{v.text};
      std::replace(equalities.begin(), equalities.end(), '#', sigil);
      std::string text{query.text};
      text.replace(at, mark.size(), equalities);
      out.emplace_back(std::string{query.name} + std::string{v.suffix}, std::move(text));
    }
    return out;
  }
  return {{std::string{query.name}, std::string{query.text}}};
}

}  // namespace auraos::persistence
