#pragma once
// The error type of every store operation.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "runtime/error.hpp"
#include "runtime/result.hpp"

namespace auraos::persistence {

/// What kind of failure a store operation met: the project's one error enum.
using store_errc = auraos::errc;

/// A failed store operation: what kind, and a message naming the place.
struct store_error {
  store_errc code = store_errc::internal;  ///< The kind of failure.
  std::string message;                     ///< Human-readable, names the operation and key.
};

/// A value of type T, or the store error that prevented it.
template <class T>
using store_result = result<T, store_error>;

/// The outcome of an operation that yields no value.
using store_status = store_result<std::monostate>;

/// Builds a failed result from a code and a message.
inline failure<store_error> store_fail(store_errc code, std::string message) {
  return fail(store_error{code, std::move(message)});
}

}  // namespace auraos::persistence
