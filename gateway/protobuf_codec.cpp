// JSON <-> Protobuf through the messages' proto3 JSON mapping, with the descriptors of the
// generated api_*.proto files.

#include "gateway/protobuf_codec.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

#include <nlohmann/json.hpp>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/dynamic_message.h>

#include "messages/api_cluster.pb.h"
#include "messages/api_common.pb.h"
#include "messages/api_events.pb.h"
#include "messages/api_executions.pb.h"
#include "messages/api_security.pb.h"
#include "messages/api_tasks.pb.h"
#include "messages/api_workflows.pb.h"
#include "gateway/protobuf_json_mapping.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

namespace pb = google::protobuf;

/// How deep a body's messages may nest: a JSON object level is three message levels in a
/// google.protobuf.Value (Value, Struct, its map entry), so every value the JSON API takes
/// (max_json_depth levels) parses, and the JSON check then names a value nested too deeply.
constexpr int max_message_depth = 3 * static_cast<int>(runtime::max_json_depth) + 16;

/// Names one message of each api_*.proto file, so that a static link keeps the files and
/// their descriptors are in the generated pool.
void keep_api_messages() {
  static const pb::Descriptor* kept[] = {
      v1::Error::descriptor(),    v1::Workflow::descriptor(), v1::Execution::descriptor(),
      v1::Event::descriptor(),    v1::TaskRun::descriptor(),  v1::Cluster::descriptor(),
      v1::User::descriptor(),
  };
  (void)kept;
}

}  // namespace

const pb::Descriptor* find_api_message(std::string_view type) {
  keep_api_messages();
  return pb::DescriptorPool::generated_pool()->FindMessageTypeByName(std::string{type});
}

namespace {

/// A new empty message named `type`, or null when no such message is compiled in.
std::unique_ptr<pb::Message> new_message(std::string_view type) {
  const auto* descriptor = find_api_message(type);
  if (descriptor == nullptr) return nullptr;
  const auto* prototype = pb::MessageFactory::generated_factory()->GetPrototype(descriptor);
  if (prototype == nullptr) return nullptr;
  return std::unique_ptr<pb::Message>(prototype->New());
}

/// The JSON key of an array message's only field.
std::string list_key(const pb::Message& message) {
  const auto* descriptor = message.GetDescriptor();
  if (descriptor->field_count() != 1 || !descriptor->field(0)->is_repeated()) return {};
  return descriptor->field(0)->json_name();
}

std::string unknown_message(std::string_view type) {
  return "no Protobuf message is named " + std::string{type};
}

}  // namespace

result<std::string, std::string> json_to_protobuf(const message_form& form, std::string_view json) {
  auto message = new_message(form.type);
  if (!message) return fail(unknown_message(form.type));
  // Answers hold stored values, which may nest deeper than a request may.
  auto parsed = runtime::parse_json(json, runtime::max_stored_json_depth);
  if (!parsed) return fail("not JSON: " + parsed.error().problem);
  auto value = std::move(*parsed);
  if (form.array) {
    auto key = list_key(*message);
    if (key.empty()) return fail(std::string{form.type} + " is not a list message");
    value = nlohmann::json{{key, std::move(value)}};
  }
  if (auto why = json_to_message(value, *message)) return fail(std::move(*why));
  return message->SerializeAsString();
}

result<std::string, std::string> protobuf_to_json(const message_form& form, std::string_view bytes,
                                                  bool with_defaults) {
  auto message = new_message(form.type);
  if (!message) return fail(unknown_message(form.type));
  pb::io::CodedInputStream input(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                 static_cast<int>(bytes.size()));
  input.SetRecursionLimit(max_message_depth);
  if (!message->ParseFromCodedStream(&input) || !input.ConsumedEntireMessage())
    return fail("the bytes are not a valid " + std::string{form.type} +
                " message (or nest deeper than " + std::to_string(runtime::max_json_depth) +
                " JSON levels)");
  auto value = message_to_json(*message, with_defaults);
  if (form.array) {
    auto key = list_key(*message);
    auto list = value.find(key);
    return list == value.end() ? std::string{"[]"} : runtime::dump_json(*list);
  }
  return runtime::dump_json(value);
}

bool is_protobuf_media_type(std::string_view content_type) {
  auto end = content_type.find(';');
  auto type = content_type.substr(0, end);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type.size() == protobuf_media_type.size() &&
         std::equal(type.begin(), type.end(), protobuf_media_type.begin(),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) == b;
                    });
}

}  // namespace auraos::gateway
