#pragma once
// Random identifiers for executions.

#include <string>

namespace auraos::persistence {

/// A random (version 4) UUID in its canonical lowercase text form.
std::string new_uuid();

}  // namespace auraos::persistence
