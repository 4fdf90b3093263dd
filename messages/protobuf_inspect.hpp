#pragma once
// Lets CAF send any generated Protobuf message of package auraos.v1 between processes: it is
// inspected as its serialized bytes (register it with `add_message_type<T>("name")`).

#include <string>
#include <type_traits>

#include <caf/error.hpp>
#include <caf/meta/load_callback.hpp>
#include <google/protobuf/message_lite.h>

namespace auraos::v1 {

/// Inspects a Protobuf message as its serialized bytes.
template <class Inspector, class M>
std::enable_if_t<std::is_base_of_v<google::protobuf::MessageLite, M>,
                 typename Inspector::result_type>
inspect(Inspector& f, M& x) {
  std::string bytes;
  if constexpr (Inspector::reads_state) bytes = x.SerializeAsString();
  return f(bytes, caf::meta::load_callback([&]() -> caf::error {
             x.ParseFromString(bytes);
             return caf::none;
           }));
}

}  // namespace auraos::v1
