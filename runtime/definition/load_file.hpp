#pragma once
// Definitions stored in files, with the sub-workflow files they name.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "runtime/definition/parse.hpp"

namespace auraos::runtime::definition {

/// Reads a whole file: its bytes, or why it cannot be read.
using file_reader =
    std::function<result<std::string, std::string>(const std::filesystem::path& file)>;

/// Reads and validates the definition in `file` and, recursively, each file a `subworkflow`
/// node names in `config.file` (relative to the naming file's folder). A child's errors and
/// reference cycles are reported at the naming node's `config.file`. Files are read with
/// `read` (the file system when empty).
result<workflow, std::vector<definition_error>> load_workflow_file(
    const std::filesystem::path& file, const file_reader& read = {});

/// `read` (the file system when empty) limited to files inside the folder `root`: a path that
/// leaves it (through `..`, as an absolute path, or through a symbolic link pointing out) is
/// refused before anything is read, with a message naming `root`. The file read is the resolved
/// path, so a link changed after the check cannot lead out.
file_reader confined_reader(file_reader read, const std::filesystem::path& root);

/// The definition `document` with each `subworkflow` node's `config.file` made relative to the
/// folder that `folder` is relative to: `folder / file` (a template gets `folder/` in front;
/// an absolute path stays). A child loaded from `sub/child.json` names its own children
/// relative to `sub/`, as `load_workflow_file` checks them.
nlohmann::json rebase_subworkflow_files(const nlohmann::json& document,
                                        const std::filesystem::path& folder);

}  // namespace auraos::runtime::definition
