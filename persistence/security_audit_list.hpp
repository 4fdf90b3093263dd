#pragma once
// Audit lists and counts, shared by the backends: where a page starts and how it ends, and the
// summary folded from counts per (action, outcome).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "persistence/security_audit_record.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence {

/// One query of an audit list, newest first.
struct audit_list_query {
  audit_filter filter;                     ///< Which entries.
  std::optional<std::int64_t> before_seq;  ///< Only seq < before_seq; none: from the newest.
  std::int64_t rows = 0;                   ///< At most this many (a page's limit + 1).
};

/// Runs one audit list query on a backend.
using audit_list_runner =
    std::function<store_result<std::vector<audit_record>>(const audit_list_query&)>;

/// A page of audit entries newest first: checks the limit, starts below the cursor (the last
/// seq of the previous page), runs the query and sets the next cursor.
store_result<page<audit_record>> list_audit_page(const audit_filter& filter,
                                                 const page_request& request,
                                                 const audit_list_runner& run);

/// How many entries of a time frame have one action and one outcome.
struct audit_group {
  std::string action;      ///< The action.
  std::string outcome;     ///< The outcome.
  std::int64_t count = 0;  ///< Its entries.
};

/// The summary of a frame from its counts per (action, outcome): totals per outcome and per
/// action, each by name.
audit_summary summarize(const std::vector<audit_group>& groups);

}  // namespace auraos::persistence
