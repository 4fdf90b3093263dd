#pragma once
// The harness of protobuf_parity_test: one node for the whole suite (and a second one with
// --auth for the security operations, started at its first use), each call made once in JSON and
// once in Protobuf (the body converted with gateway/protobuf_codec.hpp), and the two answers
// compared as JSON after masking the members that legitimately differ.

#include <cctype>
#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "gateway/protobuf_codec.hpp"
#include "tests/support/auth_node.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/json_equal.hpp"
#include "tests/support/serve_node.hpp"

namespace auraos::test::parity {

using nlohmann::json;

/// One call of a case; its JSON body (none when absent) is sent as is or as its message.
struct request {
  std::string method;
  std::string target;
  std::optional<json> body = std::nullopt;
  std::map<std::string, std::string> headers = {};
};

/// Members that legitimately differ between the two answers, as paths whose `*` stands for
/// every item or member: "/id", "/items/*/createdAt".
using masks = std::vector<std::string>;

/// A setup step that did not go as planned: the case fails with its message.
struct setup_failed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The OpenAPI document of the source tree.
inline json load_document() {
  std::ifstream in{source_dir() + "/gateway/openapi/openapi.json"};
  std::ostringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

/// The segments of a path ("/a/b?x" gives a, b).
inline std::vector<std::string> segments_of(const std::string& target) {
  std::vector<std::string> out;
  std::istringstream path{target.substr(0, target.find('?'))};
  for (std::string part; std::getline(path, part, '/');)
    if (!part.empty()) out.push_back(part);
  return out;
}

/// How many literal segments of `pattern` match `target`; -1 when it does not match.
inline int match_score(const std::string& pattern, const std::string& target) {
  auto want = segments_of(pattern), have = segments_of(target);
  if (want.size() != have.size()) return -1;
  int literal = 0;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].front() == '{') continue;
    if (want[i] != have[i]) return -1;
    ++literal;
  }
  return literal;
}

/// The operationId the document routes `method` `target` to (the most literal path), or "".
inline std::string operation_of(const json& document, std::string method,
                                const std::string& target) {
  for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string best;
  int best_score = -1;
  for (const auto& [pattern, operations] : document.at("paths").items()) {
    int score = operations.contains(method) ? match_score(pattern, target) : -1;
    if (score > best_score) best = operations[method].value("operationId", ""), best_score = score;
  }
  return best;
}

/// Replaces the members at `path` (from segment `at` on) with "<masked>" unless null.
inline void mask_at(json& value, const std::vector<std::string>& path, std::size_t at) {
  if (at == path.size()) {
    if (!value.is_null()) value = "<masked>";
    return;
  }
  if (path[at] == "*" && value.is_structured()) {
    for (auto& member : value) mask_at(member, path, at + 1);
  } else if (value.is_object() && value.contains(path[at])) {
    mask_at(value[path[at]], path, at + 1);
  } else if (value.is_array() && !path[at].empty() && std::isdigit(path[at].front()) &&
             std::stoul(path[at]) < value.size()) {
    mask_at(value[std::stoul(path[at])], path, at + 1);
  }
}

/// `value` with every member at one of `paths` replaced by "<masked>" (when present, not null).
inline json masked(json value, const masks& paths) {
  for (const auto& path : paths) mask_at(value, segments_of(path), 0);
  return value;
}

/// The two answers of a parity call as JSON, unmasked (null when a call failed).
struct answers {
  json in_json;
  json in_protobuf;
};

/// The node of the suite and the two-encoding calls of the cases.
class harness {
 public:
  /// Starts the node and waits until it is ready.
  harness() : plain_(std::make_unique<serve_node>()), port_(plain_->port) {
    if (!wait_ready(port_, std::chrono::seconds(30)))
      throw setup_failed("the node is not ready:\n" + plain_->process.err());
  }

