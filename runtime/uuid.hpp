#pragma once
// Random identifiers (RFC 4122 version 4 UUIDs).

#include <string>
#include <string_view>

namespace auraos::runtime {

/// A new random UUID, version 4, in lower-case canonical form ("8-4-4-4-12" hex digits).
std::string random_uuid();

/// True when `text` is a UUID in canonical form (any version, either case).
bool is_uuid(std::string_view text);

}  // namespace auraos::runtime
