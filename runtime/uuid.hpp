#pragma once
// Identifiers: random (RFC 4122 version 4) and name-derived UUIDs.

#include <string>
#include <string_view>

namespace auraos::runtime {

/// A new random UUID, version 4, in lower-case canonical form ("8-4-4-4-12" hex digits).
std::string random_uuid();

/// A UUID derived from `name` (the same name gives the same UUID; distinct names collide with
/// negligible probability): for ids that must not change when work is repeated, e.g. the event
/// a `publish_event` attempt stores. Version 8 (custom), RFC 4122 variant.
std::string name_uuid(std::string_view name);

/// True when `text` is a UUID in canonical form (any version, either case).
bool is_uuid(std::string_view text);

}  // namespace auraos::runtime