  /// The suite's second node, started with `--auth` at its first use, whose calls (setup and
  /// parity calls alike) carry the first admin's access token unless a call names its own
  /// Authorization: the security operations answer 409 or refuse without it.
  harness& secured() {
    if (!secured_) secured_.reset(new harness(auth_tag{}));
    return *secured_;
  }

  /// A setup call in JSON with `body`: its answer, or throws unless its status is `status`.
  json expect(int status, const std::string& method, const std::string& target, const json& body) {
    return expect_text(status, method, target, body.dump());
  }

  /// A setup call in JSON without a body: its answer, or throws unless its status is `status`.
  json expect(int status, const std::string& method, const std::string& target) {
    return expect_text(status, method, target, "");
  }

  /// Polls GET `target` until `done` holds for its JSON; that JSON, or throws after `limit`.
  json wait_for(const std::string& target, const std::function<bool(const json&)>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    json last;
    auto poll = [&] {
      return done(last = api_call(port_, "GET", target, "", authorized({})).json);
    };
    if (wait_until(poll, limit)) return last;
    throw setup_failed("GET " + target + " did not reach the awaited state: " + last.dump());
  }

  /// Polls execution or run `target` until its status is `status`.
  json wait_status(const std::string& target, const std::string& status) {
    return wait_for(target, [&](const json& view) { return view.value("status", "") == status; });
  }

  /// The value `make` gives, made once per suite (the fixtures shared by reads).
  const json& shared(const std::string& name, const std::function<json()>& make) {
    auto found = shared_.find(name);
    if (found == shared_.end()) found = shared_.emplace(name, make()).first;
    return found->second;
  }

  /// Reads: `target` read twice, once in each encoding.
  answers same_read(const std::string& operation, const std::string& target, int status = 200,
                    const masks& masked_paths = {}) {
    return same_answer(operation, status, {"GET", target}, {"GET", target}, masked_paths);
  }

  /// Calls `operation` as `as_json` in JSON and as `as_protobuf` in Protobuf; both must answer
  /// `status`, the message the document names, and the same data once `masked_paths` are masked.
  answers same_answer(const std::string& operation, int status, const request& as_json,
                      const request& as_protobuf, const masks& masked_paths = {}) {
    answers out;
    BOOST_TEST_CONTEXT(operation << ": " << as_json.method << " " << as_json.target) {
      const auto* forms = forms_of(operation, as_json, as_protobuf);
      if (forms == nullptr) return out;
      auto in_json = json_call(as_json);
      auto in_protobuf = protobuf_call(*forms, as_protobuf);
      BOOST_TEST(in_json.status == status, in_json.body);
      BOOST_TEST(in_protobuf.status == status, in_protobuf.body);
      if (in_json.status != status || in_protobuf.status != status) return out;
      if (status == 204) {
        BOOST_TEST(in_json.body.empty());
        BOOST_TEST(in_protobuf.body.empty());
        return out;
      }
      auto decoded = decode(*forms, status, in_protobuf);
      if (!decoded) return out;
      out = {in_json.json, *decoded};
      BOOST_TEST(!out.in_json.is_null(), "the JSON answer is not JSON: " << in_json.body);
      auto from_json = without_nulls(masked(out.in_json, masked_paths));
      auto from_protobuf = without_nulls(masked(out.in_protobuf, masked_paths));
      BOOST_TEST(same_json(from_json, from_protobuf), "JSON answer:\n"
                                                          << from_json.dump()
                                                          << "\nProtobuf answer:\n"
                                                          << from_protobuf.dump());
    }
    return out;
  }

 private:
  /// Selects the constructor of the secured node.
  struct auth_tag {};

  /// A node with `--auth` and the first admin signed in.
  explicit harness(auth_tag)
      : secured_node_(std::make_unique<auth_node>()),
        port_(secured_node_->port),
        token_(secured_node_->admin_token) {}

