#pragma once
// Converting between the API's JSON and its Protobuf messages (messages/api_*.proto), whose
// proto3 JSON mapping is that JSON. A JSON array travels as a message whose only field is the
// list (e.g. auraos.v1.ShardLeaseList). No Protobuf headers here.

#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace google::protobuf {
class Descriptor;
}  // namespace google::protobuf

namespace auraos::gateway {

/// The compiled-in message named `type` (e.g. "auraos.v1.Execution"; the api_*.proto files are
/// kept linked for it), or null when there is none.
const google::protobuf::Descriptor* find_api_message(std::string_view type);

/// How a JSON value is read as a message.
struct message_form {
  std::string_view type;  ///< Full message name, e.g. "auraos.v1.Execution".
  bool array = false;     ///< The JSON is an array: the message's only field holds it.
};

/// The serialized message of `form` holding `json`; why not (an unknown field, a wrong type,
/// an unknown message name) otherwise.
result<std::string, std::string> json_to_protobuf(const message_form& form, std::string_view json);

/// The JSON of a serialized message of `form`: scalars at their defaults and empty lists are
/// written out when `with_defaults` (answers), left out otherwise (bodies: a default is the same
/// as absent). Why not (bytes that are not that message, an unknown name) otherwise.
result<std::string, std::string> protobuf_to_json(const message_form& form, std::string_view bytes,
                                                  bool with_defaults);

/// True when `content_type` names application/x-protobuf (parameters allowed, any case).
bool is_protobuf_media_type(std::string_view content_type);

/// The media type of the API's Protobuf bodies.
inline constexpr std::string_view protobuf_media_type = "application/x-protobuf";

}  // namespace auraos::gateway
