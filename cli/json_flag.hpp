#pragma once
// JSON given on the command line: a flag's value as JSON text or `@file`, and definition files.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/result.hpp"

namespace auraos::cli {

/// The JSON of flag `flag` given as `value` (JSON text, or `@file` for a file's contents); the
/// error is one sentence naming the flag ("--input: invalid JSON at line 1, column 2: ...").
result<nlohmann::json, std::string> json_flag(const std::string& flag, const std::string& value);

/// The JSON document in `file`; the error is one sentence naming the file.
result<nlohmann::json, std::string> json_file(const std::string& file);

}  // namespace auraos::cli
