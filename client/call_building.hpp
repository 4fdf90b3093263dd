#pragma once
// Building the ApiCall of one REST operation and reading its reply: what every typed call of
// the client does. Internal to the library.

#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>

#include "client/client.hpp"
#include "client/connection.hpp"

namespace auraos::client::detail {

/// The path parameters of a call.
using path_params = std::initializer_list<std::pair<const char*, std::string>>;

/// An Idempotency-Key unique to this process and call.
std::string fresh_key();

/// The call of `operation` with its parameters and request message.
v1::ApiCall make_call(std::string operation, path_params path, const query& q = {},
                      const google::protobuf::Message* body = nullptr);

/// The error of a reply whose status is not 2xx.
error error_of(const v1::ApiReply& reply);

/// Reads an answer's bytes into `into`. Answers may hold stored values nested far deeper
/// than libprotobuf's default limit of 100 messages allows.
bool parse_answer(const std::string& bytes, google::protobuf::Message& into);

/// The typed answer of a reply.
template <class T>
result<answer<T>> decode(result<v1::ApiReply> reply) {
  if (!reply) return fail(std::move(reply.error()));
  if (reply->status() < 200 || reply->status() >= 300) return fail(error_of(*reply));
  answer<T> out;
  out.node = reply->node();
  if constexpr (!std::is_same_v<T, done>) {
    if (!parse_answer(reply->body(), out.value))
      return fail(error{reply->status(), "protocol",
                        "the answer is not a valid " + T::descriptor()->full_name()});
  }
  return out;
}

/// The value alone.
template <class T>
result<T> value_of(result<answer<T>> typed) {
  if (!typed) return fail(std::move(typed.error()));
  return std::move(typed->value);
}

/// A read: safe to send again after a lost connection.
template <class T>
result<T> read(detail::connection& link, v1::ApiCall call) {
  return value_of(decode<T>(link.call(call, true)));
}

/// A change: sent once.
template <class T>
result<T> change(detail::connection& link, v1::ApiCall call) {
  return value_of(decode<T>(link.call(call, false)));
}

/// A start with an Idempotency-Key: safe to send again.
template <class T>
result<answer<T>> start(detail::connection& link, v1::ApiCall call, std::string key) {
  (*call.mutable_headers())["Idempotency-Key"] = key.empty() ? fresh_key() : std::move(key);
  return decode<T>(link.call(call, true));
}

}  // namespace auraos::client::detail
