#pragma once
// Query templates shared by the backends: a .sql file holding a template mark gives one
// statement per variant, so that each filter combination is a range scan of the index that
// fits it (the planner never sees `? IS NULL OR col = ?` as its only way in).

#include <string>
#include <utility>
#include <vector>

#include "persistence/embedded_sql.hpp"

namespace auraos::persistence {

/// The statements (name, text) of one query file: itself, or, for a template, one per variant
/// of its mark: `/*filters*/` (execution lists: _workflow, _status, _workflow_status),
/// `/*events_by*/` (event lists: _by_type, _by_source, _by_correlation), `/*events_by_type*/`
/// (event deletes: _by_type) and `/*task_runs_by*/` (task run lists: _task, _status,
/// _task_status). Parameters are written with `sigil`: '?' (SQLite), '$' (PostgreSQL).
std::vector<std::pair<std::string, std::string>> query_statements(const embedded_sql& query,
                                                                  char sigil);

}  // namespace auraos::persistence
