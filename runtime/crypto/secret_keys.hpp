#pragma once
// The node's secrets key ring as the services use it: thread-safe sealing and opening of
// secret values, the ring read from the node's key file and read again when the file changes
// (`auraos keys rotate` adds a key) or when a sealed value names a key it does not hold.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/crypto/key_ring.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::crypto {

/// Seals and opens secret values under the node's `secrets` ring; safe from any thread.
class secret_keys {
 public:
  /// The ring of the key file at `path` (created with fresh keys when it does not exist).
  static result<std::shared_ptr<secret_keys>, std::string> from_file(std::string path);
  /// A ring of one random key that only this process knows (`auraos run`, tests): values it
  /// seals cannot be opened after the process ends.
  static std::shared_ptr<secret_keys> ephemeral();
  /// A ring given by the caller (tests); `path` empty: never read again.
  static std::shared_ptr<secret_keys> of(key_ring ring);

  /// `plaintext` sealed under the current key, bound to `associated_data` (the record's id).
  result<std::string, std::string> seal(std::string_view plaintext,
                                        std::string_view associated_data) const;
  /// The plaintext of `sealed`; when it names a key the ring lacks, the key file is read
  /// again first. Errors name the problem and the key id, never the value.
  result<std::string, std::string> open(std::string_view sealed, std::string_view associated_data);
  /// The id of the key new values are sealed under.
  std::string current_id() const;
  /// Reads the key file again when it changed since it was last read: true when the current
  /// key changed, an error (the old ring stays) when the new file is not a key file.
  result<bool, std::string> reload_if_changed();

 private:
  secret_keys(std::string path, key_ring ring);

  /// A stamp of the file (inode, size, modification time); empty when it cannot be read.
  std::string file_stamp() const;
  /// Reads the file into the ring (under the lock): true when the current key changed.
  result<bool, std::string> reload_locked();

  mutable std::mutex mutex_;
  std::string path_;
  std::shared_ptr<const key_ring> ring_;
  std::string stamp_;
};

}  // namespace auraos::runtime::crypto
