// The node's key file: reading, writing (atomically, mode 0600), generating and rotating.

#include "runtime/crypto/node_keys.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runtime/crypto/base64url.hpp"
#include "runtime/crypto/random.hpp"

namespace auraos::runtime::crypto {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr std::size_t new_key_bytes = 32;

result<key_ring, std::string> ring_of(const json& doc, const char* name) {
  if (!doc.contains(name) || !doc[name].is_object())
    return fail(fmt::format("'{}' is missing or not an object", name));
  const auto& ring = doc[name];
  if (!ring.contains("current") || !ring["current"].is_string())
    return fail(fmt::format("'{}.current' is missing or not a string", name));
  if (!ring.contains("keys") || !ring["keys"].is_object() || ring["keys"].empty())
    return fail(fmt::format("'{}.keys' is missing, empty or not an object", name));
  std::map<std::string, std::string> keys;
  for (const auto& [id, value] : ring["keys"].items()) {
    auto bytes = value.is_string() ? base64url_decode(value.get<std::string>()) : std::nullopt;
    if (!bytes) return fail(fmt::format("'{}.keys.{}' is not base64url text", name, id));
    keys.emplace(id, std::move(*bytes));
  }
  auto made = key_ring::make(std::move(keys), ring["current"].get<std::string>());
  if (!made) return fail(fmt::format("'{}': {}", name, made.error()));
  return std::move(*made);
}

json ring_json(const key_ring& ring) {
  json keys = json::object();
  for (const auto& id : ring.ids()) keys[id] = base64url_encode(*ring.find(id));
  return {{"current", ring.current_id()}, {"keys", std::move(keys)}};
}

key_ring single_key_ring(const std::string& id) {
  return *key_ring::make({{id, random_bytes(new_key_bytes)}}, id);
}

}  // namespace

result<node_keys, std::string> parse_node_keys(std::string_view json_text) {
  auto doc = json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return fail(std::string{"not a JSON object"});
  auto signing = ring_of(doc, "signing");
  if (!signing) return fail(signing.error());
  auto secrets = ring_of(doc, "secrets");
  if (!secrets) return fail(secrets.error());
  return node_keys{std::move(*signing), std::move(*secrets)};
}

std::string node_keys_json(const node_keys& keys) {
  json doc = {{"signing", ring_json(keys.signing)}, {"secrets", ring_json(keys.secrets)}};
  return doc.dump(2) + "\n";
}

node_keys generate_node_keys() { return {single_key_ring("s1"), single_key_ring("k1")}; }

result<node_keys, std::string> load_node_keys(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(fmt::format("key file {}: cannot be read", path));
  std::ostringstream text;
  text << in.rdbuf();
  auto keys = parse_node_keys(text.str());
  if (!keys) return fail(fmt::format("key file {}: {}", path, keys.error()));
  return keys;
}

result<node_keys, std::string> load_or_create_node_keys(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec)) return load_node_keys(path);
  auto keys = generate_node_keys();
  if (auto problem = save_node_keys(path, keys)) return fail(*problem);
  return keys;
}

std::optional<std::string> save_node_keys(const std::string& path, const node_keys& keys) {
  std::error_code ec;
  auto parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) return fmt::format("key file {}: cannot create its folder: {}", path, ec.message());
  auto temporary = path + ".tmp";
  {
    auto old_mask = ::umask(077);
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    ::umask(old_mask);
    if (!out) return fmt::format("key file {}: cannot be written", temporary);
    out << node_keys_json(keys);
    if (!out.flush()) return fmt::format("key file {}: cannot be written", temporary);
  }
  fs::permissions(temporary, fs::perms::owner_read | fs::perms::owner_write, ec);
  fs::rename(temporary, path, ec);
  if (ec) return fmt::format("key file {}: cannot be replaced: {}", path, ec.message());
  return std::nullopt;
}

node_keys with_rotated_key(const node_keys& keys, key_purpose purpose) {
  const auto& ring = purpose == key_purpose::signing ? keys.signing : keys.secrets;
  const char* prefix = purpose == key_purpose::signing ? "s" : "k";
  auto ids = ring.ids();
  int number = 1;
  while (ids.count(fmt::format("{}{}", prefix, number))) ++number;
  auto id = fmt::format("{}{}", prefix, number);
  std::map<std::string, std::string> all;
  for (const auto& each : ids) all.emplace(each, *ring.find(each));
  all.emplace(id, random_bytes(new_key_bytes));
  auto rotated = *key_ring::make(std::move(all), id);
  node_keys out = keys;
  (purpose == key_purpose::signing ? out.signing : out.secrets) = std::move(rotated);
  return out;
}

}  // namespace auraos::runtime::crypto
