#pragma once
// `inspect` building blocks for messages that may cross a node: optional fields, JSON values
// (sent as text), results, Protobuf messages (sent as their bytes) and node errors.

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include <google/protobuf/message_lite.h>
#include <caf/error.hpp>
#include <caf/meta/load_callback.hpp>
#include <caf/meta/type_name.hpp>

#include "runtime/engine/state.hpp"
#include "messages/protobuf_inspect.hpp"
#include "runtime/result.hpp"

namespace auraos::actors::wire {

/// A JSON value as text ("null" for none), and back.
std::string json_to_text(const runtime::json_ptr& value);
/// The value of `text`; a null pointer for "null" or text that does not parse.
runtime::json_ptr json_from_text(const std::string& text);

/// Inspects `saved()` as one string; a loading inspector then hands it to `load`.
template <class Inspector, class Save, class Load>
typename Inspector::result_type as_text(Inspector& f, Save saved, Load load) {
  std::string text;
  if constexpr (Inspector::reads_state) text = saved();
  return f(text, caf::meta::load_callback([&]() -> caf::error {
             load(std::move(text));
             return caf::none;
           }));
}

/// An optional member, inspected as (present, value).
template <class T>
struct optional_field {
  std::optional<T>& value;
};

/// Inspects an optional member.
template <class Inspector, class T>
typename Inspector::result_type inspect(Inspector& f, optional_field<T>& x) {
  bool present = x.value.has_value();
  T value = present ? *x.value : T{};
  return f(present, value, caf::meta::load_callback([&]() -> caf::error {
             if (present)
               x.value = std::move(value);
             else
               x.value.reset();
             return caf::none;
           }));
}

/// A JSON member, inspected as its text.
struct json_field {
  runtime::json_ptr& value;
};

/// Inspects a JSON member.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, json_field& x) {
  return as_text(
      f, [&] { return json_to_text(x.value); },
      [&](std::string text) { x.value = json_from_text(text); });
}

}  // namespace auraos::actors::wire

namespace auraos {

namespace detail {

template <class T>
struct is_optional : std::false_type {};

template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

}  // namespace detail

/// Inspects a result as (ok, value, error).
template <class Inspector, class T, class E>
typename Inspector::result_type inspect(Inspector& f, result<T, E>& x) {
  bool ok = x.has_value();
  T value = ok ? x.value() : T{};
  E error = ok ? E{} : x.error();
  auto loaded = caf::meta::load_callback([&]() -> caf::error {
    if (ok)
      x = result<T, E>(std::move(value));
    else
      x = result<T, E>(fail(std::move(error)));
    return caf::none;
  });
  if constexpr (detail::is_optional<T>::value) {
    actors::wire::optional_field<typename T::value_type> present{value};
    return f(ok, present, error, loaded);
  } else {
    return f(ok, value, error, loaded);
  }
}

}  // namespace auraos

namespace auraos::runtime::engine {

/// Inspects a node error (its fields as JSON text).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, node_error& x) {
  actors::wire::json_field fields{x.fields};
  return f(caf::meta::type_name("node_error"), x.type, x.message, x.retryable, x.attempts, fields);
}

}  // namespace auraos::runtime::engine


