// The node's secrets key ring, shared by the services and read again when its file changes.
#include "runtime/crypto/secret_keys.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "runtime/crypto/node_keys.hpp"
#include "runtime/crypto/random.hpp"
#include "runtime/crypto/secret_box.hpp"

namespace auraos::runtime::crypto {

secret_keys::secret_keys(std::string path, key_ring ring)
    : path_(std::move(path)), ring_(std::make_shared<const key_ring>(std::move(ring))) {
  stamp_ = file_stamp();
}

result<std::shared_ptr<secret_keys>, std::string> secret_keys::from_file(std::string path) {
  auto keys = load_or_create_node_keys(path);
  if (!keys) return fail(keys.error());
  return std::shared_ptr<secret_keys>(new secret_keys(std::move(path), std::move(keys->secrets)));
}

std::shared_ptr<secret_keys> secret_keys::ephemeral() {
  return of(*key_ring::make({{"k1", random_bytes(key_ring::min_key_bytes)}}, "k1"));
}

std::shared_ptr<secret_keys> secret_keys::of(key_ring ring) {
  return std::shared_ptr<secret_keys>(new secret_keys({}, std::move(ring)));
}

result<std::string, std::string> secret_keys::seal(std::string_view plaintext,
                                                   std::string_view associated_data) const {
  std::shared_ptr<const key_ring> ring;
  {
    std::lock_guard lock{mutex_};
    ring = ring_;
  }
  auto sealed = encrypt(plaintext, *ring, associated_data);
  if (!sealed) return fail(fmt::format("cannot seal a secret: {}", to_string(sealed.error())));
  return std::move(*sealed);
}

result<std::string, std::string> secret_keys::open(std::string_view sealed,
                                                   std::string_view associated_data) {
  std::shared_ptr<const key_ring> ring;
  {
    std::lock_guard lock{mutex_};
    auto kid = sealed_key_id(sealed);
    if (kid && !ring_->find(*kid) && !path_.empty()) (void)reload_locked();
    ring = ring_;
  }
  auto plain = decrypt(sealed, *ring, associated_data);
  if (plain) return std::move(*plain);
  auto kid = sealed_key_id(sealed).value_or("?");
  if (plain.error() == secret_problem::unknown_key)
    return fail(
        fmt::format("the secrets are sealed under key '{}', which the key file {} does "
                    "not hold",
                    kid, path_.empty() ? "(none)" : path_));
  return fail(fmt::format("cannot open the secrets sealed under key '{}': {}", kid,
                          to_string(plain.error())));
}

std::string secret_keys::current_id() const {
  std::lock_guard lock{mutex_};
  return ring_->current_id();
}

result<bool, std::string> secret_keys::reload_if_changed() {
  std::lock_guard lock{mutex_};
  if (path_.empty() || file_stamp() == stamp_) return false;
  return reload_locked();
}

std::string secret_keys::file_stamp() const {
  struct stat info {};
  if (path_.empty() || ::stat(path_.c_str(), &info) != 0) return {};
  return fmt::format("{}:{}:{}.{}", info.st_ino, info.st_size, info.st_mtim.tv_sec,
                     info.st_mtim.tv_nsec);
}

result<bool, std::string> secret_keys::reload_locked() {
  auto stamp = file_stamp();
  auto keys = load_node_keys(path_);
  if (!keys) return fail(keys.error());
  stamp_ = std::move(stamp);
  bool rotated = keys->secrets.current_id() != ring_->current_id();
  ring_ = std::make_shared<const key_ring>(std::move(keys->secrets));
  return rotated;
}

}  // namespace auraos::runtime::crypto
