#pragma once
// Owns one POSIX file descriptor and closes it exactly once.

#include <unistd.h>

#include <utility>

namespace auraos::runtime::handlers {

/// RAII owner of a file descriptor; -1 means none.
class unique_fd {
 public:
  /// No descriptor.
  unique_fd() = default;
  /// Takes ownership of `fd`.
  explicit unique_fd(int fd) noexcept : fd_(fd) {}
  /// Moves ownership.
  unique_fd(unique_fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  /// Moves ownership, closing what this held.
  unique_fd& operator=(unique_fd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  unique_fd(const unique_fd&) = delete;
  unique_fd& operator=(const unique_fd&) = delete;
  /// Closes the descriptor.
  ~unique_fd() { reset(); }

  /// The descriptor, or -1.
  int get() const noexcept { return fd_; }
  /// True when a descriptor is held.
  explicit operator bool() const noexcept { return fd_ >= 0; }
  /// Closes the held descriptor and takes `fd` instead.
  void reset(int fd = -1) noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

}  // namespace auraos::runtime::handlers
