// The credentials file of `auraos login`.

#include "cli/credentials.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "runtime/rfc3339.hpp"

namespace auraos::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

json read_all() {
  std::ifstream in(credentials_path());
  if (!in) return json::object();
  std::stringstream text;
  text << in.rdbuf();
  auto doc = json::parse(text.str(), nullptr, false);
  return doc.is_object() ? doc : json::object();
}

std::optional<std::string> write_all(const json& doc) {
  auto path = credentials_path();
  std::error_code ec;
  auto parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  auto temporary = path + ".tmp";
  {
    auto old_mask = ::umask(077);
    std::ofstream out(temporary, std::ios::trunc);
    ::umask(old_mask);
    if (!out) return "cannot write " + temporary;
    out << doc.dump(2) << "\n";
    if (!out.flush()) return "cannot write " + temporary;
  }
  fs::permissions(temporary, fs::perms::owner_read | fs::perms::owner_write, ec);
  fs::rename(temporary, path, ec);
  if (ec) return "cannot replace " + path + ": " + ec.message();
  return std::nullopt;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string credentials_path() {
  if (const char* set = std::getenv("AURAOS_CREDENTIALS"); set && *set) return set;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::string{xdg} + "/auraos/credentials.json";
  const char* home = std::getenv("HOME");
  return std::string{home && *home ? home : "."} + "/.config/auraos/credentials.json";
}

std::optional<saved_login> load_login(const std::string& url) {
  auto doc = read_all();
  if (!doc.contains(url) || !doc[url].is_object()) return std::nullopt;
  const auto& entry = doc[url];
  saved_login out;
  out.username = entry.value("username", "");
  out.access_token = entry.value("accessToken", "");
  out.refresh_token = entry.value("refreshToken", "");
  out.expires_at = entry.value("expiresAt", std::int64_t{0});
  return out;
}

std::optional<std::string> save_login(const std::string& url, const saved_login& login) {
  auto doc = read_all();
  doc[url] = {{"username", login.username},
              {"accessToken", login.access_token},
              {"refreshToken", login.refresh_token},
              {"expiresAt", login.expires_at}};
  return write_all(doc);
}

bool forget_login(const std::string& url) {
  auto doc = read_all();
  if (!doc.contains(url)) return false;
  doc.erase(url);
  return !write_all(doc);
}

std::optional<saved_login> login_of_answer(const std::string& body) {
  auto doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("accessToken") || !doc["accessToken"].is_string())
    return std::nullopt;
  saved_login out;
  out.access_token = doc["accessToken"].get<std::string>();
  out.refresh_token = doc.value("refreshToken", "");
  if (doc.contains("user") && doc["user"].is_object())
    out.username = doc["user"].value("username", "");
  auto expires = runtime::parse_rfc3339(doc.value("expiresAt", ""));
  out.expires_at =
      expires ? std::chrono::duration_cast<std::chrono::milliseconds>(expires->time_since_epoch())
                    .count()
              : 0;
  return out;
}

std::string saved_token(const server_address& server) {
  auto login = load_login(server.url);
  if (!login) return {};
  if (login->expires_at > now_ms() + 30000 || login->refresh_token.empty())
    return login->access_token;
  auto plain = server;
  plain.token.clear();
  json body = {{"refreshToken", login->refresh_token}};
  auto reply = call_node(plain, "POST", "/api/v1/auth/token", body.dump());
  if (!reply || reply->status != 200) return login->access_token;
  auto renewed = login_of_answer(reply->body);
  if (!renewed) return login->access_token;
  if (renewed->username.empty()) renewed->username = login->username;
  save_login(server.url, *renewed);
  return renewed->access_token;
}

}  // namespace auraos::cli
