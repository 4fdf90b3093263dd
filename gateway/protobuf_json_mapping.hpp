#pragma once
// The proto3 JSON mapping of the API's messages, walked by reflection: the API's JSON values
// may nest 64 levels (stored outputs deeper), past the depth libprotobuf's own JSON transcoder
// allows. Covers what messages/ uses: scalars, nested and repeated messages, string maps,
// wrapper types and google.protobuf.Value/Struct/ListValue.

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace auraos::gateway {

/// Fills `message` (empty) from `json`; nullopt when it fits, else why not: a key that is
/// neither a field's JSON name nor its name, or a value of the wrong kind, named by its path.
std::optional<std::string> json_to_message(const nlohmann::json& json,
                                          google::protobuf::Message& message);

/// The JSON of `message`. Unset messages and unset fields with presence are left out; scalars
/// without presence at their default and empty lists and maps are written out only when
/// `with_defaults`.
nlohmann::json message_to_json(const google::protobuf::Message& message, bool with_defaults);

}  // namespace auraos::gateway
