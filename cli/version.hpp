#pragma once
// The version `auraos --version` prints.

#include <string>

namespace auraos::cli {

/// "auraos VERSION (GIT_DESCRIBE)": the CMake project version and, when the binary was built
/// from a git checkout, `git describe --tags --always --dirty` at build time.
std::string version_text();

}  // namespace auraos::cli
