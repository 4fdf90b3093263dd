#pragma once
// Reading a whole file named by a user (definitions, --input/--context @files, config files).

#include <filesystem>
#include <string>

#include "runtime/result.hpp"

namespace auraos::runtime {

/// The bytes of `file`; the error is the reason it cannot be read ("No such file or directory",
/// "is a directory", ...). Never throws.
result<std::string, std::string> read_text_file(const std::filesystem::path& file);

}  // namespace auraos::runtime
