#pragma once
// A value or an error: the return type of every fallible operation.

#include <type_traits>
#include <utility>
#include <variant>

namespace auraos {

/// Wraps an error so that it converts into a failed result.
template <class E>
struct failure {
  E error;
};

/// Builds a failure from an error value: `return fail(my_error{...});`.
template <class E>
failure<std::decay_t<E>> fail(E&& error) {
  return {std::forward<E>(error)};
}

/// Holds either a T (success) or an E (failure); errors are values, not exceptions.
template <class T, class E>
class result {
 public:
  /// Success with a default value (message types need a default constructor).
  result() : state_(std::in_place_index<0>) {}
  /// Success.
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  /// Failure.
  template <class G>
  result(failure<G> f) : state_(std::in_place_index<1>, std::move(f.error)) {}

  /// True on success.
  bool has_value() const noexcept { return state_.index() == 0; }
  /// True on success.
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; only valid on success.
  T& value() & { return std::get<0>(state_); }
  /// The value; only valid on success.
  const T& value() const& { return std::get<0>(state_); }
  /// The value, moved out; only valid on success.
  T&& value() && { return std::get<0>(std::move(state_)); }
  /// The error; only valid on failure.
  E& error() & { return std::get<1>(state_); }
  /// The error; only valid on failure.
  const E& error() const& { return std::get<1>(state_); }
  /// The error, moved out; only valid on failure.
  E&& error() && { return std::get<1>(std::move(state_)); }

  /// Access to the value.
  T& operator*() & { return value(); }
  /// Access to the value.
  const T& operator*() const& { return value(); }
  /// Member access to the value.
  T* operator->() { return &value(); }
  /// Member access to the value.
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, E> state_;
};

}  // namespace auraos
