#pragma once
// The project's shared JSON value: immutable, shared between a definition, the engine's state
// and the views built from it, never copied.

#include <memory>

#include <nlohmann/json_fwd.hpp>

namespace auraos::runtime {

/// An immutable JSON value shared by reference (null pointer: no value).
using json_ptr = std::shared_ptr<const nlohmann::json>;

}  // namespace auraos::runtime
