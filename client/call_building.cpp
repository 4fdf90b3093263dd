// Building calls and reading replies (client/call_building.hpp).

#include "client/call_building.hpp"

#include <atomic>
#include <chrono>
#include <random>

#include <google/protobuf/io/coded_stream.h>

namespace auraos::client::detail {

std::string fresh_key() {
  static std::atomic<std::uint64_t> next{0};
  static const std::uint64_t process = std::random_device{}() ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  return "client-" + std::to_string(process) + "-" + std::to_string(next++);
}

v1::ApiCall make_call(std::string operation, path_params path, const query& q,
                      const google::protobuf::Message* body) {
  v1::ApiCall call;
  call.set_operation(std::move(operation));
  for (const auto& [name, value] : path) (*call.mutable_path())[name] = value;
  for (const auto& [name, value] : q) (*call.mutable_query())[name] = value;
  if (body) call.set_body(body->SerializeAsString());
  return call;
}

error error_of(const v1::ApiReply& reply) {
  v1::Error envelope;
  if (reply.message() == "auraos.v1.Error" && envelope.ParseFromString(reply.body()))
    return error{reply.status(), envelope.error().code(), envelope.error().message()};
  return error{reply.status(), "protocol",
               "the node answered " + std::to_string(reply.status()) + " without an error body"};
}

bool parse_answer(const std::string& bytes, google::protobuf::Message& into) {
  // A JSON level is up to three message levels in a google.protobuf.Value; stored values nest
  // up to 1,024 levels.
  constexpr int max_answer_depth = 3 * 1024 + 64;
  google::protobuf::io::CodedInputStream input(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                               static_cast<int>(bytes.size()));
  input.SetRecursionLimit(max_answer_depth);
  return into.ParseFromCodedStream(&input);
}

}  // namespace auraos::client::detail
