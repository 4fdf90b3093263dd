#pragma once
// A fresh directory for one test, removed with everything in it at the end.

#include <filesystem>
#include <random>
#include <string>

namespace auraos::test {

/// Creates a unique directory under the system temp directory; removes it on destruction.
class temp_dir {
 public:
  temp_dir() {
    std::random_device random;
    auto base = std::filesystem::temp_directory_path();
    do {
      path_ = base / ("auraos-test-" + std::to_string(random()) + std::to_string(random()));
    } while (!std::filesystem::create_directory(path_));
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  ~temp_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  /// The directory.
  const std::filesystem::path& path() const { return path_; }
  /// A file name inside the directory.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace auraos::test