  /// `headers` with the harness's bearer token, unless they name an Authorization of their own.
  std::map<std::string, std::string> authorized(std::map<std::string, std::string> headers) const {
    if (!token_.empty()) headers.emplace("Authorization", "Bearer " + token_);
    return headers;
  }

  json expect_text(int status, const std::string& method, const std::string& target,
                   const std::string& body) {
    auto reply = api_call(port_, method, target, body, authorized({}));
    if (reply.status != status)
      throw setup_failed(method + " " + target + " answered " + std::to_string(reply.status) +
                         " (not " + std::to_string(status) + "): " + reply.body);
    return reply.json;
  }

  /// The x-protobuf forms of `operation`, checking that both calls are that operation.
  const json* forms_of(const std::string& operation, const request& a, const request& b) {
    for (const auto* call : {&a, &b})
      BOOST_TEST(operation_of(document_, call->method, call->target) == operation,
                 call->method << " " << call->target << " is not " << operation);
    for (const auto& [path, operations] : document_.at("paths").items())
      for (const auto& [method, each] : operations.items())
        if (each.is_object() && each.value("operationId", "") == operation &&
            each.contains("x-protobuf"))
          return &each.at("x-protobuf");
    BOOST_ERROR("the document has no x-protobuf operation " << operation);
    return nullptr;
  }

  api_reply json_call(const request& call) {
    auto headers = authorized(call.headers);
    headers["Accept"] = "application/json";
    return api_call(port_, call.method, call.target, call.body ? call.body->dump() : "", headers);
  }

  http_reply protobuf_call(const json& forms, const request& call) {
    http_call out{call.method, call.target, "", authorized(call.headers)};
    out.headers["Accept"] = std::string{gateway::protobuf_media_type};
    if (call.body) {
      auto type = forms.value("request", "");
      auto bytes =
          gateway::json_to_protobuf({type, forms.value("requestArray", false)}, call.body->dump());
      if (!bytes) throw setup_failed("the body does not fit " + type + ": " + bytes.error());
      out.body = std::move(*bytes);
      out.headers["Content-Type"] = std::string{gateway::protobuf_media_type};
    }
    return http_fetch("127.0.0.1", port_, out);
  }

  /// The Protobuf answer as JSON (defaults written out), after checking its message header.
  std::optional<json> decode(const json& forms, int status, const http_reply& reply) {
    bool success = status < 300;
    std::string type = success ? forms.value("response", "") : "auraos.v1.Error";
    bool array = success && forms.value("responseArray", false);
    BOOST_TEST(reply.headers.count("auraos-message") == 1u, "no AuraOS-Message header");
    if (reply.headers.count("auraos-message"))
      BOOST_TEST(reply.headers.at("auraos-message") == type);
    BOOST_TEST(reply.headers.count("content-type") == 1u);
    if (reply.headers.count("content-type"))
      BOOST_TEST(gateway::is_protobuf_media_type(reply.headers.at("content-type")));
    auto text = gateway::protobuf_to_json({type, array}, reply.body, true);
    if (!text) {
      BOOST_ERROR("the answer is not a " << type << ": " << text.error());
      return std::nullopt;
    }
    return json::parse(*text);
  }

  std::unique_ptr<serve_node> plain_;        ///< The node without --auth (the suite's own).
  std::unique_ptr<auth_node> secured_node_;  ///< Or the node with --auth (of secured()).
  std::uint16_t port_ = 0;                   ///< The port of whichever node it is.
  std::string token_;                        ///< Sent as a bearer token when not empty.
  json document_ = load_document();
  std::map<std::string, json> shared_;
  std::unique_ptr<harness> secured_;  ///< The harness of the node with --auth, once made.
};

/// A case: sets up what the operation needs and makes its parity calls.
using parity_case = std::function<void(harness&)>;
/// The cases by operationId.
using case_table = std::map<std::string, parity_case>;

}  // namespace auraos::test::parity
