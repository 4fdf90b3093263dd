// Access-token checks, remembered API-token lookups and the revoked set.

#include "gateway/auth/authenticator.hpp"

#include <sys/stat.h>

#include "runtime/crypto/jwt.hpp"
#include "runtime/crypto/node_keys.hpp"
#include "runtime/crypto/random.hpp"
#include "runtime/security/token_claims.hpp"

namespace auraos::gateway::auth {
namespace {

namespace sec = runtime::security;
using std::chrono::seconds;
using std::chrono::sys_seconds;

/// The file's inode, size and modification time; empty when it cannot be read.
std::string file_stamp(const std::string& path) {
  struct stat info {};
  if (path.empty() || ::stat(path.c_str(), &info) != 0) return {};
  return std::to_string(info.st_ino) + ":" + std::to_string(info.st_size) + ":" +
         std::to_string(info.st_mtim.tv_sec) + "." + std::to_string(info.st_mtim.tv_nsec);
}

}  // namespace

std::string user_revocation_id(std::string_view user_id) {
  return "user:" + std::string{user_id};
}

std::string user_revocation_entry(std::string_view user_id, std::int64_t at_ms) {
  return user_revocation_id(user_id) + "@" + std::to_string(at_ms);
}

authenticator::authenticator(runtime::crypto::key_ring signing,
                             runtime::security::security_settings settings)
    : settings_(std::move(settings)),
      signing_(std::make_shared<const runtime::crypto::key_ring>(std::move(signing))),
      key_file_stamp_(file_stamp(settings_.key_file)) {}

std::shared_ptr<const runtime::crypto::key_ring> authenticator::signing() const {
  std::lock_guard lock(mutex_);
  return signing_;
}

result<bool, std::string> authenticator::reload_signing() {
  auto stamp = file_stamp(settings_.key_file);
  {
    std::lock_guard lock(mutex_);
    if (stamp.empty() || stamp == key_file_stamp_) return false;
  }
  auto keys = runtime::crypto::load_node_keys(settings_.key_file);
  std::lock_guard lock(mutex_);
  key_file_stamp_ = stamp;
  if (!keys) return fail(keys.error());
  signing_ = std::make_shared<const runtime::crypto::key_ring>(keys->signing);
  return true;
}

issued_access_token authenticator::issue(const std::string& user_id, const std::string& user_name,
                                         const std::string& role,
                                         const sec::permission_set& permissions) const {
  auto now = std::chrono::floor<seconds>(std::chrono::system_clock::now());
  sec::token_claims claims;
  claims.subject = user_id;
  claims.user_name = user_name;
  claims.role = role;
  claims.permissions = permissions;
  claims.token_id = runtime::crypto::random_token(16);
  claims.issued_at = now;
  claims.expires_at = now + settings_.access_token_ttl;
  auto expires_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        claims.expires_at.time_since_epoch())
                        .count();
  return {runtime::crypto::sign_token(claims, *signing()), claims.token_id, expires_ms};
}

token_check authenticator::check(std::string_view token, std::int64_t now_ms) const {
  token_check out;
  if (token.substr(0, api_token_prefix.size()) == api_token_prefix) {
    auto hash = runtime::crypto::sha256_hex(token);
    std::lock_guard lock(mutex_);
    auto found = api_tokens_.find(hash);
    if (found == api_tokens_.end() || now_ms - found->second.at > remember_for_ms) {
      out.needs_lookup = true;
      return out;
    }
    const auto& caller = found->second.caller;
    if (caller.expires_at && now_ms >= *caller.expires_at) {
      out.problem = "the API token expired";
    } else if (revoked_locked(caller.token_id, caller.who.user_id, found->second.at)) {
      out.problem = "the API token is revoked";
    } else {
      out.caller = caller;
    }
    return out;
  }
  auto ring = signing();
  auto claims = runtime::crypto::verify_token(token, *ring);
  if (!claims) {
    out.problem = "the token is not valid (" + std::string{runtime::crypto::to_string(claims.error())} + ")";
    return out;
  }
  auto now = sys_seconds{std::chrono::duration_cast<seconds>(std::chrono::milliseconds(now_ms))};
  if (auto problem = sec::check_claims(*claims, now, {}, ring->ids())) {
    out.problem = *problem == sec::claims_problem::expired ? "the token expired"
                                                           : "the token is not valid (" +
                                                                 std::string{to_string(*problem)} +
                                                                 ")";
    return out;
  }
  auto issued_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                       claims->issued_at.time_since_epoch())
                       .count();
  {
    std::lock_guard lock(mutex_);
    if (revoked_locked(claims->token_id, claims->subject, issued_ms)) {
      out.problem = "the token is revoked";
      return out;
    }
  }
  checked_caller caller;
  caller.who.authenticated = true;
  caller.who.user_id = claims->subject;
  caller.who.role = claims->role;
  caller.who.permissions = claims->permissions;
  caller.user_name = claims->user_name;
  caller.token_id = claims->token_id;
  caller.expires_at = std::chrono::duration_cast<std::chrono::milliseconds>(
                          claims->expires_at.time_since_epoch())
                          .count();
  out.caller = std::move(caller);
  return out;
}

void authenticator::remember_api_token(const std::string& hash, checked_caller caller,
                                       std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  // Lookups are few (one per token per remember_for_ms); keep the map from growing without end.
  if (api_tokens_.size() > 10000) api_tokens_.clear();
  api_tokens_[hash] = remembered{std::move(caller), now_ms};
}

void authenticator::apply(const std::vector<persistence::revocation_record>& revocations) {
  std::lock_guard lock(mutex_);
  for (const auto& each : revocations) {
    std::string key = each.token_id;
    if (key.rfind("user:", 0) == 0 && key.find('@') != std::string::npos)
      key.erase(key.rfind('@'));
    auto& entry = revoked_tokens_[key];
    entry.revoked_at = std::max(entry.revoked_at, each.revoked_at);
    entry.expires_at = std::max(entry.expires_at, each.expires_at);
    last_seq_ = std::max(last_seq_, each.seq);
  }
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  for (auto at = revoked_tokens_.begin(); at != revoked_tokens_.end();)
    at = at->second.expires_at <= now_ms ? revoked_tokens_.erase(at) : std::next(at);
}

void authenticator::revoke_now(const std::string& token_id, std::int64_t expires_at) {
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  apply({persistence::revocation_record{0, token_id, expires_at, now_ms}});
}

std::int64_t authenticator::last_revocation_seq() const {
  std::lock_guard lock(mutex_);
  return last_seq_;
}

bool authenticator::revoked(const std::string& token_id, const std::string& user_id,
                            std::int64_t issued_ms) const {
  std::lock_guard lock(mutex_);
  return revoked_locked(token_id, user_id, issued_ms);
}

bool authenticator::revoked_locked(const std::string& token_id, const std::string& user_id,
                                   std::int64_t issued_ms) const {
  if (revoked_tokens_.count(token_id)) return true;
  auto user = revoked_tokens_.find(user_revocation_id(user_id));
  return user != revoked_tokens_.end() && issued_ms <= user->second.revoked_at;
}

}  // namespace auraos::gateway::auth
