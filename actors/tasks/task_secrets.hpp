#pragma once
// A task's secret config values as the pool keeps them (docs/security.md): sealed into the
// stored task ("***" in its definition) when it is put, opened into its spec when it is put or
// loaded, and masked out of every result and log line of its runs.

#include <string>

#include "actors/tasks/task_spec.hpp"
#include "persistence/task_record.hpp"
#include "runtime/handlers/work_result.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::crypto {
class secret_keys;
}  // namespace auraos::runtime::crypto

namespace auraos::actors::tasks {

/// Seals the secret config values of `task` (its definition names the paths): the record gets
/// the sealed values and a definition with "***" in their place; a "***" sent for a path keeps
/// the value `previous` (the stored task, may be null) holds. The spec of the stored form with
/// the plain values, or why the task cannot be stored (naming the path).
result<task_spec_ptr, std::string> seal_task_secrets(persistence::task_record& task,
                                                     const task_spec_ptr& previous,
                                                     runtime::crypto::secret_keys& keys);

/// `spec` with the plain values of the stored task's sealed secrets, or with the reason they
/// cannot be opened.
task_spec_ptr with_secrets(task_spec_ptr spec, const persistence::task_record& task,
                           runtime::crypto::secret_keys& keys);

/// `result` with every secret value of `spec` masked ("***") in its output and error.
runtime::handlers::work_result masked_result(const task_spec& spec,
                                             runtime::handlers::work_result result);

/// `text` with every secret value of `spec` masked.
std::string masked_text(const task_spec& spec, const std::string& text);

}  // namespace auraos::actors::tasks
